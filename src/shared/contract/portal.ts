import { z } from 'zod'
import { method, methodsOf } from './define'
import { none } from './fields'

/* ─── The citizen portal: the commune's connection to a relay (Paramètres › Portail citoyen) ─── */

/** Where the desktop token is kept: encrypted by the system (Electron's safeStorage), or as a file in the data folder. */
export const TOKEN_STORAGES = ['chiffre', 'dossier'] as const
export type TokenStorage = (typeof TOKEN_STORAGES)[number]

export const portalStatusSchema = z.object({
  connected: z.boolean(),
  relayUrl: z.string().nullable(),
  commune: z.object({ code: z.string(), name: z.string() }).nullable(),
  portalUrl: z.string().nullable(),
  connectedAt: z.string().nullable(),
  connectedBy: z.string().nullable(),
  tokenStorage: z.enum(TOKEN_STORAGES),
  /** A connection is recorded but its token cannot be read here (data restored on another computer): connect again. */
  tokenMissing: z.boolean(),
})
export type PortalStatus = z.infer<typeof portalStatusSchema>

export const portalConnectInput = z.object({
  relayUrl: z
    .string({ error: 'L’adresse du relais est obligatoire.' })
    .trim()
    .min(1, { error: 'L’adresse du relais est obligatoire.' })
    .max(300, { error: 'L’adresse du relais ne doit pas dépasser 300 caractères.' }),
  pairingCode: z
    .string({ error: 'Le code d’appairage est obligatoire.' })
    .trim()
    .min(1, { error: 'Le code d’appairage est obligatoire.' })
    .max(64, { error: 'Le code d’appairage ne doit pas dépasser 64 caractères.' }),
})
export type PortalConnectInput = z.input<typeof portalConnectInput>

export const portalMethods = methodsOf('portal')({
  'portal.status': method({ input: none, output: portalStatusSchema, access: 'profile', reads: ['portal'] }),
  'portal.connect': method({ input: portalConnectInput, output: portalStatusSchema, access: 'admin', changes: ['portal'] }),
  'portal.disconnect': method({ input: none, output: portalStatusSchema, access: 'admin', changes: ['portal'] }),
})
