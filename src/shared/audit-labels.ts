/**
 * The journal in words: what every record and field of the audit trail is called, and how each stored value reads —
 * codes as their French label, ids as the name of what they point to, dates the French way, sums in euros, and no
 * JSON anywhere. The main process describes each entry with these (handlers/audit.ts, which looks the names up);
 * the Journal des modifications and the PDF project sheet show that description.
 *
 * Every field an audited record can carry is listed here, shown or hidden on purpose: audit-labels.test.ts walks
 * every audited table and fails on a field (or a stored code) without its words.
 */
import {
  ACTION_STATUS_LABELS,
  ANSWER_STATUS_LABELS,
  FUNDER_LABELS,
  FUNDING_STATUS_LABELS,
  PRIORITY_LABELS,
  PROJECT_STATUS_LABELS,
  PUBLISHABLE_PROJECT_FIELD_LABELS,
  TASK_STATUS_LABELS,
  TRAINING_FUNDING_LABELS,
  TRAINING_MODE_LABELS,
  TRAINING_STATUS_LABELS,
} from './contract'
import { formatCents, formatDate, formatDateTime, formatInteger, formatMeasure, formatPopulation } from './format'
import { COMPETENCE_LABELS } from './referentiel/applicability'
import {
  INPUT_STATUS_LABELS,
  MODERATION_LABELS,
  POLL_KIND_LABELS,
  RESULTS_VISIBILITY_LABELS,
  TOPIC_LABELS,
  VERIFICATION_LABELS,
} from './relay/vocabulary'
import { CIVILITY_LABELS, FEMININE_ROLE_LABELS, ROLE_LABELS, type Civility } from './roles'

/** What an id in the trail can point to; the main process finds the names (records, or the référentiel). */
export const REFERENCE_KINDS = [
  'member',
  'profile',
  'campaign',
  'project',
  'action',
  'task',
  'indicator',
  'trainingProvider',
  'criterion',
  'theme',
  'domain',
] as const
export type ReferenceKind = (typeof REFERENCE_KINDS)[number]

/** How a stored value reads. */
export type FieldKind =
  | { kind: 'text' }
  | { kind: 'date' }
  | { kind: 'datetime' }
  | { kind: 'cents' }
  | { kind: 'number'; unit?: string }
  /** A year, without the thousands space: « 2026 ». */
  | { kind: 'year' }
  | { kind: 'population' }
  | { kind: 'boolean' }
  | { kind: 'code'; labels: Record<string, string> }
  | { kind: 'codes'; labels: Record<string, string> }
  | { kind: 'reference'; to: ReferenceKind }
  | { kind: 'references'; to: ReferenceKind }
  /** A « partiel » answer: the shares fait / programmé / pas fait. */
  | { kind: 'split' }
  /** A task's checklist: `[{ label, done }]`. */
  | { kind: 'checklist' }
  /** A group of yes/no questions (the commune profile's risks, facilities…): the labels of each. */
  | { kind: 'flags'; labels: Record<string, string>; values?: Record<string, FieldKind> }
  | { kind: 'bytes' }
  /** The campaign a new one took its answers from: `{ id, name, answers }`. */
  | { kind: 'copiedCampaign' }
  /** Never shown: technical (a file's hash, a row id), or said elsewhere in the line (its author, its date). */
  | { kind: 'hidden' }

export interface FieldSpec {
  label: string
  type: FieldKind
}

const text = { kind: 'text' } as const
const date = { kind: 'date' } as const
const datetime = { kind: 'datetime' } as const
const cents = { kind: 'cents' } as const
const boolean = { kind: 'boolean' } as const
const hidden = { kind: 'hidden' } as const
const code = (labels: Record<string, string>) => ({ kind: 'code', labels }) as const
const ref = (to: ReferenceKind) => ({ kind: 'reference', to }) as const
const f = (label: string, type: FieldKind): FieldSpec => ({ label, type })
/** A field the journal never shows, and why (for the reader of this file). */
const secret = (why: string): FieldSpec => ({ label: why, type: hidden })

