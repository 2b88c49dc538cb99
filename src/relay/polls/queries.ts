/** Polls and votes: publishing, answering (one verified citizen, one answer), receipts and results. */
import { and, asc, eq, gt, isNull, lte, sql } from 'drizzle-orm'
import type { z } from 'zod'
import type { pollInput, PollResults } from '../../shared/relay/api'
import { type Queryable, type RelayDb, queryRows } from '../db/open'
import { citizens, pollAnswers, polls, type StoredAnswer, type StoredQuestion } from '../db/schema'
import { withdrawPublished } from '../db/published'
import { notFound, RelayHttpError } from '../http/errors'
import { hashCode, humanCode } from '../security/secrets'

export type Poll = typeof polls.$inferSelect

/** JSON with sorted keys: jsonb does not keep the key order it was given. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  )
}

export async function upsertPoll(db: RelayDb, communeCode: string, externalId: string, input: z.output<typeof pollInput>) {
  forgetPollHint(db, communeCode, externalId)
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: polls.id, questions: polls.questions })
      .from(polls)
      .where(and(eq(polls.communeCode, communeCode), eq(polls.externalId, externalId)))
    if (existing && canonical(existing.questions) !== canonical(input.questions)) {
      const [answered] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(pollAnswers)
        .where(eq(pollAnswers.pollId, existing.id))
      if (Number(answered!.n) > 0) {
        throw new RelayHttpError(
          409,
          'deja_repondu',
          'Des habitants ont déjà répondu : les questions et les choix ne peuvent plus changer (le titre, la présentation et les dates, si).',
        )
      }
    }
    const values = { ...input, opensAt: new Date(input.opensAt), closesAt: new Date(input.closesAt), removedAt: null, updatedAt: new Date() }
    const [row] = await tx
      .insert(polls)
      .values({ communeCode, externalId, ...values })
      .onConflictDoUpdate({ target: [polls.communeCode, polls.externalId], set: values })
      .returning({ externalId: polls.externalId, updatedAt: polls.updatedAt })
    return { externalId: row!.externalId, updatedAt: row!.updatedAt.toISOString() }
  })
}

export function removePoll(db: RelayDb, communeCode: string, externalId: string): Promise<boolean> {
  forgetPollHint(db, communeCode, externalId)
  return withdrawPublished(db, 'polls', communeCode, externalId)
}

export async function findPoll(db: Queryable, communeCode: string, externalId: string): Promise<Poll | null> {
  const [row] = await db
    .select()
    .from(polls)
    .where(and(eq(polls.communeCode, communeCode), eq(polls.externalId, externalId), isNull(polls.removedAt)))
  return row ?? null
}

export async function publicPolls(db: RelayDb, communeCode: string): Promise<Poll[]> {
  return db
    .select()
    .from(polls)
    .where(and(eq(polls.communeCode, communeCode), isNull(polls.removedAt)))
    .orderBy(asc(polls.closesAt))
}

export function pollState(poll: Poll, now = new Date()): 'a_venir' | 'ouvert' | 'clos' {
  if (now < poll.opensAt) return 'a_venir'
  return now >= poll.closesAt ? 'clos' : 'ouvert'
}

export function resultsVisible(poll: Poll, now = new Date()): boolean {
  return poll.results === 'en_direct' || pollState(poll, now) === 'clos'
}

export async function pollResults(db: Queryable, poll: Poll): Promise<PollResults> {
  const counts = await queryRows<{ question_id: string; option_id: string; n: number }>(
    db,
    sql`
    SELECT q.value->>'questionId' AS question_id, o.value AS option_id, count(*)::int AS n
    FROM poll_answers a, jsonb_array_elements(a.answers) q, jsonb_array_elements_text(q.value->'optionIds') o
    WHERE a.poll_id = ${poll.id}
    GROUP BY 1, 2`,
  )
  const answered = await queryRows<{ question_id: string; n: number }>(
    db,
    sql`
    SELECT q.value->>'questionId' AS question_id, count(*)::int AS n
    FROM poll_answers a, jsonb_array_elements(a.answers) q
    WHERE a.poll_id = ${poll.id} AND (jsonb_array_length(q.value->'optionIds') > 0 OR coalesce(q.value->>'text', '') <> '')
    GROUP BY 1`,
  )
  const [participants] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(pollAnswers)
    .where(eq(pollAnswers.pollId, poll.id))
  const count = (q: string, o: string) => Number(counts.find((r) => r.question_id === q && r.option_id === o)?.n ?? 0)
  return {
    externalId: poll.externalId,
    participants: Number(participants!.n),
    closed: pollState(poll) === 'clos',
    questions: poll.questions.map((q) => ({
      id: q.id,
      kind: q.kind,
      answered: Number(answered.find((r) => r.question_id === q.id)?.n ?? 0),
      options: q.options.map((o) => ({ id: o.id, label: o.label, count: count(q.id, o.id) })),
    })),
  }
}

/** Checks a form's answers against the poll's questions; field `q_<id>` holds the option id(s) or the text. */
export function readAnswers(questions: StoredQuestion[], form: Record<string, string | string[] | undefined>): StoredAnswer[] {
  return questions.map((q, index) => {
    const raw = form[`q_${q.id}`]
    const values = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map((v) => String(v))
    const label = `Question ${index + 1}`
    if (q.kind === 'texte_court') {
      const text = (values[0] ?? '').trim()
      if (text.length > 500) throw new RelayHttpError(400, 'reponse_trop_longue', `${label} : la réponse ne doit pas dépasser 500 caractères.`)
      if (q.required && !text) throw new RelayHttpError(400, 'reponse_manquante', `${label} : une réponse est attendue.`)
      // eslint-disable-next-line no-control-regex
      if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u202a-\u202e\u2066-\u2069]/.test(text)) {
        throw new RelayHttpError(400, 'caracteres_interdits', `${label} : la réponse contient des caractères non autorisés.`)
      }
      return { questionId: q.id, optionIds: [], text: text || null }
    }
    const known = new Set(q.options.map((o) => o.id))
    const chosen = [...new Set(values)]
    if (chosen.some((v) => !known.has(v))) throw new RelayHttpError(400, 'choix_inconnu', `${label} : ce choix n’existe pas.`)
    if (q.kind === 'choix_unique' && chosen.length > 1) throw new RelayHttpError(400, 'un_seul_choix', `${label} : un seul choix est possible.`)
    if (q.required && chosen.length === 0) throw new RelayHttpError(400, 'reponse_manquante', `${label} : choisissez une réponse.`)
    return { questionId: q.id, optionIds: chosen, text: null }
  })
}

