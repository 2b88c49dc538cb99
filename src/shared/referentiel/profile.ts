import { z } from 'zod'
import type { ApplicabilityDecision } from './applicability'
import { COMPETENCES, type Competence, type ProfileFact } from './schema'

/** The commune profile questionnaire: what decides which criteria apply. Unanswered questions default to "non". */
export const communeProfileSchema = z
  .object({
    risks: z
      .object({
        /** Approved PPRN (CSI L731-3 counts only an approved one). */
        pprn: z.boolean().default(false),
        /** PPRN prescribed, not yet approved (C. env. L125-2 counts it). */
        pprnPrescribed: z.boolean().default(false),
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
        pprnPrescribed: false,
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
    /** Agents in full-time equivalents (open data: décret n° 2016-1922). */
    agentsFte: z
      .number({ error: "Le nombre d'agents doit être un nombre." })
      .min(0, { error: "Le nombre d'agents ne peut pas être négatif." })
      .max(100_000, { error: "Le nombre d'agents semble trop grand." })
      .default(0),
    /** Agents counted by head, every status and working time (DUERP: C. trav. R4121-2 ; CST: CGFP L251-5, R251-32). */
    agentsHeadcount: z
      .number({ error: "L'effectif doit être un nombre entier." })
      .int({ error: "L'effectif se compte en personnes : un nombre entier." })
      .min(0, { error: "L'effectif ne peut pas être négatif." })
      .max(100_000, { error: "L'effectif semble trop grand." })
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
        /** A building, or buildings on one site, with 1 000 m² or more of tertiary use (CCH L174-1, R174-22). */
        tertiary1000: z.boolean().default(false),
      })
      .strict()
      .default({
        erp: false,
        school: false,
        canteen: false,
        cemetery: false,
        municipalPolice: false,
        ccas: false,
        website: false,
        tertiary1000: false,
      }),
    /** The commune includes a quartier prioritaire de la politique de la ville (CSI L132-4). */
    qpv: z.boolean().default(false),
    sruConcerned: z.boolean().default(false),
    civilSecurityDelegate: z.boolean().default(false),
  })
  .strict()
export type CommuneProfile = z.infer<typeof communeProfileSchema>
export type CommuneProfileInput = z.input<typeof communeProfileSchema>

export const EMPTY_PROFILE: CommuneProfile = communeProfileSchema.parse({})

/** The two populations the texts use; null when unknown. */
export interface Populations {
  /** Population totale in force (entered by the commune, or the municipale until it does). */
  totale: number | null
  /** Population municipale of the offline directory. */
  municipale: number | null
  /** True while `totale` is only the directory's municipale standing in for the figure the commune has not entered. */
  totaleFromMunicipale?: boolean
}

/** Everything the applicability rules look at. */
export interface ApplicabilityContext {
  /** When a population is unknown, a rule on it does not match and says why (never both « under » and « over »). */
  population: Populations
  facts: Record<ProfileFact, boolean>
  transferred: ReadonlySet<Competence>
  /** The administrator's decisions by criterion id (applicability_decisions); absent in pure rule checks. */
  decisions?: ReadonlyMap<string, ApplicabilityDecision>
}

const ILE_DE_FRANCE_REGION = '11'

export function applicabilityContext(population: Populations, regionCode: string, profile: CommuneProfile): ApplicabilityContext {
  const r = profile.risks
  const seismic = r.seismicZone !== null && r.seismicZone >= 3
  // A headcount is never below the full-time equivalents: an old profile with only the FTE still counts.
  const headcount = Math.max(profile.agentsHeadcount, profile.agentsFte)
  return {
    population,
    transferred: new Set(profile.transferredCompetences),
    facts: {
      pprn: r.pprn,
      pprnPrescribed: r.pprnPrescribed,
      ppi: r.ppi,
      tri: r.tri,
      forestFire: r.forestFire,
      seismicZone3to5: seismic,
      volcanic: r.volcanic,
      cyclonic: r.cyclonic,
      majorRisk: r.pprn || r.pprnPrescribed || r.ppi || r.tri || r.forestFire || seismic || r.volcanic || r.cyclonic || r.otherMajorRisk,
      hasStaff: headcount > 0,
      staff11Plus: headcount >= 11,
      staff50Plus: headcount >= 50,
      fte50Plus: profile.agentsFte >= 50,
      tertiary1000: profile.facilities.tertiary1000,
      qpv: profile.qpv,
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
