import type { AnswerStatus } from '../../../../shared/contract'

export const STATUS_LABELS: Record<AnswerStatus, string> = {
  fait: 'Fait',
  programme: 'Programmé',
  pas_fait: 'Pas fait',
  partiel: 'En partie',
  non_concerne: 'Non concerné',
  non_renseigne: 'Non renseigné',
}

/** The order offered when answering. */
export const STATUS_ORDER: AnswerStatus[] = ['fait', 'programme', 'pas_fait', 'partiel', 'non_concerne', 'non_renseigne']

export const percent = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 })

export function formatPercent(value: number): string {
  return `${percent.format(value)} %`
}

/** Route to a theme's answers in a campaign. */
export function themeAnswersPath(campaignId: number, themeId: string): string {
  return `/diagnostic/${campaignId}/themes/${encodeURIComponent(themeId)}`
}