export interface Voter {
  id: number
  residentVerifiedAt: Date | null
}

/** The statements of a vote, built once per database and prepared on each connection (named statements). */
function prepareVoteStatements(db: RelayDb) {
  return {
    /** A poll with the database's clock, read in the same statement (opening and closing follow the database's time). */
    pollAtNow: db
      .select({ poll: polls, now: sql<Date | string>`now()` })
      .from(polls)
      .where(and(eq(polls.communeCode, sql.placeholder('communeCode')), eq(polls.externalId, sql.placeholder('externalId')), isNull(polls.removedAt)))
      .prepare('poll_at_now'),
    /** The answer, written only if at this statement's instant the poll is there, open and asking the same questions. */
    insertAnswer: db
      .insert(pollAnswers)
      .select(
        db
          // Every column, in the table's order (drizzle's insert-select): what the defaults would give, and the answer.
          .select({
            id: sql<number>`nextval('poll_answers_id_seq'::regclass)`.as('id'),
            communeCode: polls.communeCode,
            pollId: polls.id,
            citizenId: sql<number>`${sql.placeholder('citizenId')}::bigint`.as('citizen_id'),
            answers: sql<StoredAnswer[]>`${sql.placeholder('answers')}::jsonb`.as('answers'),
            receiptHash: sql<string>`${sql.placeholder('receiptHash')}::text`.as('receipt_hash'),
            // Not yet numbered: the feed's sequencer numbers it after commit (db/seq.ts).
            seq: sql<number | null>`NULL::bigint`.as('seq'),
            createdAt: sql<Date>`now()`.as('created_at'),
            updatedAt: sql<Date>`now()`.as('updated_at'),
          })
          .from(polls)
          .where(
            and(
              eq(polls.id, sql.placeholder('pollId')),
              eq(polls.communeCode, sql.placeholder('communeCode')),
              isNull(polls.removedAt),
              lte(polls.opensAt, sql`now()`),
              gt(polls.closesAt, sql`now()`),
              eq(polls.verification, sql.placeholder('verification')),
              sql`${polls.questions} = ${sql.placeholder('questions')}::jsonb`,
            ),
          ),
      )
      .onConflictDoUpdate({
        target: [pollAnswers.pollId, pollAnswers.citizenId],
        set: { answers: sql`excluded.answers`, receiptHash: sql`excluded.receipt_hash`, seq: null, updatedAt: sql`now()` },
      })
      .returning({ id: pollAnswers.id })
      .prepare('insert_poll_answer'),
  }
}

const voteStatements = new WeakMap<RelayDb, ReturnType<typeof prepareVoteStatements>>()

function statementsOf(db: RelayDb) {
  let statements = voteStatements.get(db)
  if (!statements) voteStatements.set(db, (statements = prepareVoteStatements(db)))
  return statements
}

/**
 * Polls read by recent votes, kept a few seconds per process: a vote peak then costs one round trip for the poll
 * instead of two. Only a hint — the guarded insert re-checks the poll at its own instant, and any refusal or
 * unstored answer is decided again on a fresh read with the database's clock.
 */
const POLL_HINT_MS = 2_000
const POLL_HINTS_MAX = 1_000
interface PollHint {
  poll: Poll
  questionsJson: string
  readAt: number
}
const pollHints = new WeakMap<RelayDb, Map<string, PollHint>>()

function hintsOf(db: RelayDb): Map<string, PollHint> {
  let hints = pollHints.get(db)
  if (!hints) pollHints.set(db, (hints = new Map()))
  return hints
}

