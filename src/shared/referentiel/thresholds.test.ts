import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { evaluateApplicability } from './applicability'
import { applicabilityContext, communeProfileSchema, type CommuneProfileInput } from './profile'
import { referentielSchema, type ApplicabilityRule, type PopulationRule } from './schema'

/**
 * Every population threshold of the référentiel, with the words of its text and its boundary cases. A criterion or
 * deadline whose rule compares a population must appear here (the last test refuses one that does not), and its
 * cases must include the threshold itself: « plus de 10 000 » excludes 10 000, « 10 000 et plus » includes it.
 */
interface Boundary {
  /** Code, article and the words that set the threshold. */
  text: string
  /** [population totale, applies?] — the threshold itself and its neighbour on the other side. */
  cases: [number, boolean][]
  region?: string
  profile?: CommuneProfileInput
}

const BOUNDARIES: Record<string, Boundary> = {
  'convocation-3-jours': {
    text: 'CGCT L2121-11 : « communes de moins de 3 500 habitants »',
    cases: [
      [3499, true],
      [3500, false],
    ],
  },
  'convocation-5-jours-note': {
    text: 'CGCT L2121-12 : « communes de 3 500 habitants et plus »',
    cases: [
      [3499, false],
      [3500, true],
    ],
  },
  'reglement-interieur-adopte': {
    text: 'CGCT L2121-8 : « communes de 1 000 habitants et plus »',
    cases: [
      [999, false],
      [1000, true],
    ],
  },
  'questions-orales-deliberation': {
    text: 'CGCT L2121-19 : « communes de moins de 1 000 habitants »',
    cases: [
      [999, true],
      [1000, false],
    ],
  },
  'reglement-interieur-petite-commune': {
    text: 'pendant de L2121-8 : moins de 1 000 habitants',
    cases: [
      [999, true],
      [1000, false],
    ],
  },
  'publication-electronique': {
    text: 'CGCT L2131-1 : « communes de 3 500 habitants et plus »',
    cases: [
      [3499, false],
      [3500, true],
    ],
  },
  'mode-publication-choisi': {
    text: 'CGCT L2131-1 : « communes de moins de 3 500 habitants »',
    cases: [
      [3499, true],
      [3500, false],
    ],
  },
  'site-cineraire': {
    text: 'CGCT L2223-1 : « communes de 2 000 habitants et plus »',
    cases: [
      [1999, false],
      [2000, true],
    ],
    profile: { facilities: { cemetery: true } },
  },
  'dob-tenu': {
    text: 'CGCT L2312-1 : « communes de 3 500 habitants et plus »',
    cases: [
      [3499, false],
      [3500, true],
    ],
  },
  'rob-personnel': {
    text: 'CGCT L2312-1 et D2312-3 B : « communes de plus de 10 000 habitants »',
    cases: [
      [10000, false],
      [10001, true],
    ],
  },
  'debat-budgetaire-petite-commune': {
    text: 'pendant de L2312-1 : moins de 3 500 habitants',
    cases: [
      [3499, true],
      [3500, false],
    ],
  },
  amortissements: {
    text: 'CGCT L2321-2 27° : population « égale ou supérieure à 3 500 habitants »',
    cases: [
      [3499, false],
      [3500, true],
    ],
  },
  'instruction-dematerialisee': {
    text: 'Code de l’urbanisme L423-3 : « nombre total d’habitants est supérieur à 3 500 »',
    cases: [
      [3500, false],
      [3501, true],
    ],
  },
  pave: {
    text: 'Loi n° 2005-102 art. 45 (seuil de 1 000 habitants retenu, à revoir : voir docs/referentiel.md)',
    cases: [
      [999, false],
      [1000, true],
    ],
  },
  'pave-petite-commune': {
    text: 'pendant du PAVE : moins de 1 000 habitants',
    cases: [
      [999, true],
      [1000, false],
    ],
  },
  clspd: {
    text: 'CSI L132-4 : « communes de plus de 5 000 habitants et […] communes comprenant un quartier prioritaire »',
    cases: [
      [5000, false],
      [5001, true],
    ],
  },
  'prevention-partenariats': {
    text: 'pendant de L132-4 : 5 000 habitants au plus, sans quartier prioritaire',
    cases: [
      [5000, true],
      [5001, false],
    ],
  },
  'ccas-cree': {
    text: 'CASF L123-4 : « communes de 1 500 habitants et plus »',
    cases: [
      [1499, false],
      [1500, true],
    ],
  },
  'analyse-besoins-sociaux': {
    text: 'CASF R123-1, pour les communes tenues d’avoir un CCAS (L123-4 : 1 500 et plus)',
    cases: [
      [1499, false],
      [1500, true],
    ],
  },
  'action-sociale-sans-ccas': {
    text: 'pendant de L123-4 : moins de 1 500 habitants sans CCAS',
    cases: [
      [1499, true],
      [1500, false],
    ],
  },
  'sru-taux': {
    text: 'CCH L302-5 : « au moins égale à 3 500 habitants » (1 500 en Île-de-France)',
    cases: [
      [3499, false],
      [3500, true],
    ],
    profile: { sruConcerned: true },
  },
  'sru-inventaire': {
    text: 'CCH L302-6, mêmes communes que L302-5 : au moins 3 500 habitants',
    cases: [
      [3499, false],
      [3500, true],
    ],
    profile: { sruConcerned: true },
  },
  'gens-voyage-schema': {
    text: 'Loi n° 2000-614 art. 1 : « communes de plus de 5 000 habitants »',
    cases: [
      [5000, false],
      [5001, true],
    ],
  },
  prada: {
    text: 'CRPA R330-2 : communes de 10 000 habitants ou plus',
    cases: [
      [9999, false],
      [10000, true],
    ],
  },
  'tribune-opposition': {
    text: 'CGCT L2121-27-1 : « communes de 1 000 habitants et plus »',
    cases: [
      [999, false],
      [1000, true],
    ],
  },
  'conseils-quartier-crees': {
    text: 'CGCT L2143-1 : « communes de 80 000 habitants et plus »',
    cases: [
      [79999, false],
      [80000, true],
    ],
  },
  'instances-quartier': {
    text: 'pendant de L2143-1 : moins de 80 000 habitants',
    cases: [
      [79999, true],
      [80000, false],
    ],
  },
  'open-data': {
    text: 'CRPA L312-1-1 : collectivités de 3 500 habitants et plus (et 50 agents en équivalents temps plein)',
    cases: [
      [3499, false],
      [3500, true],
    ],
    profile: { agentsFte: 50 },
  },
  'open-data-volontaire': {
    text: 'pendant de L312-1-1 : moins de 3 500 habitants',
    cases: [
      [3499, true],
      [3500, false],
    ],
    profile: { agentsFte: 50 },
  },
  'deadline:debat-orientation-budgetaire': {
    text: 'CGCT L2312-1 : 3 500 habitants et plus',
    cases: [
      [3499, false],
      [3500, true],
    ],
  },
  'deadline:reglement-interieur': {
    text: 'CGCT L2121-8 : 1 000 habitants et plus',
    cases: [
      [999, false],
      [1000, true],
    ],
  },
  'deadline:conseil-administration-ccas': {
    text: 'CASF R123-10, communes tenues d’avoir un CCAS (1 500 et plus)',
    cases: [
      [1499, false],
      [1500, true],
    ],
  },
  'deadline:analyse-besoins-sociaux': {
    text: 'CASF R123-1, communes tenues d’avoir un CCAS (1 500 et plus)',
    cases: [
      [1499, false],
      [1500, true],
    ],
  },
}

