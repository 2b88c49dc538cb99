import { z } from 'zod'
import { idField } from './fields'
import { method } from './define'
import { communeChooseInput, communeSchema, communeSearchInput, directoryCommuneSchema, mandateInputSchema, mandateSchema } from './commune'
import { memberIdInput, memberInputSchema, memberSchema, memberUpdateInput } from './members'
import { profileCreateInput, profileSchema, profileSetPasswordInput, profileUpdateInput, sessionOpenInput, sessionSchema } from './profiles'
import { appStatusSchema, setupCompleteInput } from './setup'
import {
  answerSaveInput,
  answerSchema,
  calendarEntrySchema,
  calendarInput,
  campaignCreateInput,
  campaignSchema,
  campaignUpdateInput,
  citizenInputAddInput,
  citizenInputSchema,
  communeProfileSchema,
  comparisonSchema,
  diagnosticViewSchema,
  evidenceAddInput,
  evidenceFileSchema,
  evidenceSchema,
  fileOpenedSchema,
  peerComparisonSchema,
  referentielViewSchema,
  scoreSourceSchema,
  snapshotSchema,
  snapshotTakeInput,
  themeAssignInput,
  themeAssignmentSchema,
} from './diagnostic'
import {
  actionInputSchema,
  actionSchema,
  actionUpdateInput,
  attachmentAddInput,
  attachmentSchema,
  auditListInput,
  auditListSchema,
  commentAddInput,
  commentSchema,
  dashboardSchema,
  exportFileSchema,
  exportInput,
  fundingInputSchema,
  fundingSchema,
  fundingUpdateInput,
  icsInput,
  indicatorInputSchema,
  indicatorSchema,
  indicatorUpdateInput,
  measurementAddInput,
  measurementSchema,
  memberTasksSchema,
  participantAddInput,
  participantSchema,
  planningSchema,
  projectDetailSchema,
  projectInputSchema,
  projectListInput,
  projectListSchema,
  searchInput,
  searchResultSchema,
  taskInputSchema,
  taskSchema,
  tasksForMemberInput,
  taskUpdateInput,
} from './projects'
import { logoSchema, logoSetInput, reportFileSchema, reportGenerateInput } from './reports'

// Messages that the contract's own schemas do not set (wrong types, unknown keys…) come out in French too,
// in the main process and in the renderer alike.
z.config(z.locales.fr())

const none = z.object({}).strict().default({})
const ok = z.object({ ok: z.literal(true) })
const byId = z.object({ id: idField })
const projectUpdateInput = projectInputSchema.and(z.object({ id: idField }))

/**
 * The one contract between the renderer and the main process. Every call is `domain.verb`; the dispatcher
 * accepts nothing that is not listed here.
 */
