import { AT, seedInitialAndDiagnostic, verifyInitialAndDiagnosticKept, type MigrationFixture } from './seeds'

/**
 * paper_ballots / paper_counts (new, empty): a poll saved before the upgrade keeps its questions and gets no invented
 * paper ballots; its paper counts can then be entered, and go with their poll.
 */
export const fixture: MigrationFixture = {
  seed: (sqlite) => {
    seedInitialAndDiagnostic(sqlite)
    sqlite
      .prepare(
        "INSERT INTO polls (id, kind, title, opens_on, closes_on, verification, results, questions, created_at, created_by, updated_at) VALUES (7, 'sondage', 'Cantine', '2026-04-01', '2026-04-30', 'email', 'en_direct', ?, ?, 'Secrétariat', ?)",
      )
      .run('[{"id":"q1","kind":"choix_unique","label":"Bio ?","required":true,"options":[{"id":"o1","label":"Oui"},{"id":"o2","label":"Non"}]}]', AT, AT)
  },
  verify: (sqlite) => {
    verifyInitialAndDiagnosticKept(sqlite)
    const poll = sqlite.prepare('SELECT title, results, questions FROM polls WHERE id = 7').get() as { title: string; results: string; questions: string } | undefined
    if (poll?.title !== 'Cantine' || poll.results !== 'en_direct' || !poll.questions.includes('"o2"')) throw new Error(`Consultation perdue : ${JSON.stringify(poll)}`)
    const { n } = sqlite.prepare('SELECT count(*) AS n FROM paper_ballots').get() as { n: number }
    if (n !== 0) throw new Error(`Bulletins papier inventés : ${n}`)
    sqlite.prepare("INSERT INTO paper_ballots (poll_id, ballots, updated_at, updated_by) VALUES (7, 12, ?, 'Secrétariat')").run(AT)
    sqlite.prepare("INSERT INTO paper_counts (poll_id, question_id, option_id, count) VALUES (7, 'q1', 'o1', 9)").run()
    sqlite.prepare('DELETE FROM polls WHERE id = 7').run()
    const left = sqlite.prepare('SELECT (SELECT count(*) FROM paper_ballots) + (SELECT count(*) FROM paper_counts) AS n').get() as { n: number }
    if (left.n !== 0) throw new Error('Bulletins papier restés sans leur consultation')
  },
}