const ROW_ID = secret('identifiant interne')
const SAID_BY_THE_LINE = secret('l’auteur et la date de la ligne le disent déjà')
const FILE_INTERNALS = secret('empreinte et type du fichier, techniques')

/** A file kept in the document store (evidence, a project's document): its name and size. */
const STORED_FILE: Record<string, FieldSpec> = {
  fileName: f('Fichier', text),
  mimeType: FILE_INTERNALS,
  size: f('Taille', { kind: 'bytes' }),
  sha256: FILE_INTERNALS,
  addedAt: SAID_BY_THE_LINE,
  addedBy: SAID_BY_THE_LINE,
}

const THEME_LINK_LABELS = { delegation: 'Délégation', interet: 'Intérêt' }
const CITIZEN_SOURCE_LABELS = { local: 'Saisie en mairie', relay: 'Reçue par le portail' }
const PASSWORD_CHANGE_LABELS = { aucun: 'Aucun', défini: 'Défini', modifié: 'Modifié' }

/** The commune profile questionnaire (src/shared/referentiel/profile.ts), in short words for the journal. */
const RISK_LABELS = {
  pprn: 'PPRN approuvé',
  pprnPrescribed: 'PPRN prescrit',
  ppi: 'Périmètre d’un PPI',
  tri: 'Territoire à risque d’inondation',
  forestFire: 'Feux de forêt',
  seismicZone: 'Zone de sismicité',
  volcanic: 'Risque volcanique',
  cyclonic: 'Risque cyclonique',
  otherMajorRisk: 'Autre risque majeur (DDRM)',
}
const FACILITY_LABELS = {
  erp: 'Établissement recevant du public',
  school: 'École publique',
  canteen: 'Restauration scolaire',
  cemetery: 'Cimetière communal',
  municipalPolice: 'Police municipale',
  ccas: 'CCAS',
  website: 'Site internet',
  tertiary1000: '1 000 m² de surface tertiaire',
}

/** The records of the trail, by the name the writers give them. */
export const ENTITY_LABELS: Record<string, string> = {
  commune: 'Commune',
  mandate: 'Mandat',
  member: 'Personne',
  profile: 'Profil',
  communeProfile: 'Profil de la commune',
  themeAssignment: 'Thème suivi',
  campaign: 'Campagne de diagnostic',
  answer: 'Réponse',
  evidence: 'Pièce justificative',
  snapshot: 'Instantané',
  citizenInput: 'Demande de citoyen',
  project: 'Projet',
  participant: 'Participant',
  action: 'Action',
  task: 'Tâche',
  comment: 'Commentaire',
  attachment: 'Document',
  funding: 'Financement',
  indicator: 'Indicateur',
  measurement: 'Mesure',
  training: 'Formation d’élu',
  trainingRights: 'Droits à la formation',
  trainingSettings: 'Formation des élus (réglages)',
  budgetSession: 'Séance budgétaire prévue',
  applicabilityDecision: 'Applicabilité décidée par la commune',
  trainingBudget: 'Crédits de formation des élus',
  trainingProvider: 'Organisme de formation',
  portal: 'Portail citoyen',
  publication: 'Publication sur le portail',
  news: 'Actualité du portail',
  residentCodeBatch: 'Lot de codes habitant',
  poll: 'Consultation du portail',
  contribution: 'Contribution citoyenne',
  paperBallots: 'Bulletins papier d’une consultation',
  comparison: 'Comparaison anonyme entre communes',
  failedSignIn: 'Mot de passe erroné',
}

