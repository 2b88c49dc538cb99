import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import type { Poll, PollInput } from '../../../shared/contract'
import { auditRows, failure, ok, testClock } from '../testing'
import { plainText, readPdf, undrawable } from '../testing/pdf'
import { setUpCorePerTest } from '../testing/per-test-core'

const clock = testClock('2026-05-20T10:00:00.000Z')
const setUp = setUpCorePerTest('poll-results', { now: clock.now })

const SONDAGE: PollInput = {
  kind: 'sondage',
  title: 'Horaires de la bibliothèque',
  opensOn: '2026-05-10',
  closesOn: '2026-05-31',
  verification: 'email',
  results: 'a_la_cloture',
  questions: [
    { kind: 'choix_unique', label: 'Quel jour ?', options: [{ label: 'Mercredi' }, { label: 'Samedi' }, { label: 'Dimanche' }] },
    { kind: 'choix_multiple', label: 'Quels créneaux ?', options: [{ label: 'Matin' }, { label: 'Soir' }] },
    { kind: 'texte_court', label: 'Une remarque ?', required: false },
  ],
}

type Sqlite = { prepare(sql: string): { run(...args: unknown[]): unknown } }
let relayId = 0

/** An answer as the pull stores it (the relay's answer id is unique: a new answer of the same citizen replaces it). */
function answer(sqlite: Sqlite, poll: Poll, author: string | null, values: unknown, seq = ++relayId, id = seq): void {
  sqlite
    .prepare(
      `INSERT INTO poll_answers (relay_url, relay_id, relay_seq, poll_external_id, author_pseudonymous_id, answers, answered_at, received_at)
       VALUES ('https://relais.test', ?, ?, ?, ?, ?, ?, '2026-05-20T08:00:00Z')
       ON CONFLICT (relay_url, relay_id) DO UPDATE SET answers = excluded.answers, relay_seq = excluded.relay_seq WHERE relay_seq < excluded.relay_seq`,
    )
    .run(id, seq, poll.externalId, author, typeof values === 'string' ? values : JSON.stringify(values), `2026-05-1${seq % 10}T08:00:00Z`)
}

function ids(poll: Poll) {
  const [day, slots, remark] = poll.questions
  const [wed, sat, sun] = day!.options.map((o) => o.id)
  const [morning, evening] = slots!.options.map((o) => o.id)
  return { day: day!.id, slots: slots!.id, remark: remark!.id, wed: wed!, sat: sat!, sun: sun!, morning: morning!, evening: evening! }
}

function choose(q: ReturnType<typeof ids>, day: string[], slots: string[], text: string | null = null) {
  return [
    { questionId: q.day, optionIds: day, text: null },
    { questionId: q.slots, optionIds: slots, text: null },
    { questionId: q.remark, optionIds: [], text },
  ]
}

