import { z } from 'zod'
import { method, methodsOf } from './define'
import { none } from './fields'
import { recoverySchema } from './backups'
import { safeHttpsUrl } from '../links'

export const appStatusSchema = z.object({
  setupDone: z.boolean(),
  version: z.string(),
  dataDir: z.string(),
  /** Profiles offered on the "who are you?" screen. */
  /** Who may open the app; `isAdmin` names who can replace a forgotten password. */
  profiles: z.array(z.object({ id: z.number().int(), displayName: z.string(), hasPassword: z.boolean(), isAdmin: z.boolean() })),
  activeProfileId: z.number().int().nullable(),
  /** Set when the data could not be opened at launch: the app offers the latest good backup instead. */
  recovery: recoverySchema.nullable(),
})
export type AppStatus = z.infer<typeof appStatusSchema>

/**
 * A link to open in the system browser: checked here, in the main process, whatever the renderer checked before
 * (only https, no `user:password@`, a real host, nothing hidden — shared/links.ts).
 */
export const openLinkInput = z.object({
  url: z.string({ error: 'Le lien à ouvrir doit être une adresse.' }).refine((url) => safeHttpsUrl(url) !== null, {
    error: 'Ce lien ne peut pas être ouvert : seules les adresses sûres commençant par https:// s’ouvrent, sans identifiant ni mot de passe.',
  }),
})
/** `opened: false` where the host cannot open it itself (the browser host): the page opens it in a new tab. */
export const linkOpenedSchema = z.object({ opened: z.boolean() })

export const appMethods = methodsOf('app')({
  'app.status': method({ input: none, output: appStatusSchema, access: 'public', reads: ['session', 'commune', 'profiles'] }),
  /** Opens a link in the system browser (Electron); changes no data. */
  'app.openLink': method({ input: openLinkInput, output: linkOpenedSchema, access: 'profile', changes: [] }),
})
