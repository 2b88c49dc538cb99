/**
 * Small handcrafted référentiels for the unit tests of scoring and calendar (never the real content, which changes).
 * Not imported by the application.
 */
import { fileURLToPath } from 'node:url'
import { applicabilityContext, EMPTY_PROFILE, type ApplicabilityContext, type CommuneProfile } from '../../../shared/referentiel/profile'
import { referentielSchema, type ApplicabilityRule, type CriterionKind, type Deadline, type Referentiel } from '../../../shared/referentiel/schema'
import type { Session } from '../context'
import type { Core } from '../core'
import type { ScoredAnswer } from '../diagnostic/scoring'
import { ok } from './index'

export interface CriterionSpec {
  id: string
  weight: number
  kind?: CriterionKind
  appliesWhen?: ApplicabilityRule
}

export interface ThemeSpec {
  id: string
  criteria: CriterionSpec[]
}

export interface DomainSpec {
  id: string
  themes: ThemeSpec[]
}

/** A valid référentiel from a compact description: texts are generated from the ids. */
export function buildReferentiel(domains: DomainSpec[], deadlines: Deadline[] = [], version = '2026.1'): Referentiel {
  return referentielSchema.parse({
    version,
    checkedOn: '2026-01-15',
    domains: domains.map((d) => ({
      id: d.id,
      title: `Domaine ${d.id}`,
      description: `Description du domaine ${d.id} pour les tests.`,
      themes: d.themes.map((t) => ({
        id: t.id,
        title: `Thème ${t.id}`,
        description: `Description du thème ${t.id} pour les tests.`,
        usualHolder: 'commune',
        criteria: t.criteria.map((c) => ({
          id: c.id,
          question: `Le critère ${c.id} est-il rempli ?`,
          kind: c.kind ?? 'bonne_pratique',
          weight: c.weight,
          legalBasis:
            c.kind === 'obligation'
              ? [
                  {
                    code: 'CGCT',
                    article: `L-${c.id}`,
                    url: 'https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006070633/',
                    checkedOn: '2026-01-15',
                  },
                ]
              : [],
          ...(c.appliesWhen ? { appliesWhen: c.appliesWhen } : {}),
          nextStep: `Prochaine étape pour ${c.id}.`,
        })),
      })),
    })),
    deadlines,
  })
}

/** A commune of `population` inhabitants (totale and municipale alike) outside Île-de-France, with the given profile. */
export function contextFor(population: number | null = 215, profile: CommuneProfile = EMPTY_PROFILE): ApplicabilityContext {
  return applicabilityContext({ totale: population, municipale: population }, '44', profile)
}

/** A legal reference for handcrafted test content. */
export function testReference(article: string): { code: string; article: string; url: string; checkedOn: string } {
  return { code: 'CGCT', article, url: 'https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006070633/', checkedOn: '2026-01-15' }
}

/** Answers from `{ criterionId: status }` (and splits for « partiel »). */
export function answersOf(entries: Record<string, ScoredAnswer['status'] | ScoredAnswer>): Map<string, ScoredAnswer> {
  return new Map(Object.entries(entries).map(([id, value]) => [id, typeof value === 'string' ? { status: value, split: null } : value]))
}

/** A small, valid référentiel file for handler tests (2 domains, 4 themes, 8 criteria, 3 deadlines). */
export const FIXTURE_REFERENTIEL_FILE = fileURLToPath(new URL('../referentiel/__fixtures__/referentiel.json', import.meta.url))

/** Signs the window in as a new non-administrator profile, linked to `memberId` when given; returns the profile id. */
export async function signInAsElu(core: Core, session: Session, displayName = 'Paul Bernard', memberId: number | null = null): Promise<number> {
  const profile = await ok(core, session, 'profiles.create', { displayName, memberId, isAdmin: false })
  await ok(core, session, 'session.open', { profileId: profile.id })
  return profile.id
}
