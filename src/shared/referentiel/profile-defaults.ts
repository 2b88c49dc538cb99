/**
 * Where the setup wizard's commune profile starts: answers a mairie can review in a minute rather than a blank
 * questionnaire that makes whole domains « non concerné ». Each default is only a starting point, editable.
 */
import { isElectedRole, type MemberRole } from '../roles'
import { communeProfileSchema, type CommuneProfile } from './profile'
import type { Competence } from './schema'

/** The kinds of EPCI à fiscalité propre in the offline directory (epci.json `type`); the Métropole de Lyon counts as one. */
export const EPCI_KINDS = ['CC', 'CA', 'CU', 'METRO'] as const
export type EpciKind = (typeof EPCI_KINDS)[number]

export const EPCI_KIND_LABELS: Record<EpciKind, string> = {
  CC: 'communauté de communes',
  CA: "communauté d'agglomération",
  CU: 'communauté urbaine',
  METRO: 'métropole',
}

/** The directory's `type` (« CC », « CA », « CU », « METRO », « MET69 ») as a kind, or null when unknown. */
export function epciKindOf(type: string | undefined): EpciKind | null {
  if (type === 'MET69') return 'METRO'
  return (EPCI_KINDS as readonly string[]).includes(type ?? '') ? (type as EpciKind) : null
}

/**
 * The competences each kind exercises « de plein droit au lieu et place des communes membres » (checked on
 * 2026-12-01), as far as this questionnaire names them:
 * - CC, CGCT L5214-16 I: aménagement de l'espace and PLU (1°, a transfer communes may have blocked, loi ALUR
 *   art. 136), développement économique and tourisme (2°), GEMAPI (3°), déchets (5°). Eau and assainissement are no
 *   longer compulsory since loi n° 2025-327 of 11 April 2025 (only where all communes had transferred them by then).
 * - CA, L5216-5 I: développement économique and tourisme (1°), PLU and mobilité (2°), habitat (3°), GEMAPI (5°),
 *   déchets (7°), eau (8°), assainissement (9°).
 * - CU, L5215-20 I: the same, plus voirie (2° b) and the équipements culturels et sportifs d'intérêt communautaire (1° b).
 * - Métropole, L5217-2 I (Lyon: L3641-1): the CU's list plus the service public de défense extérieure contre
 *   l'incendie.
 */
const CU_TRANSFERS: readonly Competence[] = [
  'developpement_economique',
  'tourisme',
  'equipements_culturels_sportifs',
  'urbanisme',
  'mobilite',
  'voirie',
  'habitat',
  'gemapi',
  'dechets',
  'eau',
  'assainissement',
]

export const USUAL_TRANSFERS: Record<EpciKind, readonly Competence[]> = {
  CC: ['urbanisme', 'developpement_economique', 'tourisme', 'gemapi', 'dechets'],
  CA: ['developpement_economique', 'tourisme', 'urbanisme', 'mobilite', 'habitat', 'gemapi', 'dechets', 'eau', 'assainissement'],
  CU: CU_TRANSFERS,
  METRO: [...CU_TRANSFERS, 'defense_incendie'],
}

/** The people of the team who are agents of the commune (secrétaire, DGS, agents), not élus. */
export function agentsInTeam(team: readonly { role: MemberRole }[]): number {
  return team.filter((member) => !isElectedRole(member.role)).length
}

/**
 * The wizard's starting profile: the mairie is an ERP (it receives the public: CCH R143-2), the agents are counted
 * from the team entered, the competences are the usual transfers of the commune's EPCI kind; everything else « non ».
 */
export function defaultProfile({ epciKind, team }: { epciKind: EpciKind | null; team: readonly { role: MemberRole }[] }): CommuneProfile {
  const base = communeProfileSchema.parse({})
  return {
    ...base,
    facilities: { ...base.facilities, erp: true },
    agentsHeadcount: agentsInTeam(team),
    transferredCompetences: epciKind === null ? [] : [...USUAL_TRANSFERS[epciKind]],
  }
}