export const contract = {
  'app.status': method({ input: none, output: appStatusSchema, access: 'public' }),

  'directory.searchCommunes': method({ input: communeSearchInput, output: z.array(directoryCommuneSchema), access: 'public' }),

  'setup.complete': method({
    input: setupCompleteInput,
    output: ok,
    access: 'public',
    changes: ['commune', 'members', 'profiles'],
  }),

  'session.get': method({ input: none, output: sessionSchema, access: 'public' }),
  'session.open': method({ input: sessionOpenInput, output: sessionSchema, access: 'public' }),
  'session.close': method({ input: none, output: ok, access: 'public' }),

  'commune.get': method({ input: none, output: communeSchema, access: 'profile' }),
  'commune.choose': method({ input: communeChooseInput, output: communeSchema, access: 'admin', changes: ['commune'] }),

  'mandate.get': method({ input: none, output: mandateSchema, access: 'profile' }),
  'mandate.update': method({ input: mandateInputSchema, output: mandateSchema, access: 'admin', changes: ['mandate'] }),

  'members.list': method({ input: none, output: z.array(memberSchema), access: 'profile' }),
  'members.create': method({ input: memberInputSchema, output: memberSchema, access: 'admin', changes: ['members'] }),
  'members.update': method({ input: memberUpdateInput, output: memberSchema, access: 'admin', changes: ['members'] }),
  'members.remove': method({ input: memberIdInput, output: ok, access: 'admin', changes: ['members', 'profiles'] }),

  'profiles.list': method({ input: none, output: z.array(profileSchema), access: 'profile' }),
  'profiles.create': method({ input: profileCreateInput, output: profileSchema, access: 'admin', changes: ['profiles'] }),
  'profiles.update': method({ input: profileUpdateInput, output: profileSchema, access: 'admin', changes: ['profiles'] }),
  'profiles.setPassword': method({ input: profileSetPasswordInput, output: ok, access: 'profile', changes: ['profiles'] }),
  'profiles.remove': method({ input: memberIdInput, output: ok, access: 'admin', changes: ['profiles'] }),

  'referentiel.get': method({ input: none, output: referentielViewSchema, access: 'profile' }),
  'communeProfile.get': method({ input: none, output: communeProfileSchema, access: 'profile' }),
  'communeProfile.update': method({ input: communeProfileSchema, output: communeProfileSchema, access: 'admin', changes: ['communeProfile'] }),

  'themes.assignments': method({ input: none, output: z.array(themeAssignmentSchema), access: 'profile' }),
  /** An élu marks their own themes; an administrator marks anyone's. */
  'themes.assign': method({ input: themeAssignInput, output: ok, access: 'profile', changes: ['themes'] }),

  'campaigns.list': method({ input: none, output: z.array(campaignSchema), access: 'profile' }),
  'campaigns.create': method({ input: campaignCreateInput, output: campaignSchema, access: 'admin', changes: ['campaigns'] }),
  'campaigns.update': method({ input: campaignUpdateInput, output: campaignSchema, access: 'admin', changes: ['campaigns'] }),

  'answers.list': method({ input: z.object({ campaignId: idField }), output: z.array(answerSchema), access: 'profile' }),
  'answers.save': method({ input: answerSaveInput, output: answerSchema, access: 'profile', changes: ['answers'] }),
  'evidence.add': method({ input: evidenceAddInput, output: evidenceSchema, access: 'profile', changes: ['answers'] }),
  'evidence.get': method({ input: z.object({ id: idField }), output: evidenceFileSchema, access: 'profile' }),
  /** Opens the file with the computer's viewer (Electron); `opened: false` asks the renderer to download it instead. */
  'evidence.open': method({ input: z.object({ id: idField }), output: fileOpenedSchema, access: 'profile' }),
  'evidence.remove': method({ input: z.object({ id: idField }), output: ok, access: 'profile', changes: ['answers'] }),

  'diagnostic.get': method({ input: z.object({ campaignId: idField }), output: diagnosticViewSchema, access: 'profile' }),
  'snapshots.list': method({ input: none, output: z.array(snapshotSchema), access: 'profile' }),
  'snapshots.take': method({ input: snapshotTakeInput, output: snapshotSchema, access: 'profile', changes: ['snapshots'] }),
  'diagnostic.compare': method({
    input: z.object({ before: scoreSourceSchema, after: scoreSourceSchema }),
    output: comparisonSchema,
    access: 'profile',
  }),
  'diagnostic.peers': method({ input: z.object({ campaignId: idField }), output: peerComparisonSchema, access: 'profile' }),

  'citizenInputs.list': method({ input: none, output: z.array(citizenInputSchema), access: 'profile' }),
  'citizenInputs.add': method({ input: citizenInputAddInput, output: citizenInputSchema, access: 'profile', changes: ['citizenInputs'] }),
  'citizenInputs.remove': method({ input: z.object({ id: idField }), output: ok, access: 'profile', changes: ['citizenInputs'] }),

  'calendar.upcoming': method({ input: calendarInput, output: z.array(calendarEntrySchema), access: 'profile' }),

  'projects.list': method({ input: projectListInput, output: projectListSchema, access: 'profile' }),
  'projects.get': method({ input: byId, output: projectDetailSchema, access: 'profile' }),
  'projects.create': method({ input: projectInputSchema, output: projectDetailSchema, access: 'profile', changes: ['projects'] }),
  'projects.update': method({ input: projectUpdateInput, output: projectDetailSchema, access: 'profile', changes: ['projects'] }),
  'projects.remove': method({ input: byId, output: ok, access: 'admin', changes: ['projects'] }),
  'participants.add': method({ input: participantAddInput, output: participantSchema, access: 'profile', changes: ['projects'] }),
  'participants.remove': method({ input: byId, output: ok, access: 'profile', changes: ['projects'] }),
  'actions.create': method({ input: actionInputSchema, output: actionSchema, access: 'profile', changes: ['projects'] }),
  'actions.update': method({ input: actionUpdateInput, output: actionSchema, access: 'profile', changes: ['projects'] }),
  'actions.remove': method({ input: byId, output: ok, access: 'profile', changes: ['projects'] }),
  'tasks.create': method({ input: taskInputSchema, output: taskSchema, access: 'profile', changes: ['projects', 'tasks'] }),
  'tasks.update': method({ input: taskUpdateInput, output: taskSchema, access: 'profile', changes: ['projects', 'tasks'] }),
  'tasks.remove': method({ input: byId, output: ok, access: 'profile', changes: ['projects', 'tasks'] }),
  /** "Mes tâches": a person's most urgent tasks across projects (overdue first, then by due date), with the counts. */
  'tasks.forMember': method({ input: tasksForMemberInput, output: memberTasksSchema, access: 'profile' }),
  'comments.add': method({ input: commentAddInput, output: commentSchema, access: 'profile', changes: ['projects'] }),
  'attachments.add': method({ input: attachmentAddInput, output: attachmentSchema, access: 'profile', changes: ['projects'] }),
  'attachments.get': method({ input: byId, output: exportFileSchema, access: 'profile' }),
  /** Opens the document with the computer's viewer (Electron); `opened: false` asks the renderer to download it instead. */
  'attachments.open': method({ input: byId, output: fileOpenedSchema, access: 'profile' }),
  'attachments.remove': method({ input: byId, output: ok, access: 'profile', changes: ['projects'] }),
  'fundings.create': method({ input: fundingInputSchema, output: fundingSchema, access: 'profile', changes: ['projects'] }),
  'fundings.update': method({ input: fundingUpdateInput, output: fundingSchema, access: 'profile', changes: ['projects'] }),
  'fundings.remove': method({ input: byId, output: ok, access: 'profile', changes: ['projects'] }),
  'indicators.create': method({ input: indicatorInputSchema, output: indicatorSchema, access: 'profile', changes: ['projects'] }),
  'indicators.update': method({ input: indicatorUpdateInput, output: indicatorSchema, access: 'profile', changes: ['projects'] }),
  'indicators.remove': method({ input: byId, output: ok, access: 'profile', changes: ['projects'] }),
  'measurements.add': method({ input: measurementAddInput, output: measurementSchema, access: 'profile', changes: ['projects'] }),
  'measurements.remove': method({ input: byId, output: ok, access: 'profile', changes: ['projects'] }),

  'planning.get': method({ input: none, output: planningSchema, access: 'profile' }),
  /** The calendar as an .ics file: everything, or one person's tasks and the legal deadlines. */
  'planning.ics': method({ input: icsInput, output: exportFileSchema, access: 'profile' }),
  'audit.list': method({ input: auditListInput, output: auditListSchema, access: 'profile' }),
  'search.query': method({ input: searchInput, output: searchResultSchema, access: 'profile' }),
  'dashboard.get': method({ input: none, output: dashboardSchema, access: 'profile' }),
  'exports.projects': method({ input: exportInput, output: exportFileSchema, access: 'profile' }),
  'exports.tasks': method({ input: exportInput, output: exportFileSchema, access: 'profile' }),

  /** A PDF report; long ones send `progress` events (task `report:<jobId>`) while they are built. */
  'reports.generate': method({ input: reportGenerateInput, output: reportFileSchema, access: 'profile' }),
  'logo.get': method({ input: none, output: logoSchema, access: 'profile' }),
  'logo.set': method({ input: logoSetInput, output: logoSchema, access: 'admin', changes: ['logo'] }),
  'logo.remove': method({ input: none, output: ok, access: 'admin', changes: ['logo'] }),
} as const

export type Contract = typeof contract
export type MethodName = keyof Contract
/** What a caller passes (defaults may be omitted). */
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>
/** What a handler receives, after parsing. */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(contract, name)
}

/** Events pushed from the main process to the renderer. */
export const events = {
  'data.changed': z.object({ domains: z.array(z.string()) }),
  progress: z.object({ task: z.string(), done: z.number(), total: z.number(), label: z.string() }),
} as const
export type Events = typeof events
export type EventName = keyof Events
export type EventPayload<E extends EventName> = z.output<Events[E]>

export * from './commune'
export * from './members'
export * from './profiles'
export * from './setup'
export * from './diagnostic'
export * from './projects'
export * from './reports'
export * from './fields'
export type { Access, MethodDefinition } from './define'
