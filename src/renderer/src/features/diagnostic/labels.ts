import { ANSWER_STATUS_LABELS, type AnswerStatus } from '@shared/contract'

export const STATUS_LABELS = ANSWER_STATUS_LABELS

/** The order offered when answering. */
export const STATUS_ORDER: AnswerStatus[] = ['fait', 'programme', 'pas_fait', 'partiel', 'non_concerne', 'non_renseigne']

export { formatPercent } from '../../lib/format'

/** Route to a theme's answers in a campaign. */
export function themeAnswersPath(campaignId: number, themeId: string): string {
  return `/diagnostic/${campaignId}/themes/${encodeURIComponent(themeId)}`
}

/** The Citoyens page filtered on the contributions linked to a theme. */
export const citizensOfThemePath = (themeId: string) => `/citoyens?theme=${encodeURIComponent(themeId)}`
