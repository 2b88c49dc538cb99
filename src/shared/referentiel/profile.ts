import { z } from 'zod'
import { COMPETENCES, type Competence, type ProfileFact } from './schema'

/** The commune profile questionnaire: what decides which criteria apply. Unanswered questions default to "non". */
export const communeProfileSchema = z
  .object({
    risks: z
      .object({
        pprn: z.boolean().default(false),
        ppi: z.boolean().default(false),
        tri: z.boolean().default(false),
        forestFire: z.boolean().default(false),
        seismicZone: z
          .number({ error: 'La zone de sismicité doit être un nombre de 1 à 5.' })
          .int()
          .min(1, { error: 'La zone de sismicité va de 1 à 5.' })
          .max(5, { error: 'La zone de sismicité va de 1 à 5.' })
          .nullable()
          .default(null),
        volcanic: z.boolean().default(false),
        cyclonic: z.boolean().default(false),
        /** Another major risk listed for the commune in the DDRM (mouvement de terrain, industriel, barrage…). */
        otherMajorRisk: z.boolean().default(false),
      })
      .strict()
      .default({
        pprn: false,
        ppi: false,
        tri: false,
        forestFire: false,
        seismicZone: null,
        volcanic: false,
        cyclonic: false,
        otherMajorRisk: false,
      }),
    transferredCompetences: z
      .array(z.enum(COMPETENCES, { error: "Cette compétence n'existe pas." }))
      .max(COMPETENCES.length)
      .default([]),
    agentsFte: z
      .number({ error: "Le nombre d'agents doit être un nombre." })
      .min(0, { error: "Le nombre d'agents ne peut pas être négatif." })
      .max(100_000, { error: "Le nombre d'agents semble trop grand." })
      .default(0),
    facilities: z
      .object({
        erp: z.boolean().default(false),
        school: z.boolean().default(false),
        canteen: z.boolean().default(false),
        cemetery: z.boolean().default(false),
        municipalPolice: z.boolean().default(false),
        ccas: z.boolean().default(false),
        website: z.boolean().default(false),
      })
      .strict()
      .default({ erp: false, school: false, canteen: false, cemetery: false, municipalPolice: false, ccas: false, website: false }),
    sruConcerned: z.boolean().default(false),
    civilSecurityDelegate: z.boolean().default(false),
  })
  .strict()
export type CommuneProfile = z.infer<typeof communeProfileSchema>
export type CommuneProfileInput = z.input<typeof communeProfileSchema>

export const EMPTY_PROFILE: CommuneProfile = communeProfileSchema.parse({})

/** Everything the applicability rules look at. */
export interface ApplicabilityContext {
  /** Population municipale; null when unknown (then population rules count as met: better to show an obligation). */
  population: number | null
  facts: Record<ProfileFact, boolean>
  transferred: ReadonlySet<Competence>
}

const ILE_DE_FRANCE_REGION = '11'

export function applicabilityContext(population: number | null, regionCode: string, profile: CommuneProfile): ApplicabilityContext {
  const r = profile.risks
  const seismic = r.seismicZone !== null && r.seismicZone >= 3
  return {
    population,
    transferred: new Set(profile.transferredCompetences),
    facts: {
      pprn: r.pprn,
      ppi: r.ppi,
      tri: r.tri,
      forestFire: r.forestFire,
      seismicZone3to5: seismic,
      volcanic: r.volcanic,
      cyclonic: r.cyclonic,
      majorRisk: r.pprn || r.ppi || r.tri || r.forestFire || seismic || r.volcanic || r.cyclonic || r.otherMajorRisk,
      hasStaff: profile.agentsFte > 0,
      agents50Plus: profile.agentsFte >= 50,
      hasErp: profile.facilities.erp,
      hasSchool: profile.facilities.school,
      hasCanteen: profile.facilities.canteen,
      hasCemetery: profile.facilities.cemetery,
      hasMunicipalPolice: profile.facilities.municipalPolice,
      hasCcas: profile.facilities.ccas,
      hasWebsite: profile.facilities.website,
      sruConcerned: profile.sruConcerned,
      ileDeFrance: regionCode === ILE_DE_FRANCE_REGION,
      civilSecurityDelegate: profile.civilSecurityDelegate,
    },
  }
}