/** Every field each record can carry in the trail. */
export const AUDITED_FIELDS: Record<string, Record<string, FieldSpec>> = {
  commune: {
    id: ROW_ID,
    inseeCode: f('Code INSEE', text),
    name: f('Nom', text),
    siren: f('SIREN', text),
    population: f('Population municipale', { kind: 'population' }),
    populationTotale: f('Population totale', { kind: 'population' }),
    populationTotaleYear: f('Population totale en vigueur depuis', { kind: 'year' }),
    departementCode: f('Numéro du département', text),
    departementName: f('Département', text),
    regionCode: secret('le nom de la région le dit'),
    regionName: f('Région', text),
    postalCodes: f('Codes postaux', { kind: 'codes', labels: {} }),
    epciSiren: f('SIREN de l’intercommunalité', text),
    epciName: f('Intercommunalité', text),
    source: f('Source des données', text),
    logo: f('Logo', text),
  },
  mandate: {
    id: ROW_ID,
    startYear: f('Début du mandat', { kind: 'year' }),
    endYear: f('Fin du mandat', { kind: 'year' }),
    installedOn: f('Installation du conseil', date),
  },
  member: {
    id: ROW_ID,
    civility: f('Civilité', code(CIVILITY_LABELS)),
    firstName: f('Prénom', text),
    lastName: f('Nom', text),
    role: f('Rôle', code(ROLE_LABELS)),
    rank: f('Rang d’adjoint', { kind: 'number' }),
    delegation: f('Délégation', text),
    email: f('E-mail', text),
    phone: f('Téléphone', text),
    interests: f('Thèmes d’intérêt', text),
  },
  profile: {
    displayName: f('Nom du profil', text),
    memberId: f('Personne de l’équipe', ref('member')),
    isAdmin: f('Administrateur', boolean),
    hasPassword: f('Protégé par un mot de passe', boolean),
    password: f('Mot de passe', code(PASSWORD_CHANGE_LABELS)),
  },
  communeProfile: {
    risks: f('Risques majeurs', { kind: 'flags', labels: RISK_LABELS, values: { seismicZone: { kind: 'number' } } }),
    transferredCompetences: f('Compétences transférées', { kind: 'codes', labels: COMPETENCE_LABELS }),
    agentsFte: f('Agents (équivalents temps plein)', { kind: 'number' }),
    agentsHeadcount: f('Effectif des agents (personnes)', { kind: 'number' }),
    facilities: f('Équipements', { kind: 'flags', labels: FACILITY_LABELS }),
    sruConcerned: f('Soumise à la loi SRU', boolean),
    civilSecurityDelegate: f('Élu chargé de la sécurité civile', boolean),
    qpv: f('Quartier prioritaire de la politique de la ville', boolean),
  },
  themeAssignment: {
    id: ROW_ID,
    memberId: f('Personne', ref('member')),
    themeId: f('Thème', ref('theme')),
    link: f('Lien', code(THEME_LINK_LABELS)),
  },
  campaign: {
    id: ROW_ID,
    name: f('Nom', text),
    referentielVersion: f('Version du référentiel', text),
    createdBy: SAID_BY_THE_LINE,
    closedAt: f('Clôturée le', datetime),
    copiedFrom: f('Réponses reprises de', { kind: 'copiedCampaign' }),
    frozen: secret('l’état figé à la clôture, repris par le diagnostic'),
  },
  answer: {
    id: ROW_ID,
    campaignId: f('Campagne', ref('campaign')),
    criterionId: f('Critère', ref('criterion')),
    status: f('Réponse', code(ANSWER_STATUS_LABELS)),
    split: f('Répartition', { kind: 'split' }),
    comment: f('Commentaire', text),
    answeredBy: SAID_BY_THE_LINE,
    answeredAt: SAID_BY_THE_LINE,
  },
  evidence: {
    id: ROW_ID,
    campaignId: f('Campagne', ref('campaign')),
    criterionId: f('Critère', ref('criterion')),
    ...STORED_FILE,
  },
  snapshot: {
    id: ROW_ID,
    campaignId: f('Campagne', ref('campaign')),
    label: f('Nom', text),
    takenAt: SAID_BY_THE_LINE,
    takenBy: SAID_BY_THE_LINE,
    referentielVersion: f('Version du référentiel', text),
    scores: secret('les scores figés, que l’instantané montre lui-même'),
    score: f('Score global', { kind: 'number', unit: '%' }),
  },
  citizenInput: {
    id: ROW_ID,
    themeId: f('Thème', ref('theme')),
    summary: f('Demande', text),
    receivedOn: f('Reçue le', date),
    source: f('Origine', code(CITIZEN_SOURCE_LABELS)),
    createdBy: SAID_BY_THE_LINE,
  },
  project: {
    id: ROW_ID,
    title: f('Titre', text),
    description: f('Description', text),
    domainId: f('Domaine', ref('domain')),
    status: f('Statut', code(PROJECT_STATUS_LABELS)),
    priority: f('Priorité', code(PRIORITY_LABELS)),
    referentMemberId: f('Élu référent', ref('member')),
    startOn: f('Début', date),
    endOn: f('Fin prévue', date),
    budgetPlannedCents: f('Budget prévu', cents),
    budgetCommittedCents: f('Montant engagé', cents),
    budgetSpentCents: f('Montant réalisé', cents),
    createdBy: SAID_BY_THE_LINE,
    themeIds: f('Thèmes', { kind: 'references', to: 'theme' }),
    criterionIds: f('Critères du diagnostic', { kind: 'references', to: 'criterion' }),
  },
  participant: {
    id: ROW_ID,
    projectId: f('Projet', ref('project')),
    memberId: f('Personne de l’équipe', ref('member')),
    name: f('Nom', text),
    role: f('Rôle dans le projet', text),
  },
  action: {
    id: ROW_ID,
    projectId: f('Projet', ref('project')),
    title: f('Titre', text),
    description: f('Description', text),
    startOn: f('Début', date),
    dueOn: f('Échéance', date),
    status: f('Statut', code(ACTION_STATUS_LABELS)),
    sortOrder: secret('la place de l’action dans la liste'),
  },
  task: {
    id: ROW_ID,
    projectId: f('Projet', ref('project')),
    actionId: f('Action', ref('action')),
    title: f('Titre', text),
    description: f('Description', text),
    assigneeMemberId: f('Responsable', ref('member')),
    dueOn: f('Échéance', date),
    status: f('Statut', code(TASK_STATUS_LABELS)),
    checklist: f('Liste de contrôle', { kind: 'checklist' }),
    completedAt: f('Faite le', datetime),
  },
  comment: {
    id: ROW_ID,
    projectId: f('Projet', ref('project')),
    taskId: f('Tâche', ref('task')),
    body: f('Texte', text),
    authorName: SAID_BY_THE_LINE,
    authorProfileId: SAID_BY_THE_LINE,
  },
  attachment: {
    id: ROW_ID,
    projectId: f('Projet', ref('project')),
    taskId: f('Tâche', ref('task')),
    ...STORED_FILE,
  },
  funding: {
    id: ROW_ID,
    projectId: f('Projet', ref('project')),
    funder: f('Financeur', code(FUNDER_LABELS)),
    label: f('Libellé', text),
    requestedCents: f('Montant demandé', cents),
    obtainedCents: f('Montant obtenu', cents),
    status: f('Statut', code(FUNDING_STATUS_LABELS)),
    requestedOn: f('Demandé le', date),
    decidedOn: f('Décidé le', date),
  },
  indicator: {
    id: ROW_ID,
    projectId: f('Projet', ref('project')),
    label: f('Indicateur', text),
    unit: f('Unité', text),
    targetValue: f('Cible', { kind: 'number' }),
    lowerIsBetter: f('Plus bas, c’est mieux', boolean),
  },
  measurement: {
    id: ROW_ID,
    indicatorId: f('Indicateur', ref('indicator')),
    measuredOn: f('Date de la mesure', date),
    value: f('Valeur', { kind: 'number' }),
  },
  training: {
    id: ROW_ID,
    memberId: f('Élu', ref('member')),
    title: f('Intitulé', text),
    providerId: f('Organisme', ref('trainingProvider')),
    startOn: f('Début', date),
    endOn: f('Fin', date),
    durationHours: f('Durée (heures)', { kind: 'number' }),
    mode: f('Modalité', code(TRAINING_MODE_LABELS)),
    domainId: f('Domaine', ref('domain')),
    costCents: f('Coût de la formation', cents),
    funding: f('Financement', code(TRAINING_FUNDING_LABELS)),
    travelCents: f('Frais de déplacement et de séjour', cents),
    lostIncomeCents: f('Perte de revenu compensée', cents),
    leaveDays: f('Jours de congé de formation', { kind: 'number' }),
    status: f('Statut', code(TRAINING_STATUS_LABELS)),
    notes: f('Remarques', text),
    sourceThemeId: f('Thème à l’origine du besoin', ref('theme')),
    sourceCriterionId: f('Critère à l’origine du besoin', ref('criterion')),
    attestation: f('Attestation', text),
    attestationFileName: f('Attestation', text),
    attestationMimeType: FILE_INTERNALS,
    attestationSize: f('Taille de l’attestation', { kind: 'bytes' }),
    attestationSha256: FILE_INTERNALS,
  },
  trainingRights: {
    memberId: f('Élu', ref('member')),
    isEmployee: f('Élu salarié', boolean),
    difBalanceCents: f('Solde du DIF déclaré', cents),
    difBalanceOn: f('Date du solde du DIF', date),
  },
  applicabilityDecision: {
    id: ROW_ID,
    criterionId: f('Obligation', ref('criterion')),
    applies: f('S’applique à la commune', boolean),
    reason: f('Raison', text),
    decidedBy: SAID_BY_THE_LINE,
    decidedAt: SAID_BY_THE_LINE,
  },
  budgetSession: {
    year: f('Budget de l’année', { kind: 'year' }),
    plannedOn: f('Date prévue de la séance', date),
  },
  trainingSettings: {
    maxAllowancesCents: f('Total des indemnités maximales', cents),
    deliberationOn: f('Délibération sur la formation', date),
  },
  trainingBudget: {
    year: f('Année', { kind: 'year' }),
    votedCents: f('Crédits votés', cents),
    openingCarryCents: f('Report de l’année précédente', cents),
  },
  failedSignIn: {
    attempts: f('Essais manqués de suite', { kind: 'number' }),
    waitSeconds: f('Attente imposée (secondes)', { kind: 'number' }),
  },
  publication: {
    title: f('Projet', text),
    fields: f('Champs affichés', { kind: 'codes', labels: PUBLISHABLE_PROJECT_FIELD_LABELS }),
  },
  news: {
    id: ROW_ID,
    title: f('Titre', text),
    body: f('Texte', text),
    topic: f('Thème', code(TOPIC_LABELS)),
    publishedOn: f('Date', date),
    isAlert: f('Alerte', boolean),
    alertUntil: f('Fin de l’alerte', date),
    withdrawnAt: f('Retirée du portail le', datetime),
    createdBy: SAID_BY_THE_LINE,
  },
  paperBallots: {
    poll: f('Consultation', text),
    ballots: f('Bulletins papier reçus', { kind: 'number' }),
    counts: f('Bulletins papier par choix', text),
  },
  residentCodeBatch: {
    id: ROW_ID,
    label: f('Nom du lot', text),
    count: f('Nombre de codes', { kind: 'number' }),
    revokedAt: f('Révoqué le', datetime),
    relayUrl: f('Relais', text),
    relayId: secret('l’identifiant du lot sur le relais'),
    createdBy: SAID_BY_THE_LINE,
    revokedBy: SAID_BY_THE_LINE,
  },
  poll: {
    id: ROW_ID,
    kind: f('Type', code(POLL_KIND_LABELS)),
    title: f('Titre', text),
    description: f('Présentation', text),
    projectId: f('Projet soumis au vote', ref('project')),
    opensOn: f('Ouverture', date),
    closesOn: f('Clôture', date),
    verification: f('Qui peut répondre', code(VERIFICATION_LABELS)),
    results: f('Résultats', code(RESULTS_VISIBILITY_LABELS)),
    questions: f('Questions', text),
    withdrawnAt: f('Retirée du portail le', datetime),
    createdBy: SAID_BY_THE_LINE,
  },
  contribution: {
    id: ROW_ID,
    status: f('Statut', code(INPUT_STATUS_LABELS)),
    publicAnswer: f('Réponse publique', text),
    moderation: f('Publication sur le portail', code(MODERATION_LABELS)),
    projectId: f('Projet lié', ref('project')),
    themeId: f('Thème du référentiel', ref('theme')),
    duplicateOfId: f('Doublon de la contribution n°', { kind: 'number' }),
  },
  portal: {
    id: ROW_ID,
    relayUrl: f('Adresse du relais', text),
    portalUrl: f('Adresse du portail', text),
    communeCode: f('Code de la commune sur le relais', text),
    communeName: f('Commune sur le relais', text),
    apiVersion: secret('la version du protocole du relais'),
    connectedAt: SAID_BY_THE_LINE,
    connectedBy: SAID_BY_THE_LINE,
  },
  comparison: {
    sharing: f('Partage des scores par domaine', boolean),
  },
  trainingProvider: {
    id: ROW_ID,
    name: f('Nom', text),
    approved: f('Agréé par le ministère', boolean),
    approvalNumber: f('Numéro d’agrément', text),
    contact: f('Contact', text),
  },
}

