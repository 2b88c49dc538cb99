import { formatInteger } from '../format'
import type { ApplicabilityContext } from './profile'
import type { ApplicabilityRule, Competence, PopulationMeasure, PopulationRule, ProfileFact } from './schema'

/** How each fact reads in a sentence "s'applique aux communes …". */
export const FACT_LABELS: Record<ProfileFact, string> = {
  pprn: 'dotées d’un plan de prévention des risques naturels (PPRN) approuvé',
  pprnPrescribed: 'où un plan de prévention des risques naturels (PPRN) est prescrit',
  ppi: 'comprises dans le périmètre d’un plan particulier d’intervention (PPI)',
  tri: 'situées dans un territoire à risque important d’inondation (TRI)',
  forestFire: 'exposées au risque de feux de forêt',
  seismicZone3to5: 'situées en zone de sismicité 3, 4 ou 5',
  volcanic: 'exposées au risque volcanique',
  cyclonic: 'exposées au risque cyclonique',
  majorRisk: 'exposées à au moins un risque majeur',
  hasStaff: 'qui emploient au moins un agent',
  staff11Plus: 'qui emploient au moins 11 agents (effectif, tous statuts et temps de travail confondus)',
  staff50Plus: 'qui emploient au moins 50 agents (effectif, tous statuts et temps de travail confondus)',
  fte50Plus: 'qui emploient au moins 50 agents en équivalents temps plein',
  tertiary1000: 'qui ont au moins 1 000 m² de surface tertiaire dans un bâtiment ou sur un même site',
  qpv: 'qui comprennent un quartier prioritaire de la politique de la ville',
  hasErp: 'qui possèdent un établissement recevant du public',
  hasSchool: 'qui ont une école publique',
  hasCanteen: 'qui assurent une restauration scolaire',
  hasCemetery: 'qui ont un cimetière communal',
  hasMunicipalPolice: 'qui ont une police municipale',
  hasCcas: 'qui ont un centre communal d’action sociale (CCAS)',
  hasWebsite: 'qui ont un site internet',
  sruConcerned: 'situées dans une agglomération ou une intercommunalité soumise à l’article 55 de la loi SRU',
  ileDeFrance: 'd’Île-de-France',
  civilSecurityDelegate: 'dont un adjoint ou un conseiller délégué est chargé de la sécurité civile',
}

export const COMPETENCE_LABELS: Record<Competence, string> = {
  eau: 'eau potable',
  assainissement: 'assainissement',
  dechets: 'collecte et traitement des déchets',
  urbanisme: 'plan local d’urbanisme',
  voirie: 'voirie',
  eclairage_public: 'éclairage public',
  gemapi: 'gestion des milieux aquatiques et prévention des inondations (GEMAPI)',
  mobilite: 'mobilité',
  tourisme: 'promotion du tourisme',
  developpement_economique: 'développement économique',
  petite_enfance: 'petite enfance',
  enfance_jeunesse: 'enfance et jeunesse',
  action_sociale: 'action sociale',
  equipements_culturels_sportifs: 'équipements culturels et sportifs',
  habitat: 'habitat',
  defense_incendie: 'défense extérieure contre l’incendie',
}

/** An administrator's decision on one obligation, against what its rule computes (issue 10 §4). */
export interface ApplicabilityDecision {
  applies: boolean
  /** Why, in the commune's words. */
  reason: string
  decidedBy: string
  decidedAt: string
}

export interface Applicability {
  applies: boolean
  /** Why it does not apply (French, for the user); empty when it applies. */
  reason: string
  /** Present when the commune decided: the decision, and what the rule alone says. */
  decision?: ApplicabilityDecision & { ruleApplies: boolean; ruleReason: string }
}

export const MEASURE_LABELS: Record<PopulationMeasure, string> = { totale: 'population totale', municipale: 'population municipale' }

/** « de plus de 10 000 habitants », « de 3 500 habitants ou plus », « de moins de 1 000 habitants »… */
export function thresholdWords(rule: PopulationRule): string {
  const n = formatInteger
  const lower = rule.moreThan !== undefined ? `plus de ${n(rule.moreThan)}` : rule.atLeast !== undefined ? `au moins ${n(rule.atLeast)}` : null
  const upper = rule.below !== undefined ? `moins de ${n(rule.below)}` : rule.atMost !== undefined ? `${n(rule.atMost)} au plus` : null
  if (lower && upper) return `de ${lower} et ${upper} habitants`
  if (rule.atLeast !== undefined) return `de ${n(rule.atLeast)} habitants ou plus`
  if (rule.atMost !== undefined) return `de ${n(rule.atMost)} habitants au plus`
  return `de ${(lower ?? upper)!} habitants`
}

