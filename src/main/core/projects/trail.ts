import { AuditTrail, authorOf } from '../audit'
import type { HandlerContext } from '../context'
import type { Db } from '../db/open'
import { localDate } from './dates'

/** The audit trail of a write about `projectId` (the project or one of its children), by the signed-in profile. */
export function projectTrail(context: HandlerContext, db: Db, at: string, projectId: number): AuditTrail {
  return new AuditTrail(db, authorOf(context.actor), at).forProject(projectId)
}

/** Today on the mairie's calendar: what is due before it and not done is overdue. */
export function todayOf(context: Pick<HandlerContext, 'now'>): string {
  return localDate(context.now())
}

/** The signed-in profile's name, for « ajouté par », comments and `created_by`. */
export function actorName(context: Pick<HandlerContext, 'actor'>): string {
  return context.actor?.displayName ?? 'Cap Commune'
}
