import { z } from 'zod'
import { method, methodsOf } from './define'
import { none } from './fields'

/* ─── Citoyens: what citizens sent through the relay, pulled into this computer ─── */

export const citizensSyncStatusSchema = z.object({
  /** The commune is connected to a relay (Paramètres › Portail citoyen). */
  connected: z.boolean(),
  /** The last sync that reached the end of the relay's feed (ISO), or null. */
  lastSyncAt: z.string().nullable(),
  /** New contributions that sync brought. */
  lastSyncNew: z.number().int(),
  lastAttemptAt: z.string().nullable(),
  /** Why the last attempt stopped, in French (relay unreachable, page refused…); null when it succeeded. */
  lastError: z.string().nullable(),
  /** What the sync in progress is doing, in words; null when none runs. */
  running: z.string().nullable(),
  /** Contributions not opened yet on the Citoyens page. */
  unseen: z.number().int(),
  /** Contributions without a public answer (hidden ones excepted). */
  unanswered: z.number().int(),
  total: z.number().int(),
})
export type CitizensSyncStatus = z.infer<typeof citizensSyncStatusSchema>

export const citizensSyncReportSchema = z.object({
  received: z.number().int(),
  newContributions: z.number().int(),
  pages: z.number().int(),
  problem: z.string().nullable(),
})
export type CitizensSyncReport = z.infer<typeof citizensSyncReportSchema>

export const citizensMethods = methodsOf('citizens')({
  'citizens.syncStatus': method({ input: none, output: citizensSyncStatusSchema, access: 'profile', reads: ['citizens', 'portal'] }),
  /** « Synchroniser maintenant »: waits for the sync (or the one in progress) and says what it brought. */
  'citizens.syncNow': method({ input: none, output: citizensSyncReportSchema, access: 'profile', changes: ['citizens'] }),
})
