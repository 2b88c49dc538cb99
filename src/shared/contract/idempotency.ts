/**
 * Creations the renderer may send again after a lost answer (a timeout, a reloaded window, a double click): their
 * input may carry `idempotencyKey`, one per user action. The core remembers the key with the answer in the same
 * transaction as the creation (core/idempotency.ts), and a repeat with the same key gets that answer back instead
 * of creating twice. Updates and removals need none: doing them twice gives the same state.
 */
import type { MethodName } from './index'

export const IDEMPOTENCY_KEY_FIELD = 'idempotencyKey'

/** Random enough that two user actions never share one (the renderer uses a UUID and a hash of the input). */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_:-]{16,120}$/

export const CREATION_METHODS = [
  'actions.create',
  'attachments.add',
  'campaigns.create',
  'citizenInputs.add',
  'citizens.transform',
  'comments.add',
  'evidence.add',
  'fundings.create',
  'indicators.create',
  'measurements.add',
  'members.create',
  'news.create',
  'participants.add',
  'polls.create',
  'profiles.create',
  'projects.create',
  'residentCodes.create',
  'tasks.create',
  'training.create',
  'training.createProvider',
] as const satisfies readonly MethodName[]

export type CreationMethod = (typeof CREATION_METHODS)[number]

/**
 * Writes named like creations that are safe to repeat as they are, and why (a test checks every `create`/`add`
 * method is in one list or the other).
 */
export const REPEATABLE_CREATIONS: Partial<Record<MethodName, string>> = {
  'backups.create': 'a second backup a minute later is a backup, not a duplicate record',
  'archive.import': 'an import replaces the data with the archive: twice gives the same data',
  'training.addAttestation': "replaces the training's attestation: twice gives the same attestation",
}

const creations: ReadonlySet<string> = new Set(CREATION_METHODS)

export function isCreationMethod(method: string): method is CreationMethod {
  return creations.has(method)
}