function populationMatches(rule: PopulationRule, value: number): boolean {
  return (
    (rule.moreThan === undefined || value > rule.moreThan) &&
    (rule.atLeast === undefined || value >= rule.atLeast) &&
    (rule.below === undefined || value < rule.below) &&
    (rule.atMost === undefined || value <= rule.atMost)
  )
}

function describeFailure(rule: ApplicabilityRule, context: ApplicabilityContext): string {
  if ('population' in rule) {
    const { measure } = rule.population
    const value = context.population[measure]
    if (value === null) {
      return `Ne concerne que les communes ${thresholdWords(rule.population)} (${MEASURE_LABELS[measure]}) : indiquez la population de la commune dans Paramètres pour le savoir.`
    }
    const yours =
      measure === 'totale' && context.population.totaleFromMunicipale
        ? `la vôtre en compte ${formatInteger(value)} en population municipale, en attendant sa population totale`
        : `la vôtre en compte ${formatInteger(value)}`
    return `Ne concerne que les communes ${thresholdWords(rule.population)} en ${MEASURE_LABELS[measure]} (${yours}).`
  }
  if ('fact' in rule) {
    return rule.is ? `Ne concerne que les communes ${FACT_LABELS[rule.fact]}.` : `Ne concerne pas les communes ${FACT_LABELS[rule.fact]}.`
  }
  if ('competence' in rule) {
    return rule.heldBy === 'commune'
      ? `La compétence « ${COMPETENCE_LABELS[rule.competence]} » a été transférée à l’intercommunalité.`
      : `La compétence « ${COMPETENCE_LABELS[rule.competence]} » est exercée par la commune.`
  }
  if ('all' in rule) {
    return rule.all
      .filter((child) => !matches(child, context))
      .map((child) => describeFailure(child, context))
      .join(' ')
  }
  // Only the sentence's first letter is lowered: acronyms (PPRN, PPI, TRI) keep their capitals.
  const parts = rule.any.map((child) =>
    describeFailure(child, context)
      .replace(/\.$/, '')
      .replace(/^./, (c) => c.toLowerCase()),
  )
  return `Aucune de ces conditions n’est remplie : ${parts.join(' ; ')}.`
}

export function matches(rule: ApplicabilityRule, context: ApplicabilityContext): boolean {
  if ('population' in rule) {
    const value = context.population[rule.population.measure]
    // Unknown: neither « under » nor « over » a threshold is claimed; the reason asks for the figure.
    return value !== null && populationMatches(rule.population, value)
  }
  if ('fact' in rule) return context.facts[rule.fact] === rule.is
  if ('competence' in rule) return context.transferred.has(rule.competence) === (rule.heldBy === 'epci')
  if ('all' in rule) return rule.all.every((child) => matches(child, context))
  return rule.any.some((child) => matches(child, context))
}

/** Whether a criterion or a deadline applies to this commune, and if not, why. */
export function evaluateApplicability(rule: ApplicabilityRule | undefined, context: ApplicabilityContext): Applicability {
  if (!rule || matches(rule, context)) return { applies: true, reason: '' }
  return { applies: false, reason: describeFailure(rule, context) }
}

/** The sentence a criterion the commune declared not applicable shows where its rule's reason would be. */
export function decidedNotApplicableReason(reason: string): string {
  return `La commune a décidé que cette obligation ne la concerne pas : ${reason}`
}

/**
 * Whether a criterion applies: its rule, unless an administrator decided otherwise for this commune — then the
 * decision, with what the rule alone says kept beside it.
 */
export function criterionApplicability(criterion: { id: string; appliesWhen?: ApplicabilityRule }, context: ApplicabilityContext): Applicability {
  const rule = evaluateApplicability(criterion.appliesWhen, context)
  const decision = context.decisions?.get(criterion.id)
  if (!decision) return rule
  return {
    applies: decision.applies,
    reason: decision.applies ? '' : decidedNotApplicableReason(decision.reason),
    decision: { ...decision, ruleApplies: rule.applies, ruleReason: rule.reason },
  }
}