/** Fields every record may carry that the trail leaves out (audit.ts). */
export const UNAUDITED_FIELDS = ['createdAt', 'updatedAt', 'passwordHash'] as const

export const ACTION_LABELS = { create: 'Création', update: 'Modification', delete: 'Suppression' } as const

/** The spec of a field, or null for one nobody listed (shown with a generic label, and caught by the test). */
export function fieldSpec(entity: string, field: string): FieldSpec | null {
  return Object.hasOwn(AUDITED_FIELDS, entity) && Object.hasOwn(AUDITED_FIELDS[entity]!, field) ? AUDITED_FIELDS[entity]![field]! : null
}

/** Names of the records and référentiel entries the values point to: `name('member', '4')` → « Paul Girard ». */
export type NameLookup = (kind: ReferenceKind, id: string) => string | null

const EMPTY = '—'

function bytes(size: number): string {
  if (size < 1024) return `${formatInteger(size)} octets`
  if (size < 1024 * 1024) return `${formatMeasure(Math.round(size / 102.4) / 10, 'Ko')}`
  return `${formatMeasure(Math.round(size / (1024 * 102.4)) / 10, 'Mo')}`
}

function list(items: string[]): string {
  return items.length === 0 ? 'Aucun' : items.join(', ')
}

/** A value that fits no rule: its text, never JSON. */
function plain(value: unknown): string {
  if (value === null || value === undefined || value === '') return EMPTY
  if (typeof value === 'boolean') return value ? 'Oui' : 'Non'
  if (typeof value === 'number') return formatMeasure(value, '')
  if (Array.isArray(value)) return list(value.map(plain))
  if (typeof value === 'object')
    return Object.values(value as Record<string, unknown>)
      .map(plain)
      .join(' · ')
  return String(value)
}

