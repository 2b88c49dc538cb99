import { z } from 'zod'
import { EPCI_KINDS } from '../referentiel/profile-defaults'
import { method, methodsOf } from './define'

/** Where the figures of the offline directory come from; stored with the commune and shown next to them. */
export const DIRECTORY_SOURCE = 'Découpage administratif (Etalab, INSEE), édition 2026 — population municipale'

/** The commune's intercommunalité; `kind` (CC, CA, CU, métropole) is known from the offline directory. */
export const epciSchema = z.object({ siren: z.string(), name: z.string(), kind: z.enum(EPCI_KINDS).nullable().optional() })

/** One entry of the offline directory of current communes. */
export const directoryCommuneSchema = z.object({
  inseeCode: z.string(),
  name: z.string(),
  departementCode: z.string(),
  departementName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  postalCodes: z.array(z.string()),
  siren: z.string(),
  population: z.number().int().nullable(),
  epci: epciSchema.nullable(),
})
export type DirectoryCommune = z.infer<typeof directoryCommuneSchema>

export const communeSearchInput = z.object({
  query: z.string({ error: 'La recherche doit être un texte.' }).max(100, { error: 'La recherche ne doit pas dépasser 100 caractères.' }),
  limit: z.number().int().min(1).max(50).default(20),
})

export const directoryMethods = methodsOf('directory')({
  /** The offline directory shipped with the app: nothing the commune writes changes it. */
  'directory.searchCommunes': method({ input: communeSearchInput, output: z.array(directoryCommuneSchema), access: 'public', reads: [] }),
})
