/**
 * The words the relay, its portal and the desktop share: kinds of contributions, their statuses, moderation, poll
 * settings and topics. Codes are stable (stored and sent over the API); labels are what people read.
 */

export const INPUT_KINDS = ['proposition', 'besoin', 'commentaire'] as const
export type InputKind = (typeof INPUT_KINDS)[number]
export const INPUT_KIND_LABELS: Record<InputKind, string> = {
  proposition: 'Proposition',
  besoin: 'Besoin ou signalement',
  commentaire: 'Commentaire',
}

/** What the mairie did with a contribution. */
export const INPUT_STATUSES = ['recue', 'a_l_etude', 'retenue', 'realisee', 'non_retenue'] as const
export type InputStatus = (typeof INPUT_STATUSES)[number]
export const INPUT_STATUS_LABELS: Record<InputStatus | 'masquee', string> = {
  recue: 'Reçue',
  a_l_etude: 'À l’étude',
  retenue: 'Retenue',
  realisee: 'Réalisée',
  non_retenue: 'Non retenue',
  masquee: 'Masquée',
}

/** Whether a contribution is shown on the public page. New ones wait for the mairie. */
export const MODERATION_STATES = ['en_attente', 'publiee', 'masquee'] as const
export type ModerationState = (typeof MODERATION_STATES)[number]
export const MODERATION_LABELS: Record<ModerationState, string> = {
  en_attente: 'En attente de publication',
  publiee: 'Publiée',
  masquee: 'Masquée',
}

/** The status a citizen reads in « Mes contributions »: a hidden item says so, whatever its status. */
export function citizenFacingStatus(status: InputStatus, moderation: ModerationState): InputStatus | 'masquee' {
  return moderation === 'masquee' ? 'masquee' : status
}

export const REPORT_REASONS = ['spam', 'offensant', 'hors_sujet'] as const
export type ReportReason = (typeof REPORT_REASONS)[number]
export const REPORT_REASON_LABELS: Record<ReportReason, string> = {
  spam: 'Publicité ou spam',
  offensant: 'Propos offensants',
  hors_sujet: 'Hors sujet',
}
/** Reports after which a published contribution is hidden until the mairie decides. */
export const REPORTS_BEFORE_HIDING = 3

export const VERIFICATION_LEVELS = ['email', 'habitant'] as const
export type VerificationLevel = (typeof VERIFICATION_LEVELS)[number]
export const VERIFICATION_LABELS: Record<VerificationLevel, string> = {
  email: 'Adresse e-mail vérifiée',
  habitant: 'Habitant vérifié (code remis par la mairie)',
}

export const POLL_KINDS = ['sondage', 'vote'] as const
export type PollKind = (typeof POLL_KINDS)[number]
export const POLL_KIND_LABELS: Record<PollKind, string> = { sondage: 'Sondage', vote: 'Vote' }

export const QUESTION_KINDS = ['choix_unique', 'choix_multiple', 'texte_court'] as const
export type QuestionKind = (typeof QUESTION_KINDS)[number]
export const QUESTION_KIND_LABELS: Record<QuestionKind, string> = {
  choix_unique: 'Choix unique',
  choix_multiple: 'Choix multiple',
  texte_court: 'Réponse courte',
}

/** When results are shown: as answers arrive, or once the poll has closed. */
export const RESULTS_VISIBILITY = ['en_direct', 'a_la_cloture'] as const
export type ResultsVisibility = (typeof RESULTS_VISIBILITY)[number]
export const RESULTS_VISIBILITY_LABELS: Record<ResultsVisibility, string> = {
  en_direct: 'En direct, au fil des réponses',
  a_la_cloture: 'À la clôture',
}

export const DIGEST_FREQUENCIES = ['aucun', 'quotidien', 'hebdomadaire'] as const
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number]
export const DIGEST_LABELS: Record<DigestFrequency, string> = {
  aucun: 'Aucun courriel récapitulatif',
  quotidien: 'Un récapitulatif par jour',
  hebdomadaire: 'Un récapitulatif par semaine',
}

/** Topics a citizen follows and files a contribution under; news items carry one too. */
export const TOPICS = [
  'voirie',
  'ecole',
  'environnement',
  'cadre_de_vie',
  'solidarite',
  'culture_sport',
  'securite',
  'economie',
  'urbanisme',
  'services',
  'autre',
] as const
export type Topic = (typeof TOPICS)[number]
export const TOPIC_LABELS: Record<Topic, string> = {
  voirie: 'Voirie et déplacements',
  ecole: 'École, enfance et jeunesse',
  environnement: 'Environnement et propreté',
  cadre_de_vie: 'Cadre de vie',
  solidarite: 'Solidarité et santé',
  culture_sport: 'Culture, sport et loisirs',
  securite: 'Sécurité et prévention',
  economie: 'Commerces et économie locale',
  urbanisme: 'Urbanisme et logement',
  services: 'Services de la mairie',
  autre: 'Autre sujet',
}

/** Anonymous comparison: a figure is given only when at least this many communes contribute to it. */
export const MIN_COMMUNES_FOR_COMPARISON = 5

/** Photos per contribution. */
export const MAX_PHOTOS_PER_INPUT = 5