/** One stored value in words. */
export function formatValue(type: FieldKind, value: unknown, names: NameLookup): string {
  if (value === null || value === undefined || value === '') return EMPTY
  switch (type.kind) {
    case 'text':
      return plain(value)
    case 'date':
      return typeof value === 'string' ? formatDate(value) : plain(value)
    case 'datetime':
      return typeof value === 'string' ? formatDateTime(value) : plain(value)
    case 'cents':
      return typeof value === 'number' ? formatCents(value) : plain(value)
    case 'number':
      return typeof value === 'number' ? formatMeasure(value, type.unit ?? '') : plain(value)
    case 'year':
      return String(value)
    case 'population':
      return typeof value === 'number' ? formatPopulation(value) : plain(value)
    case 'boolean':
      return value ? 'Oui' : 'Non'
    case 'code':
      return type.labels[String(value)] ?? plain(value)
    case 'codes': {
      // Postal codes are kept as a JSON array in their column.
      const values = parsed(value)
      return Array.isArray(values) ? list(values.map((v) => type.labels[String(v)] ?? plain(v))) : plain(value)
    }
    case 'reference':
      return names(type.to, String(value)) ?? unknownReference(type.to)
    case 'references':
      return Array.isArray(value) ? list(value.map((v) => names(type.to, String(v)) ?? unknownReference(type.to))) : plain(value)
    case 'split':
      return formatSplit(value)
    case 'checklist':
      return formatChecklist(value)
    case 'flags':
      return formatFlags(type, value, names)
    case 'bytes':
      return typeof value === 'number' ? bytes(value) : plain(value)
    case 'copiedCampaign': {
      const copy = value as { name?: unknown; answers?: unknown }
      const answers = typeof copy.answers === 'number' ? copy.answers : 0
      return `${plain(copy.name)} (${formatInteger(answers)} réponse${answers > 1 ? 's' : ''})`
    }
    case 'hidden':
      return EMPTY
  }
}