const referentiel = referentielSchema.parse(
  JSON.parse(readFileSync(fileURLToPath(new URL('../../../resources/referentiel/referentiel.json', import.meta.url)), 'utf8')),
)

/** Every rule that compares a population, keyed like BOUNDARIES (deadlines prefixed). */
function populationRules(): Map<string, ApplicabilityRule> {
  const found = new Map<string, ApplicabilityRule>()
  const hasPopulation = (rule: ApplicabilityRule | undefined): boolean =>
    rule !== undefined && ('population' in rule || ('all' in rule && rule.all.some(hasPopulation)) || ('any' in rule && rule.any.some(hasPopulation)))
  for (const d of referentiel.domains)
    for (const t of d.themes) for (const c of t.criteria) if (hasPopulation(c.appliesWhen)) found.set(c.id, c.appliesWhen!)
  for (const dl of referentiel.deadlines) if (hasPopulation(dl.appliesWhen)) found.set(`deadline:${dl.id}`, dl.appliesWhen!)
  return found
}

function thresholdsOf(rule: ApplicabilityRule): PopulationRule[] {
  if ('population' in rule) return [rule.population]
  if ('all' in rule) return rule.all.flatMap(thresholdsOf)
  if ('any' in rule) return rule.any.flatMap(thresholdsOf)
  return []
}

const rules = populationRules()

describe('chaque seuil de population, à sa limite', () => {
  for (const [id, boundary] of Object.entries(BOUNDARIES)) {
    it(`${id} — ${boundary.text}`, () => {
      const rule = rules.get(id)
      expect(rule, `${id} n’a plus de seuil de population : retirez-le de BOUNDARIES`).toBeDefined()
      for (const [population, expected] of boundary.cases) {
        const context = applicabilityContext(
          { totale: population, municipale: population },
          boundary.region ?? '44',
          communeProfileSchema.parse(boundary.profile ?? {}),
        )
        expect(evaluateApplicability(rule, context).applies, `${id} à ${population} habitants`).toBe(expected)
      }
      // The threshold itself is one of the cases: the boundary is tested, not only both sides far from it.
      const limits = thresholdsOf(rule!).flatMap((p) => [p.moreThan, p.atLeast, p.below, p.atMost].filter((n) => n !== undefined))
      expect(
        boundary.cases.some(([population]) => limits.includes(population)),
        `${id} : aucun cas à la limite ${limits.join(', ')}`,
      ).toBe(true)
    })
  }

  it('refuse un seuil de population sans son cas limite écrit ici', () => {
    const missing = [...rules.keys()].filter((id) => !Object.hasOwn(BOUNDARIES, id))
    expect(missing, 'seuils sans test de limite : ajoutez-les à BOUNDARIES avec les mots de leur texte').toEqual([])
  })

  it('compare la population totale, sauf texte contraire', () => {
    for (const [id, rule] of rules) for (const p of thresholdsOf(rule)) expect(p.measure, id).toBe('totale')
  })
})
