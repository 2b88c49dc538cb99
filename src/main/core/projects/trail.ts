import { AuditTrail } from '../audit'
import type { Db } from '../db/open'
import type { SignedInContext } from '../handler'

/** The audit trail of a write about `projectId` (the project or one of its children), by the signed-in profile. */
export function projectTrail(context: SignedInContext, db: Db, at: string, projectId: number): AuditTrail {
  return new AuditTrail(db, context.actor, at).forProject(projectId)
}
