/**
 * Reading a poll's results (online answers from `poll_answers`, paper ballots from `paper_ballots`/`paper_counts`)
 * and checking the paper numbers the mairie enters against the poll's questions.
 */
import { eq } from 'drizzle-orm'
import type { PollResults } from '../../../shared/contract/poll-results'
import { formatInteger } from '../../../shared/format'
import { AppError } from '../../../shared/errors'
import type { Db } from '../db/open'
import { paperBallots, paperCounts, pollAnswers, type StoredQuestion } from '../db/schema'
import { getPollRow, pollExternalId, storedQuestions, type PollRow } from '../polls/polls'
import { participationOf, tallyQuestions, type OnlineAnswer, type PaperEntry } from './tally'

export function onlineAnswers(db: Db, pollId: number): OnlineAnswer[] {
  return db
    .select({ author: pollAnswers.authorPseudonymousId, seq: pollAnswers.relaySeq, answeredAt: pollAnswers.answeredAt, answers: pollAnswers.answers })
    .from(pollAnswers)
    .where(eq(pollAnswers.pollExternalId, pollExternalId(pollId)))
    .all()
    .map((row) => {
      let answers: unknown = []
      try {
        answers = JSON.parse(row.answers)
      } catch {
        // A row that is not JSON counts nothing (the pull validated it; a damaged file must not stop the count).
      }
      return { author: row.author, seq: row.seq, answeredAt: row.answeredAt, answers }
    })
}

export function paperEntryOf(db: Db, pollId: number): (PaperEntry & { updatedAt: string; updatedBy: string }) | null {
  const row = db.select().from(paperBallots).where(eq(paperBallots.pollId, pollId)).get()
  if (!row) return null
  const counts = new Map<string, Map<string, number>>()
  for (const c of db.select().from(paperCounts).where(eq(paperCounts.pollId, pollId)).all()) {
    const question = counts.get(c.questionId) ?? new Map<string, number>()
    question.set(c.optionId, c.count)
    counts.set(c.questionId, question)
  }
  return { ballots: row.ballots, counts, updatedAt: row.updatedAt, updatedBy: row.updatedBy }
}

export function stageOf(row: PollRow, today: string): PollResults['stage'] {
  if (today < row.opensOn) return 'a_venir'
  return today > row.closesOn ? 'close' : 'en_cours'
}

export function resultsOf(db: Db, row: PollRow, today: string): PollResults {
  const online = onlineAnswers(db, row.id)
  const paper = paperEntryOf(db, row.id)
  const stage = stageOf(row, today)
  return {
    poll: {
      id: row.id,
      kind: row.kind,
      title: row.title,
      opensOn: row.opensOn,
      closesOn: row.closesOn,
      results: row.results,
      withdrawnAt: row.withdrawnAt,
    },
    stage,
    provisional: stage !== 'close',
    hiddenFromCitizens: row.results === 'a_la_cloture' && stage !== 'close',
    participation: participationOf(online, paper),
    paper: paper && { ballots: paper.ballots, updatedAt: paper.updatedAt, updatedBy: paper.updatedBy },
    questions: tallyQuestions(storedQuestions(row), online, paper),
  }
}

export function readResults(db: Db, pollId: number, today: string): PollResults {
  return resultsOf(db, getPollRow(db, pollId), today)
}

export interface PaperInput {
  ballots: number
  counts: { questionId: string; optionId: string; count: number }[]
}

function ballotsInWords(n: number): string {
  return `${formatInteger(n)} bulletin${n > 1 ? 's' : ''}`
}

/**
 * The paper numbers, checked against the poll: each option once, of a choice question of this poll; a multiple-choice
 * option at most the number of ballots; the options of a single choice together at most the number of ballots (the
 * rest are blank or void). Zeros are not kept.
 */
export function checkedPaperCounts(questions: StoredQuestion[], input: PaperInput): PaperInput['counts'] {
  const byId = new Map(questions.map((q) => [q.id, q]))
  const seen = new Set<string>()
  const perQuestion = new Map<string, number>()
  for (const entry of input.counts) {
    const question = byId.get(entry.questionId)
    if (!question) throw new AppError('CONFLICT', 'Une question de ce formulaire n’existe plus dans la consultation : rouvrez les résultats.')
    if (question.kind === 'texte_court')
      throw new AppError('INVALID_INPUT', `La question « ${question.label} » attend une réponse courte : elle ne se compte pas par choix.`)
    const option = question.options.find((o) => o.id === entry.optionId)
    if (!option) throw new AppError('CONFLICT', `Un choix de la question « ${question.label} » n’existe plus : rouvrez les résultats.`)
    const key = `${question.id}/${option.id}`
    if (seen.has(key)) throw new AppError('INVALID_INPUT', `Le choix « ${option.label} » est saisi deux fois : gardez un seul nombre.`)
    seen.add(key)
    if (question.kind === 'choix_multiple' && entry.count > input.ballots)
      throw new AppError(
        'INVALID_INPUT',
        `Le choix « ${option.label} » (question « ${question.label} ») compte ${ballotsInWords(entry.count)}, plus que les ${ballotsInWords(input.ballots)} papier reçus.`,
      )
    perQuestion.set(question.id, (perQuestion.get(question.id) ?? 0) + entry.count)
  }
  for (const [questionId, total] of perQuestion) {
    const question = byId.get(questionId)!
    if (question.kind === 'choix_unique' && total > input.ballots)
      throw new AppError(
        'INVALID_INPUT',
        `Les choix de la question « ${question.label} » totalisent ${ballotsInWords(total)}, plus que les ${ballotsInWords(input.ballots)} papier reçus : un bulletin ne compte qu’une fois.`,
      )
  }
  return input.counts.filter((entry) => entry.count > 0)
}

/** Replaces the paper ballots of a poll (in the caller's transaction). */
export function writePaper(db: Db, pollId: number, ballots: number, counts: PaperInput['counts'], at: string, by: string): void {
  db.insert(paperBallots)
    .values({ pollId, ballots, updatedAt: at, updatedBy: by })
    .onConflictDoUpdate({ target: paperBallots.pollId, set: { ballots, updatedAt: at, updatedBy: by } })
    .run()
  db.delete(paperCounts).where(eq(paperCounts.pollId, pollId)).run()
  for (const entry of counts)
    db.insert(paperCounts)
      .values({ pollId, ...entry })
      .run()
}

export function deletePaper(db: Db, pollId: number): void {
  db.delete(paperBallots).where(eq(paperBallots.pollId, pollId)).run()
}

/** The paper numbers in words, for the journal: « Quel jour ? — Mercredi : 5, Samedi : 7 ». */
export function paperInWords(questions: StoredQuestion[], counts: PaperEntry['counts']): string {
  return questions
    .filter((q) => q.kind !== 'texte_court')
    .map((q) => `${q.label} — ${q.options.map((o) => `${o.label} : ${formatInteger(counts.get(q.id)?.get(o.id) ?? 0)}`).join(', ')}`)
    .join(' ; ')
}
