import { eq } from 'drizzle-orm'
import type { ParsedInput } from '../../../shared/contract'
import { AppError } from '../../../shared/errors'
import type { Db } from '../db/open'
import { fundings } from '../db/schema'
import type { HandlersOf } from '../handler'
import { assertOrdered } from '../projects/dates'
import { getProjectRow, toFunding, touchProject } from '../projects/queries'
import { projectTrail } from '../projects/trail'

type FundingRow = typeof fundings.$inferSelect

function getFundingRow(db: Db, id: number): FundingRow {
  const row = db.select().from(fundings).where(eq(fundings.id, id)).get()
  if (!row) throw new AppError('NOT_FOUND', "Ce financement n'existe plus : la liste a peut-être été modifiée entre-temps.")
  return row
}

/** Amounts are integers in cents (the contract refuses anything else); dates must exist and be in order. */
function checkFunding(input: Omit<ParsedInput<'fundings.create'>, 'projectId'>): void {
  assertOrdered(input.requestedOn, input.decidedOn, 'decidedOn', 'La date de décision doit être après la date de demande.')
}

export const fundingsHandlers: HandlersOf<'fundings'> = {
  'fundings.create': ({ projectId, ...input }, context) => {
    checkFunding(input)
    const at = context.now().toISOString()
    return context.db.transaction((tx) => {
      getProjectRow(tx, projectId)
      const row = tx
        .insert(fundings)
        .values({ projectId, ...input })
        .returning()
        .get()
      touchProject(tx, projectId, at)
      projectTrail(context, tx, at, projectId).created('funding', row.id, row)
      return toFunding(row)
    })
  },

  'fundings.update': ({ id, ...input }, context) => {
    checkFunding(input)
    const at = context.now().toISOString()
    return context.db.transaction((tx) => {
      const before = getFundingRow(tx, id)
      const row = tx.update(fundings).set(input).where(eq(fundings.id, id)).returning().get()
      touchProject(tx, row.projectId, at)
      projectTrail(context, tx, at, row.projectId).updated('funding', id, before, row)
      return toFunding(row)
    })
  },

  'fundings.remove': ({ id }, context) => {
    const at = context.now().toISOString()
    context.db.transaction((tx) => {
      const before = getFundingRow(tx, id)
      tx.delete(fundings).where(eq(fundings.id, id)).run()
      touchProject(tx, before.projectId, at)
      projectTrail(context, tx, at, before.projectId).deleted('funding', id, before)
    })
    return { ok: true as const }
  },
}