/** Forgets a process's hint of a poll (it changed here; other processes' hints expire, and their inserts re-check). */
function forgetPollHint(db: RelayDb, communeCode: string, externalId: string): void {
  pollHints.get(db)?.delete(`${communeCode}/${externalId}`)
}

async function freshPoll(db: RelayDb, communeCode: string, externalId: string): Promise<{ hint: PollHint; now: Date } | null> {
  const [row] = await statementsOf(db).pollAtNow.execute({ communeCode, externalId })
  const hints = hintsOf(db)
  const key = `${communeCode}/${externalId}`
  if (!row) {
    hints.delete(key)
    return null
  }
  const hint = { poll: row.poll, questionsJson: JSON.stringify(row.poll.questions), readAt: Date.now() }
  if (hints.size >= POLL_HINTS_MAX) hints.clear()
  hints.set(key, hint)
  return { hint, now: new Date(row.now) }
}

function checkedAnswers(poll: Poll, now: Date, voter: Voter, form: Record<string, string | string[] | undefined>): string {
  const state = pollState(poll, now)
  if (state === 'a_venir') throw new RelayHttpError(409, 'pas_encore_ouvert', 'Ce sondage n’est pas encore ouvert.')
  if (state === 'clos') throw new RelayHttpError(409, 'clos', 'Ce sondage est clos : il n’est plus possible de répondre.')
  if (poll.verification === 'habitant' && !voter.residentVerifiedAt) {
    throw new RelayHttpError(
      403,
      'habitant_non_verifie',
      'Ce vote est réservé aux habitants vérifiés : saisissez d’abord le code remis par la mairie.',
    )
  }
  return JSON.stringify(readAnswers(poll.questions, form))
}

/**
 * Records a citizen's answer; a later answer replaces the earlier one until the poll closes (the unique index on
 * (poll, citizen) makes « one citizen, one answer » hold even under concurrent submissions). Returns a new receipt,
 * which replaces the previous one.
 *
 * No explicit transaction (a vote peak is bounded by round trips): the answers are checked against the poll — read
 * a few seconds ago by this process, or afresh with the database's clock — then one prepared `INSERT … SELECT` writes
 * them only if, at its own instant, the poll is still there, open and asking the same questions. Whatever the
 * remembered poll refused or failed to store is decided again on a fresh read, which explains a poll closed, withdrawn
 * or changed in between.
 */
export async function castAnswer(
  db: RelayDb,
  communeCode: string,
  externalId: string,
  voter: Voter,
  form: Record<string, string | string[] | undefined>,
): Promise<{ receipt: string; poll: Poll }> {
  const remembered = hintsOf(db).get(`${communeCode}/${externalId}`)
  let hint = remembered && Date.now() - remembered.readAt < POLL_HINT_MS ? remembered : null
  for (let attempt = 0; ; attempt++) {
    let answers: string
    if (hint) {
      try {
        // The process's clock only picks the fast path; opening and closing are the insert's, on the database's clock.
        answers = checkedAnswers(hint.poll, new Date(), voter, form)
      } catch {
        hint = null
        continue
      }
    } else {
      const found = await freshPoll(db, communeCode, externalId)
      if (!found) throw notFound('Ce sondage')
      hint = found.hint
      answers = checkedAnswers(hint.poll, found.now, voter, form)
    }
    const { poll, questionsJson } = hint
    const receipt = humanCode(4)
    const stored = await statementsOf(db).insertAnswer.execute({
      pollId: poll.id,
      communeCode,
      citizenId: voter.id,
      answers,
      receiptHash: hashCode(receipt),
      verification: poll.verification,
      questions: questionsJson,
    })
    if (stored.length) return { receipt, poll }
    // The poll closed, was withdrawn or changed since it was read: the next round reads it again and says which.
    hint = null
    if (attempt >= 3) throw new RelayHttpError(409, 'sondage_modifie', 'Ce sondage vient d’être modifié : rechargez la page et répondez de nouveau.')
  }
}

export async function citizenAnswer(db: RelayDb, pollId: number, citizenId: number): Promise<StoredAnswer[] | null> {
  const [row] = await db
    .select({ answers: pollAnswers.answers })
    .from(pollAnswers)
    .where(and(eq(pollAnswers.pollId, pollId), eq(pollAnswers.citizenId, citizenId)))
  return row?.answers ?? null
}

/** Whether a receipt matches an answer counted in this commune — never which answer. */
export async function checkReceipt(db: RelayDb, communeCode: string, receipt: string) {
  const [row] = await db
    .select({ title: polls.title, kind: polls.kind, updatedAt: pollAnswers.updatedAt, closesAt: polls.closesAt })
    .from(pollAnswers)
    .innerJoin(polls, eq(polls.id, pollAnswers.pollId))
    .innerJoin(citizens, eq(citizens.id, pollAnswers.citizenId))
    .where(and(eq(pollAnswers.communeCode, communeCode), eq(pollAnswers.receiptHash, hashCode(receipt))))
  return row ?? null
}