const UNKNOWN_REFERENCES: Record<ReferenceKind, string> = {
  member: 'une personne retirée de l’équipe',
  profile: 'un profil supprimé',
  campaign: 'une campagne supprimée',
  project: 'un projet supprimé',
  action: 'une action supprimée',
  task: 'une tâche supprimée',
  indicator: 'un indicateur supprimé',
  trainingProvider: 'un organisme retiré de la liste',
  criterion: 'un critère retiré du référentiel',
  theme: 'un thème retiré du référentiel',
  domain: 'un domaine retiré du référentiel',
}

function unknownReference(kind: ReferenceKind): string {
  return `(${UNKNOWN_REFERENCES[kind]})`
}

function parsed(value: unknown): unknown {
  if (typeof value !== 'string') return value
  try {
    return JSON.parse(value) as unknown
  } catch {
    return value
  }
}

function formatSplit(value: unknown): string {
  const split = parsed(value) as { done?: unknown; programmed?: unknown; notDone?: unknown } | null
  if (!split || typeof split !== 'object') return plain(value)
  const share = (n: unknown) => (typeof n === 'number' ? `${formatInteger(n)} %` : EMPTY)
  return `fait ${share(split.done)}, programmé ${share(split.programmed)}, pas fait ${share(split.notDone)}`
}

