/**
 * Polls and votes: the mairie's copy in `polls`, what the relay receives built here and queued in the outbox
 * (`consultation-<id>`) in the caller's transaction; the answers counted from what the pull stored.
 */
import { randomBytes } from 'node:crypto'
import { count, desc, eq } from 'drizzle-orm'
import type { z } from 'zod'
import type { Poll, pollInput } from '../../../shared/contract/polls'
import type { PollInput as RelayPollInput } from '../../../shared/relay'
import { QUESTION_KIND_LABELS } from '../../../shared/relay/vocabulary'
import { AppError } from '../../../shared/errors'
import type { Db } from '../db/open'
import { paperBallots, pollAnswers, polls, projects, type StoredQuestion } from '../db/schema'
import { endOfDayInFrance, startOfDayInFrance } from '../news/news'
import { projectExternalId } from '../portal/publications'
import { enqueue, outboxItemView, outboxRowOf } from '../portal/outbox'

export type PollRow = typeof polls.$inferSelect
/** A poll as the contract hands it over, checked. */
export type CheckedPoll = z.output<typeof pollInput>

export function pollExternalId(id: number): string {
  return `consultation-${id}`
}

export function getPollRow(db: Db, id: number): PollRow {
  const row = db.select().from(polls).where(eq(polls.id, id)).get()
  if (!row) throw new AppError('NOT_FOUND', "Cette consultation n'existe plus : la liste a peut-être été modifiée entre-temps.")
  return row
}

export function storedQuestions(row: PollRow): StoredQuestion[] {
  return JSON.parse(row.questions) as StoredQuestion[]
}

function answersCount(db: Db, externalId: string): number {
  return db.select({ n: count() }).from(pollAnswers).where(eq(pollAnswers.pollExternalId, externalId)).get()?.n ?? 0
}

export function pollOf(db: Db, row: PollRow): Poll {
  const externalId = pollExternalId(row.id)
  const item = outboxRowOf(db, 'poll', externalId)
  const project = row.projectId === null ? undefined : db.select({ title: projects.title }).from(projects).where(eq(projects.id, row.projectId)).get()
  return {
    ...row,
    questions: storedQuestions(row),
    externalId,
    projectTitle: project?.title ?? null,
    answers: answersCount(db, externalId),
    paperBallots: db.select({ ballots: paperBallots.ballots }).from(paperBallots).where(eq(paperBallots.pollId, row.id)).get()?.ballots ?? null,
    item: item ? outboxItemView(item) : null,
  }
}

export function listPolls(db: Db): Poll[] {
  return db
    .select()
    .from(polls)
    .orderBy(desc(polls.opensOn), desc(polls.id))
    .all()
    .map((row) => pollOf(db, row))
}

function newId(prefix: string): string {
  return `${prefix}${randomBytes(4).toString('hex')}`
}

/**
 * The questions with their ids: kept ones stay (answers point at them), new ones get a fresh id. An id the poll never
 * had is refused (a stale form or a forged call).
 */
export function questionsWithIds(input: CheckedPoll['questions'], before: StoredQuestion[] = []): StoredQuestion[] {
  const known = new Map(before.map((question) => [question.id, question]))
  return input.map((question) => {
    const previous = question.id === undefined ? undefined : known.get(question.id)
    if (question.id !== undefined && !previous)
      throw new AppError('CONFLICT', 'Une question de ce formulaire n’existe plus : rouvrez la consultation.')
    const knownOptions = new Set(previous?.options.map((option) => option.id) ?? [])
    return {
      id: question.id ?? newId('q'),
      kind: question.kind,
      label: question.label,
      required: question.required,
      options: question.options.map((option) => {
        if (option.id !== undefined && !knownOptions.has(option.id))
          throw new AppError('CONFLICT', 'Un choix de ce formulaire n’existe plus : rouvrez la consultation.')
        return { id: option.id ?? newId('o'), label: option.label }
      }),
    }
  })
}

/**
 * Once citizens have answered — online, or on paper ballots entered by the mairie — the questions and choices answered
 * stay: only words and dates may change (a choice removed would silently drop its paper counts).
 */
export function checkAnsweredShapeKept(db: Db, row: PollRow, next: StoredQuestion[]): void {
  const online = answersCount(db, pollExternalId(row.id)) > 0
  const paper = db.select({ pollId: paperBallots.pollId }).from(paperBallots).where(eq(paperBallots.pollId, row.id)).get() !== undefined
  if (!online && !paper) return
  const shape = (questions: StoredQuestion[]) => JSON.stringify(questions.map((q) => [q.id, q.kind, q.options.map((o) => o.id)]))
  if (shape(storedQuestions(row)) !== shape(next))
    throw new AppError(
      'CONFLICT',
      online
        ? 'Des habitants ont déjà répondu : vous pouvez corriger les libellés, la présentation et les dates, mais plus ajouter, retirer ou changer de type une question ou un choix.'
        : 'Des bulletins papier sont saisis : vous pouvez corriger les libellés, la présentation et les dates ; pour ajouter, retirer ou changer de type une question ou un choix, retirez d’abord les bulletins papier.',
    )
}

export function checkProject(db: Db, projectId: number | null): void {
  if (projectId === null) return
  if (!db.select({ id: projects.id }).from(projects).where(eq(projects.id, projectId)).get())
    throw new AppError('NOT_FOUND', "Le projet soumis au vote n'existe plus : choisissez-en un autre.")
}

/** The questions in words, for the journal. */
export function questionsInWords(questions: StoredQuestion[]): string {
  return questions
    .map(
      (q) => `${q.label} (${QUESTION_KIND_LABELS[q.kind].toLowerCase()}${q.options.length ? ` : ${q.options.map((o) => o.label).join(' / ')}` : ''})`,
    )
    .join(' ; ')
}

export function pollPayload(row: PollRow): RelayPollInput {
  return {
    kind: row.kind,
    title: row.title,
    description: row.description,
    projectExternalId: row.projectId === null ? null : projectExternalId(row.projectId),
    opensAt: startOfDayInFrance(row.opensOn),
    closesAt: endOfDayInFrance(row.closesOn),
    verification: row.verification,
    results: row.results,
    questions: storedQuestions(row),
  }
}

/** Queues the current version of a poll for the portal. */
export function queuePoll(db: Db, row: PollRow, at: string): void {
  enqueue(db, { kind: 'poll', action: 'put', externalId: pollExternalId(row.id), label: row.title, payload: pollPayload(row) }, at)
}

/** Asks the relay to remove the poll (it stays in the desktop, with its answers). */
export function queuePollWithdrawal(db: Db, row: PollRow, at: string): void {
  enqueue(db, { kind: 'poll', action: 'delete', externalId: pollExternalId(row.id), label: row.title }, at)
}
