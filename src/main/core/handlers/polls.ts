import { eq } from 'drizzle-orm'
import { AuditTrail } from '../audit'
import { polls } from '../db/schema'
import type { HandlerContext, HandlersOf } from '../handler'
import {
  checkAnsweredShapeKept,
  checkProject,
  getPollRow,
  listPolls,
  pollOf,
  questionsInWords,
  questionsWithIds,
  queuePoll,
  queuePollWithdrawal,
  storedQuestions,
  type CheckedPoll,
  type PollRow,
} from '../polls/polls'

/** Tries to send at once what was just queued; the outcome shows in the poll's state (never blocks the user). */
function sendSoon(context: HandlerContext): void {
  if (context.portalSender) context.portalSender.kick()
}

function columnsOf(input: CheckedPoll) {
  const { questions: _questions, description, ...rest } = input
  return { ...rest, description: description || null }
}

/** What the journal keeps of a poll: its fields, the questions in words. */
function audited(row: PollRow) {
  const { questions: _questions, createdAt: _createdAt, updatedAt: _updatedAt, ...rest } = row
  return { ...rest, questions: questionsInWords(storedQuestions(row)) }
}

export const pollsHandlers: HandlersOf<'polls'> = {
  'polls.list': (_input, context) => ({ items: listPolls(context.db) }),

  'polls.get': ({ id }, context) => pollOf(context.db, getPollRow(context.db, id)),

  'polls.create': (input, context) => {
    const at = context.now().toISOString()
    const row = context.db.transaction((tx) => {
      checkProject(tx, input.projectId)
      const created = tx
        .insert(polls)
        .values({
          ...columnsOf(input),
          questions: JSON.stringify(questionsWithIds(input.questions)),
          createdAt: at,
          createdBy: context.actor.displayName,
          updatedAt: at,
        })
        .returning()
        .get()
      queuePoll(tx, created, at)
      const { id: _id, withdrawnAt: _withdrawn, createdBy: _by, ...values } = audited(created)
      new AuditTrail(tx, context.actor, at).created('poll', created.id, values)
      return created
    })
    sendSoon(context)
    return pollOf(context.db, row)
  },

  'polls.update': ({ id, poll: input }, context) => {
    const at = context.now().toISOString()
    const row = context.db.transaction((tx) => {
      const before = getPollRow(tx, id)
      checkProject(tx, input.projectId)
      const questions = questionsWithIds(input.questions, storedQuestions(before))
      checkAnsweredShapeKept(tx, before, questions)
      const updated = tx
        .update(polls)
        .set({ ...columnsOf(input), questions: JSON.stringify(questions), updatedAt: at })
        .where(eq(polls.id, id))
        .returning()
        .get()!
      // A withdrawn poll stays off the portal until it is published again.
      if (!updated.withdrawnAt) queuePoll(tx, updated, at)
      new AuditTrail(tx, context.actor, at).updated('poll', id, audited(before), audited(updated))
      return updated
    })
    sendSoon(context)
    return pollOf(context.db, row)
  },

  'polls.withdraw': ({ id }, context) => {
    const at = context.now().toISOString()
    const row = context.db.transaction((tx) => {
      const before = getPollRow(tx, id)
      if (before.withdrawnAt) return before
      const withdrawn = tx.update(polls).set({ withdrawnAt: at, updatedAt: at }).where(eq(polls.id, id)).returning().get()!
      queuePollWithdrawal(tx, withdrawn, at)
      new AuditTrail(tx, context.actor, at).updated('poll', id, { withdrawnAt: null }, { withdrawnAt: at })
      return withdrawn
    })
    sendSoon(context)
    return pollOf(context.db, row)
  },

  'polls.republish': ({ id }, context) => {
    const at = context.now().toISOString()
    const row = context.db.transaction((tx) => {
      const before = getPollRow(tx, id)
      if (!before.withdrawnAt) return before
      const published = tx.update(polls).set({ withdrawnAt: null, updatedAt: at }).where(eq(polls.id, id)).returning().get()!
      queuePoll(tx, published, at)
      new AuditTrail(tx, context.actor, at).updated('poll', id, { withdrawnAt: before.withdrawnAt }, { withdrawnAt: null })
      return published
    })
    sendSoon(context)
    return pollOf(context.db, row)
  },
}