describe('poll results: online answers + paper ballots', () => {
  it('counts the latest answer of each citizen, adds the paper ballots apart and journals them in words', async () => {
    const { core, session } = setUp()
    const sqlite = core.database.sqlite
    const poll = await ok(core, session, 'polls.create', SONDAGE)
    const q = ids(poll)
    answer(sqlite, poll, 'citoyen-a', choose(q, [q.wed], [q.morning, q.evening], 'Ouvrir plus tard le soir'))
    // Citizen b changes their mind: the relay sends the same answer id again, with a later sequence.
    answer(sqlite, poll, 'citoyen-b', choose(q, [q.sat], [q.morning]), 50, 500)
    answer(sqlite, poll, 'citoyen-b', choose(q, [q.wed], [q.evening]), 51, 500)
    answer(sqlite, poll, 'citoyen-c', choose(q, [q.sun], []))

    const online = await ok(core, session, 'pollResults.get', { pollId: poll.id })
    expect(online.participation).toEqual({ online: 3, paper: 0, total: 3 })
    expect(online).toMatchObject({ stage: 'en_cours', provisional: true, hiddenFromCitizens: true, paper: null })
    expect(online.questions[0]!.options.map((o) => [o.label, o.online, o.percent])).toEqual([
      ['Mercredi', 2, 66.7],
      ['Samedi', 0, 0],
      ['Dimanche', 1, 33.3],
    ])
    expect(online.questions[1]!.answered).toEqual({ online: 2, paper: 0, total: 2 })
    expect(online.questions[2]!.texts.map((t) => t.text)).toEqual(['Ouvrir plus tard le soir'])

    const withPaper = await ok(core, session, 'pollResults.setPaper', {
      pollId: poll.id,
      ballots: 10,
      counts: [
        { questionId: q.day, optionId: q.wed, count: 3 },
        { questionId: q.day, optionId: q.sat, count: 6 },
        { questionId: q.slots, optionId: q.morning, count: 10 },
        { questionId: q.slots, optionId: q.evening, count: 4 },
      ],
    })
    expect(withPaper.participation).toEqual({ online: 3, paper: 10, total: 13 })
    expect(withPaper.paper).toMatchObject({ ballots: 10, updatedBy: 'Secrétariat' })
    const day = withPaper.questions[0]!
    expect(day.answered).toEqual({ online: 3, paper: 9, total: 12 })
    expect(day.options.map((o) => [o.label, o.online, o.paper, o.total, o.percent])).toEqual([
      ['Mercredi', 2, 3, 5, 41.7],
      ['Samedi', 0, 6, 6, 50],
      ['Dimanche', 1, 0, 1, 8.3],
    ])
    expect(day.options.reduce((sum, o) => sum + o.percent, 0)).toBeCloseTo(100, 5)
    // A multiple choice: each share is of the people who answered it (2 online + 10 ballots).
    expect(withPaper.questions[1]!.options.map((o) => [o.total, o.percent])).toEqual([
      [11, 91.7],
      [6, 50],
    ])

    await ok(core, session, 'pollResults.setPaper', { pollId: poll.id, ballots: 11, counts: [{ questionId: q.day, optionId: q.wed, count: 4 }] })
    const trail = auditRows(sqlite, { entity: 'paperBallots' })
    expect(trail.map((r) => [r.action, r.field])).toEqual([
      ['create', null],
      ['update', 'ballots'],
      ['update', 'counts'],
    ])
    expect(JSON.stringify(trail[0]!.after)).toContain('Quel jour ? — Mercredi : 3, Samedi : 6, Dimanche : 0')

    const removed = await ok(core, session, 'pollResults.removePaper', { pollId: poll.id })
    expect(removed.participation).toEqual({ online: 3, paper: 0, total: 3 })
    expect(auditRows(sqlite, { entity: 'paperBallots' }).at(-1)!.action).toBe('delete')

    clock.set('2026-06-01T08:00:00.000Z')
    expect(await ok(core, session, 'pollResults.get', { pollId: poll.id })).toMatchObject({
      stage: 'close',
      provisional: false,
      hiddenFromCitizens: false,
    })
    clock.set('2026-05-20T10:00:00.000Z')
  })

  it('refuses impossible paper counts in French and keeps what was there', async () => {
    const { core, session } = setUp()
    const poll = await ok(core, session, 'polls.create', SONDAGE)
    const q = ids(poll)
    await ok(core, session, 'pollResults.setPaper', { pollId: poll.id, ballots: 5, counts: [{ questionId: q.day, optionId: q.wed, count: 5 }] })
    const refusals: [unknown, string][] = [
      [{ pollId: poll.id, ballots: -1, counts: [] }, 'Le nombre de bulletins papier ne peut pas être négatif.'],
      [{ pollId: poll.id, ballots: 2.5, counts: [] }, 'Le nombre de bulletins papier doit être un nombre entier.'],
      [{ pollId: poll.id, ballots: 'dix', counts: [] }, 'Le nombre de bulletins papier doit être un nombre.'],
      [{ pollId: poll.id, ballots: 4, counts: [{ questionId: q.day, optionId: q.wed, count: -2 }] }, 'ne peut pas être négatif'],
      [
        { pollId: poll.id, ballots: 4, counts: [{ questionId: q.slots, optionId: q.morning, count: 5 }] },
        'Le choix « Matin » (question « Quels créneaux ? ») compte 5 bulletins, plus que les 4 bulletins papier reçus.',
      ],
      [
        {
          pollId: poll.id,
          ballots: 4,
          counts: [
            { questionId: q.day, optionId: q.wed, count: 3 },
            { questionId: q.day, optionId: q.sat, count: 2 },
          ],
        },
        'Les choix de la question « Quel jour ? » totalisent 5 bulletins, plus que les 4 bulletins papier reçus',
      ],
      [{ pollId: poll.id, ballots: 4, counts: [{ questionId: q.remark, optionId: q.wed, count: 1 }] }, 'attend une réponse courte'],
      [
        { pollId: poll.id, ballots: 4, counts: [{ questionId: 'inconnue', optionId: q.wed, count: 1 }] },
        'Une question de ce formulaire n’existe plus',
      ],
      [
        { pollId: poll.id, ballots: 4, counts: [{ questionId: q.day, optionId: q.morning, count: 1 }] },
        'Un choix de la question « Quel jour ? » n’existe plus',
      ],
      [
        {
          pollId: poll.id,
          ballots: 4,
          counts: [
            { questionId: q.day, optionId: q.wed, count: 1 },
            { questionId: q.day, optionId: q.wed, count: 1 },
          ],
        },
        'Le choix « Mercredi » est saisi deux fois',
      ],
      [{ pollId: poll.id, ballots: 4, counts: [{ questionId: "'; DROP TABLE polls; --", optionId: q.wed, count: 1 }] }, 'invalide'],
      [{ pollId: 9999, ballots: 4, counts: [] }, "Cette consultation n'existe plus"],
    ]
    for (const [input, message] of refusals)
      expect(await failure(core, session, 'pollResults.setPaper', input), JSON.stringify(input)).toMatchObject({
        message: expect.stringContaining(message),
      })
    const after = await ok(core, session, 'pollResults.get', { pollId: poll.id })
    expect(after.participation.paper).toBe(5)
    expect(after.questions[0]!.options[0]!.paper).toBe(5)
  })

  it('hostile online answers count nothing, and short answers stay plain text', async () => {
    const { core, session } = setUp()
    const sqlite = core.database.sqlite
    const poll = await ok(core, session, 'polls.create', SONDAGE)
    const q = ids(poll)
    answer(sqlite, poll, 'x1', choose(q, [q.wed, q.sat], [q.morning, q.morning, 'option-forgee'], '<img src=x onerror=alert(1)>\u202e\u0007 bonjour'))
    answer(sqlite, poll, 'x2', 'pas du JSON')
    answer(sqlite, poll, 'x3', { questionId: q.day })
    answer(sqlite, poll, 'x4', [
      { questionId: q.day, optionIds: [q.morning], text: null },
      { questionId: q.remark, optionIds: [q.wed], text: 'x'.repeat(5000) },
    ])
    const results = await ok(core, session, 'pollResults.get', { pollId: poll.id })
    expect(results.participation.online).toBe(4)
    // Two options for a single choice, an option of another question: not counted.
    expect(results.questions[0]!.answered.online).toBe(0)
    expect(results.questions[1]!.options.map((o) => o.online)).toEqual([1, 0])
    const texts = results.questions[2]!.texts.map((t) => t.text)
    expect(texts[0]).toBe('<img src=x onerror=alert(1)> bonjour')
    expect(texts[1]).toHaveLength(2000)
  })

  it('exports the results to CSV and XLSX, read back', async () => {
    const { core, session } = setUp()
    const sqlite = core.database.sqlite
    const poll = await ok(core, session, 'polls.create', SONDAGE)
    const q = ids(poll)
    answer(sqlite, poll, 'a', choose(q, [q.wed], [q.morning], '=HYPERLINK("http://pirate.test";"clic")'))
    await ok(core, session, 'pollResults.setPaper', { pollId: poll.id, ballots: 2, counts: [{ questionId: q.day, optionId: q.sat, count: 2 }] })

    const csvFile = await ok(core, session, 'pollResults.export', { pollId: poll.id, format: 'csv' })
    expect(csvFile.fileName).toBe('resultats-sondage-horaires-de-la-bibliotheque-2026-05-20.csv')
    const csv = Buffer.from(csvFile.contentBase64, 'base64').toString('utf8')
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n')
    expect(lines[0]).toBe('Question;Type;Choix ou réponse;En ligne;Sur papier;Total;Part (%)')
    expect(lines[1]).toBe('Participation;;Participants (résultats provisoires);1;2;3;')
    expect(lines).toContain('Quel jour ?;Choix unique;Mercredi;1;0;1;33,3')
    expect(lines).toContain('Quel jour ?;Choix unique;Samedi;0;2;2;66,7')
    // A citizen's text never becomes a formula.
    expect(lines).toContain(`Une remarque ?;Réponse courte;"'=HYPERLINK(""http://pirate.test"";""clic"")";;;;`)

    const xlsxFile = await ok(core, session, 'pollResults.export', { pollId: poll.id, format: 'xlsx' })
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(xlsxFile.contentBase64, 'base64') as unknown as ArrayBuffer)
    const sheet = workbook.getWorksheet('Résultats')!
    const rows = sheet
      .getSheetValues()
      .filter(Boolean)
      .map((row) => (row as unknown[]).slice(1))
    expect(rows[0]).toEqual(['Question', 'Type', 'Choix ou réponse', 'En ligne', 'Sur papier', 'Total', 'Part (%)'])
    expect(rows).toContainEqual(['Quel jour ?', 'Choix unique', 'Samedi', 0, 2, 2, 66.7])
    expect(rows.some((row) => row.some((cell) => typeof cell === 'object' && cell !== null && 'formula' in cell))).toBe(false)
  })

  it('prints the results in a PDF of their own: participation, online and paper apart, the short answers as text', async () => {
    const { core, session } = setUp()
    const sqlite = core.database.sqlite
    const poll = await ok(core, session, 'polls.create', SONDAGE)
    const q = ids(poll)
    answer(sqlite, poll, 'a', choose(q, [q.wed], [q.morning], 'Plus de bandes dessinées <b>svp</b>'))
    answer(sqlite, poll, 'b', choose(q, [q.sat], [q.evening]))
    await ok(core, session, 'pollResults.setPaper', {
      pollId: poll.id,
      ballots: 1234,
      counts: [
        { questionId: q.day, optionId: q.sat, count: 1000 },
        { questionId: q.slots, optionId: q.morning, count: 600 },
      ],
    })
    const file = await ok(core, session, 'pollResults.pdf', { pollId: poll.id })
    expect(file.fileName).toBe('resultats-sondage-horaires-de-la-bibliotheque-2026-05-20.pdf')
    const bytes = Buffer.from(file.contentBase64, 'base64')
    const keep = process.env.CAP_COMMUNE_KEEP_REPORTS
    if (keep) writeFileSync(join(keep, file.fileName), bytes)
    const pdf = await readPdf(bytes)
    const text = plainText(pdf)
    expect(pdf.title).toContain('Résultats provisoires de la consultation')
    expect(text).toContain('Sondage « Horaires de la bibliothèque »')
    expect(text).toContain(
      'Résultats provisoires : la consultation est encore ouverte (clôture le 31 mai 2026). Les habitants ne verront les résultats qu’à la clôture.',
    )
    expect(text).toMatch(/1\s236\s+participants\s+2\s+en ligne\s+1\s234\s+sur papier/)
    // Samedi: 1 online + 1 000 on paper = 1 001 of 1 002 answers.
    expect(text).toMatch(/Samedi\s+1\s+1\s000\s+1\s001\s+99,9\s%/)
    expect(text).toContain('1 réponse écrite, telle que saisie : Plus de bandes dessinées <b>svp</b>')
    expect(undrawable(text)).toEqual([])
  })
})