function formatChecklist(value: unknown): string {
  const items = parsed(value)
  if (!Array.isArray(items)) return plain(value)
  if (items.length === 0) return 'Aucun point'
  return items.map((item: { label?: unknown; done?: unknown }) => `${plain(item?.label)}${item?.done ? ' (fait)' : ''}`).join(' · ')
}

function formatFlags(type: Extract<FieldKind, { kind: 'flags' }>, value: unknown, names: NameLookup): string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return plain(value)
  const parts: string[] = []
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    // A question without words here is caught by audit-labels.test.ts; never shown as its code.
    if (!Object.hasOwn(type.labels, key)) continue
    const label = type.labels[key]!
    const valueType = type.values?.[key]
    if (valueType) {
      if (v !== null && v !== undefined && v !== '') parts.push(`${label} : ${formatValue(valueType, v, names)}`)
    } else if (typeof v === 'boolean') {
      if (v) parts.push(label)
    } else if (v !== null && v !== undefined && v !== '') parts.push(`${label} : ${plain(v)}`)
  }
  return parts.length === 0 ? 'Aucun' : parts.join(', ')
}

/** The spec of a field for this entry: a Madame's role in the feminine. */
function specFor(entity: string, field: string, civility: Civility | null): FieldSpec | null {
  const spec = fieldSpec(entity, field)
  if (spec && entity === 'member' && field === 'role' && civility === 'madame') return { ...spec, type: code(FEMININE_ROLE_LABELS) }
  return spec
}

/** A whole record (created or deleted), in words: its fields that say something, the object's own name left out. */
function describeRecord(entity: string, values: unknown, names: NameLookup, context: AuditContext, civility: Civility | null): string {
  if (typeof values !== 'object' || values === null || Array.isArray(values)) return plain(values)
  const parts: string[] = []
  for (const [field, value] of Object.entries(values as Record<string, unknown>)) {
    if (context.implied?.includes(field)) continue
    const spec = specFor(entity, field, civility)
    if (spec?.type.kind === 'hidden') continue
    if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue
    // A sum of zero says nothing of a new record (a project without a budget yet).
    if (spec?.type.kind === 'cents' && value === 0) continue
    const shown = spec ? formatValue(spec.type, value, names) : plain(value)
    if (shown === context.objectLabel) continue
    parts.push(`${spec?.label ?? 'Autre information'} : ${shown}`)
  }
  return parts.length === 0 ? EMPTY : parts.join(' · ')
}

