import { z } from 'zod'
import { actionsMethods } from './actions'
import { answersMethods } from './answers'
import { appMethods } from './app'
import { applicabilityMethods } from './applicability'
import { archiveMethods } from './archive'
import { backupsMethods } from './backups'
import { attachmentsMethods } from './attachments'
import { auditMethods } from './audit'
import { calendarMethods } from './calendar'
import { campaignsMethods } from './campaigns'
import { citizenInputsMethods } from './citizen-inputs'
import { citizensMethods } from './citizens'
import { commentsMethods } from './comments'
import { communeMethods } from './commune'
import { communeProfileMethods } from './commune-profile'
import { dashboardMethods } from './dashboard'
import { DATA_DOMAINS, type DataDomain } from './define'
import { diagnosticMethods } from './diagnostic'
import { directoryMethods } from './directory'
import { evidenceMethods } from './evidence'
import { exportsMethods } from './exports'
import { fundingsMethods } from './fundings'
import { indicatorsMethods } from './indicators'
import { logoMethods } from './logo'
import { comparisonMethods } from './comparison'
import { portalMethods } from './portal'
import { newsMethods } from './news'
import { residentCodesMethods } from './resident-codes'
import { pollsMethods } from './polls'
import { pollResultsMethods } from './poll-results'
import { publicationsMethods } from './publications'
import { mandateMethods } from './mandate'
import { measurementsMethods } from './measurements'
import { membersMethods } from './members'
import { onboardingMethods } from './onboarding'
import { participantsMethods } from './participants'
import { planningMethods } from './planning'
import { profilesMethods } from './profiles'
import { projectsMethods } from './projects'
import { recoveryMethods } from './recovery'
import { referentielMethods } from './referentiel'
import { reportsMethods } from './reports'
import { searchMethods } from './search'
import { sessionMethods } from './session'
import { setupMethods } from './setup'
import { snapshotsMethods } from './snapshots'
import { tasksMethods } from './tasks'
import { themesMethods } from './themes'
import { trainingMethods } from './training'

// Messages that the contract's own schemas do not set (wrong types, unknown keys…) come out in French too,
// in the main process and in the renderer alike.
z.config(z.locales.fr())

/**
 * The one contract between the renderer and the main process. Every call is `prefix.verb`, defined in
 * `contract/<prefix>.ts` and handled in `core/handlers/<prefix>.ts`; the dispatcher accepts nothing that is not
 * listed here.
 */
export const contract = {
  ...appMethods,
  ...directoryMethods,
  ...setupMethods,
  ...sessionMethods,
  ...communeMethods,
  ...mandateMethods,
  ...membersMethods,
  ...profilesMethods,
  ...referentielMethods,
  ...communeProfileMethods,
  ...applicabilityMethods,
  ...themesMethods,
  ...campaignsMethods,
  ...answersMethods,
  ...evidenceMethods,
  ...diagnosticMethods,
  ...snapshotsMethods,
  ...citizenInputsMethods,
  ...calendarMethods,
  ...projectsMethods,
  ...participantsMethods,
  ...actionsMethods,
  ...tasksMethods,
  ...commentsMethods,
  ...attachmentsMethods,
  ...fundingsMethods,
  ...indicatorsMethods,
  ...measurementsMethods,
  ...planningMethods,
  ...auditMethods,
  ...searchMethods,
  ...dashboardMethods,
  ...onboardingMethods,
  ...backupsMethods,
  ...archiveMethods,
  ...recoveryMethods,
  ...exportsMethods,
  ...reportsMethods,
  ...logoMethods,
  ...trainingMethods,
  ...portalMethods,
  ...comparisonMethods,
  ...publicationsMethods,
  ...citizensMethods,
  ...newsMethods,
  ...residentCodesMethods,
  ...pollsMethods,
  ...pollResultsMethods,
}

export type Contract = typeof contract
export type MethodName = keyof Contract
/** What a caller passes (defaults may be omitted). */
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>
/** What a handler receives, after parsing. */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>
/** The method prefixes (`projects`, `tasks`…): one contract file and one handler file each. */
export type MethodPrefix = MethodName extends `${infer P}.${string}` ? P : never
/** Methods callable without a signed-in profile. */
export type PublicMethod = { [M in MethodName]: Contract[M]['access'] extends 'public' ? M : never }[MethodName]
/** Methods that change nothing (reads and downloads). */
export type ReadMethod = { [M in MethodName]: Contract[M] extends { reads: readonly DataDomain[] } ? M : never }[MethodName]

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(contract, name)
}

/** The read methods whose result depends on one of `domains`: what to refresh after a write that changed them. */
export function readsAffectedBy(domains: readonly DataDomain[]): Set<MethodName> {
  const changed = new Set<DataDomain>(domains)
  const affected = new Set<MethodName>()
  for (const [name, definition] of Object.entries(contract) as [MethodName, Contract[MethodName]][]) {
    if ('reads' in definition && definition.reads?.some((domain) => changed.has(domain))) affected.add(name)
  }
  return affected
}

/** Events pushed from the main process to the renderer. */
export const events = {
  /** After a write: the kinds of data it changed (`changes` of its method). */
  'data.changed': z.object({ domains: z.array(z.enum(DATA_DOMAINS)) }),
  progress: z.object({ task: z.string(), done: z.number(), total: z.number(), label: z.string() }),
} as const
export type Events = typeof events
export type EventName = keyof Events
export type EventPayload<E extends EventName> = z.output<Events[E]>

export * from './actions'
export * from './answers'
export * from './app'
export * from './archive'
export * from './backups'
export * from './attachments'
export * from './audit'
export * from './calendar'
export * from './campaigns'
export * from './citizen-inputs'
export * from './citizens'
export * from './comments'
export * from './commune'
export * from './commune-profile'
export * from './dashboard'
export * from './diagnostic'
export * from './directory'
export * from './evidence'
export * from './exports'
export * from './fields'
export * from './fundings'
export * from './indicators'
export * from './logo'
export * from './portal'
export * from './comparison'
export * from './publications'
export * from './news'
export * from './resident-codes'
export * from './polls'
export * from './poll-results'
export * from './mandate'
export * from './measurements'
export * from './members'
export * from './onboarding'
export * from './participants'
export * from './planning'
export * from './profiles'
export * from './projects'
export * from './recovery'
export * from './limits'
export * from './idempotency'
export * from './referentiel'
export * from './applicability'
export * from './reports'
export * from './search'
export * from './session'
export * from './setup'
export * from './snapshots'
export * from './tasks'
export * from './themes'
export * from './training'
export { DATA_DOMAINS, type Access, type DataDomain, type MethodDefinition } from './define'
