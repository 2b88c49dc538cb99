import type { ApplicabilityContext } from './profile'
import type { ApplicabilityRule, Competence, ProfileFact } from './schema'

/** How each fact reads in a sentence "s'applique aux communes …". */
export const FACT_LABELS: Record<ProfileFact, string> = {
  pprn: 'dotées d’un plan de prévention des risques naturels (PPRN) approuvé',
  ppi: 'comprises dans le périmètre d’un plan particulier d’intervention (PPI)',
  tri: 'situées dans un territoire à risque important d’inondation (TRI)',
  forestFire: 'exposées au risque de feux de forêt',
  seismicZone3to5: 'situées en zone de sismicité 3, 4 ou 5',
  volcanic: 'exposées au risque volcanique',
  cyclonic: 'exposées au risque cyclonique',
  majorRisk: 'exposées à au moins un risque majeur',
  hasStaff: 'qui emploient au moins un agent',
  agents50Plus: 'qui emploient au moins 50 agents (équivalents temps plein)',
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

const integer = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 })

export interface Applicability {
  applies: boolean
  /** Why it does not apply (French, for the user); empty when it applies. */
  reason: string
}

function describeFailure(rule: ApplicabilityRule, context: ApplicabilityContext): string {
  if ('population' in rule) {
    const { atLeast, below } = rule.population
    const yours = context.population === null ? '' : ` (la vôtre en compte ${integer.format(context.population)})`
    if (atLeast !== undefined && below !== undefined) {
      return `Ne concerne que les communes de ${integer.format(atLeast)} à ${integer.format(below - 1)} habitants${yours}.`
    }
    if (atLeast !== undefined) return `Ne concerne que les communes de ${integer.format(atLeast)} habitants ou plus${yours}.`
    return `Ne concerne que les communes de moins de ${integer.format(below!)} habitants${yours}.`
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
  return `Aucune de ces conditions n’est remplie : ${rule.any.map((child) => describeFailure(child, context).replace(/\.$/, '').toLowerCase()).join(' ; ')}.`
}

export function matches(rule: ApplicabilityRule, context: ApplicabilityContext): boolean {
  if ('population' in rule) {
    if (context.population === null) return true
    const { atLeast, below } = rule.population
    return (atLeast === undefined || context.population >= atLeast) && (below === undefined || context.population < below)
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