/** Each yes/no question of a group that changed, before or after (« Cimetière communal : Non »). */
function describeChangedFlags(spec: FieldSpec, before: unknown, after: unknown, names: NameLookup): { before: string; after: string } | null {
  if (spec.type.kind !== 'flags') return null
  const type = spec.type
  const b = (typeof before === 'object' && before !== null ? before : {}) as Record<string, unknown>
  const a = (typeof after === 'object' && after !== null ? after : {}) as Record<string, unknown>
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter(
    (k) => Object.hasOwn(type.labels, k) && JSON.stringify(b[k] ?? null) !== JSON.stringify(a[k] ?? null),
  )
  if (keys.length === 0) return null
  const side = (values: Record<string, unknown>) =>
    keys.map((k) => `${type.labels[k]} : ${formatValue(type.values?.[k] ?? { kind: 'boolean' }, values[k] ?? null, names)}`).join(', ')
  return { before: side(b), after: side(a) }
}

/** An entry of the trail as stored (values parsed from their JSON). */
export interface AuditRecord {
  entity: string
  action: 'create' | 'update' | 'delete'
  field: string | null
  before: unknown
  after: unknown
}

/** What the journal shows of one entry. */
export interface AuditDescription {
  /** « Création », « Modification », « Suppression ». */
  action: string
  /** « Tâche », « Réponse »… */
  entity: string
  /** The changed field's name, null for a whole record. */
  field: string | null
  before: string
  after: string
}

/** What the main process knows of the record beside its values. */
export interface AuditContext {
  /** The record's own name (a task's title, a criterion's question…), shown beside the entity, not repeated. */
  objectLabel: string | null
  /** A person's civility, for the feminine of their role. */
  civility?: Civility | null
  /** Fields the page already says (`projectId` in a project's own history). */
  implied?: readonly string[]
}

export function describeAuditEntry(entry: AuditRecord, names: NameLookup, context: AuditContext): AuditDescription {
  const entity = ENTITY_LABELS[entry.entity] ?? 'Autre donnée'
  const action = ACTION_LABELS[entry.action]
  const civility = context.civility ?? civilityIn(entry.after) ?? civilityIn(entry.before)
  if (entry.action !== 'update' || entry.field === null) {
    const summary = (values: unknown) => describeRecord(entry.entity, values, names, context, civility)
    return {
      action,
      entity,
      field: null,
      before: entry.action === 'create' ? EMPTY : summary(entry.before),
      after: entry.action === 'delete' ? EMPTY : summary(entry.after),
    }
  }
  const spec = specFor(entry.entity, entry.field, civility)
  if (!spec) return { action, entity, field: 'Autre information', before: plain(entry.before), after: plain(entry.after) }
  const flags = describeChangedFlags(spec, entry.before, entry.after, names)
  return {
    action,
    entity,
    field: spec.label,
    before: flags?.before ?? formatValue(spec.type, entry.before, names),
    after: flags?.after ?? formatValue(spec.type, entry.after, names),
  }
}

function civilityIn(values: unknown): Civility | null {
  const civility = typeof values === 'object' && values !== null ? (values as { civility?: unknown }).civility : null
  return civility === 'madame' || civility === 'monsieur' ? civility : null
}

/** The ids an entry's values point to, for the main process to look up in one go. */
export function referencesOf(entry: AuditRecord): { kind: ReferenceKind; id: string }[] {
  const found: { kind: ReferenceKind; id: string }[] = []
  const collect = (field: string, value: unknown) => {
    const type = fieldSpec(entry.entity, field)?.type
    if (value === null || value === undefined) return
    if (type?.kind === 'reference') found.push({ kind: type.to, id: String(value) })
    if (type?.kind === 'references' && Array.isArray(value)) for (const v of value) found.push({ kind: type.to, id: String(v) })
  }
  for (const values of [entry.before, entry.after]) {
    if (entry.field !== null) collect(entry.field, values)
    else if (typeof values === 'object' && values !== null) for (const [field, value] of Object.entries(values)) collect(field, value)
  }
  return found
}
