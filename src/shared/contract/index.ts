import { z } from 'zod'
import { method } from './define'
import { communeChooseInput, communeSchema, communeSearchInput, directoryCommuneSchema, mandateInputSchema, mandateSchema } from './commune'
import { memberIdInput, memberInputSchema, memberSchema, memberUpdateInput } from './members'
import {
  profileCreateInput,
  profileSchema,
  profileSetPasswordInput,
  profileUpdateInput,
  sessionOpenInput,
  sessionSchema,
} from './profiles'
import { appStatusSchema, setupCompleteInput } from './setup'

// Messages that the contract's own schemas do not set (wrong types, unknown keys…) come out in French too,
// in the main process and in the renderer alike.
z.config(z.locales.fr())

const none = z.object({}).strict().default({})
const ok = z.object({ ok: z.literal(true) })

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
export * from './fields'
export type { Access, MethodDefinition } from './define'
