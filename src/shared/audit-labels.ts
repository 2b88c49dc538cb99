import {
  FUNDER_LABELS,
  FUNDING_STATUS_LABELS,
  PRIORITY_LABELS,
  PROJECT_STATUS_LABELS,
  TASK_STATUS_LABELS,
  TRAINING_FUNDING_LABELS,
  TRAINING_MODE_LABELS,
  TRAINING_STATUS_LABELS,
} from './contract'
import { ROLE_LABELS } from './roles'

/** French names of what the audit trail records. Unknown names are shown as they are. */
export const ENTITY_LABELS: Record<string, string> = {
  commune: 'Commune',
  mandate: 'Mandat',
  member: 'Personne',
  profile: 'Profil',
  communeProfile: 'Profil de la commune',
  commune_profile: 'Profil de la commune',
  themeAssignment: 'Délégation de thème',
  theme_assignment: 'Délégation de thème',
  campaign: 'Campagne',
  answer: 'Réponse',
  evidence: 'Pièce justificative',
  snapshot: 'Instantané',
  citizenInput: 'Demande de citoyen',
  citizen_input: 'Demande de citoyen',
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
  trainingBudget: 'Crédits de formation des élus',
  trainingProvider: 'Organisme de formation',
  portal: 'Portail citoyen',
  failedSignIn: 'Mot de passe erroné',
  publication: 'Publication sur le portail',
}

export const FIELD_LABELS: Record<string, string> = {
  attempts: 'Essais manqués de suite',
  waitSeconds: 'Attente imposée (secondes)',
  title: 'Titre',
  relayUrl: 'Adresse du relais',
  portalUrl: 'Adresse du portail',
  fields: 'Champs affichés',
  description: 'Description',
  status: 'Statut',
  priority: 'Priorité',
  referentMemberId: 'Élu référent',
  assigneeMemberId: 'Responsable',
  startOn: 'Début',
  endOn: 'Fin',
  dueOn: 'Échéance',
  budgetPlannedCents: 'Budget prévu',
  budgetCommittedCents: 'Montant engagé',
  budgetSpentCents: 'Montant réalisé',
  requestedCents: 'Montant demandé',
  obtainedCents: 'Montant obtenu',
  firstName: 'Prénom',
  lastName: 'Nom',
  role: 'Rôle',
  rank: 'Rang',
  delegation: 'Délégation',
  email: 'E-mail',
  phone: 'Téléphone',
  interests: 'Thèmes d’intérêt',
  displayName: 'Nom du profil',
  isAdmin: 'Administrateur',
  password: 'Mot de passe',
  memberId: 'Personne',
  checklist: 'Liste de contrôle',
  comment: 'Commentaire',
  label: 'Libellé',
  value: 'Valeur',
  startYear: 'Début du mandat',
  endYear: 'Fin du mandat',
  installedOn: 'Installation du conseil',
  providerId: 'Organisme',
  durationHours: 'Durée (heures)',
  mode: 'Modalité',
  domainId: 'Domaine',
  costCents: 'Coût de la formation',
  funding: 'Financement',
  travelCents: 'Frais de déplacement et de séjour',
  lostIncomeCents: 'Perte de revenu compensée',
  leaveDays: 'Jours de congé de formation',
  notes: 'Remarques',
  sourceThemeId: 'Thème à l’origine du besoin',
  sourceCriterionId: 'Critère à l’origine du besoin',
  attestation: 'Attestation',
  isEmployee: 'Élu salarié',
  difBalanceCents: 'Solde du DIF déclaré',
  difBalanceOn: 'Date du solde du DIF',
  maxAllowancesCents: 'Total des indemnités maximales',
  deliberationOn: 'Délibération sur la formation',
  votedCents: 'Crédits votés',
  openingCarryCents: 'Report de l’année précédente',
  name: 'Nom',
  approved: 'Agréé par le ministère',
  approvalNumber: 'Numéro d’agrément',
  contact: 'Contact',
  year: 'Année',
}

const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' })

/** Stored codes shown with their French label, per entity. */
const VALUE_LABELS: Record<string, Record<string, Record<string, string>>> = {
  project: { status: PROJECT_STATUS_LABELS, priority: PRIORITY_LABELS },
  task: { status: TASK_STATUS_LABELS },
  funding: { status: FUNDING_STATUS_LABELS, funder: FUNDER_LABELS },
  member: { role: ROLE_LABELS },
  training: { status: TRAINING_STATUS_LABELS, funding: TRAINING_FUNDING_LABELS, mode: TRAINING_MODE_LABELS },
}

export function formatAuditValue(entity: string, field: string | null, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—'
  const label = field ? VALUE_LABELS[entity]?.[field]?.[String(value)] : undefined
  if (label) return label
  if (typeof value === 'boolean') return value ? 'Oui' : 'Non'
  if (typeof value === 'number' && field?.endsWith('Cents')) return euros.format(value / 100)
  if (typeof value === 'string' || typeof value === 'number') return String(value)
  if (typeof value === 'object' && !Array.isArray(value)) {
    // A whole record (creation, deletion): its main fields, in words.
    const parts = Object.entries(value as Record<string, unknown>)
      .filter(([key, v]) => FIELD_LABELS[key] && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0))
      .slice(0, 4)
      .map(([key, v]) => `${FIELD_LABELS[key]} : ${formatAuditValue(entity, key, v)}`)
    if (parts.length > 0) return parts.join(' · ')
  }
  const text = JSON.stringify(value)
  return text.length > 160 ? `${text.slice(0, 157)}…` : text
}
