/**
 * What a closed campaign showed, kept with it: its scores and each criterion's applicability at the time it was
 * closed. A later référentiel, population or profile never changes a past diagnostic (issue 10 §4).
 */
import { z } from 'zod'
import { scoreTreeSchema, type ScoreTree } from '../../../shared/contract/diagnostic'
import { applicabilitySchema } from '../../../shared/contract/referentiel'
import { criterionApplicability } from '../../../shared/referentiel/applicability'
import type { ApplicabilityContext } from '../../../shared/referentiel/profile'
import type { Referentiel } from '../../../shared/referentiel/schema'

export const frozenCampaignSchema = z.object({
  referentielVersion: z.string(),
  frozenAt: z.string(),
  /** The population totale in use then (null when unknown). */
  population: z.number().nullable(),
  scores: scoreTreeSchema,
  /** Every criterion of that version, with whether it applied and why not, and the commune's decision then if any. */
  applicability: z.record(z.string(), applicabilitySchema),
})
export type FrozenCampaign = z.infer<typeof frozenCampaignSchema>

export function freezeCampaign(referentiel: Referentiel, context: ApplicabilityContext, scores: ScoreTree, at: string): FrozenCampaign {
  const applicability: FrozenCampaign['applicability'] = {}
  for (const d of referentiel.domains) {
    for (const t of d.themes) for (const c of t.criteria) applicability[c.id] = criterionApplicability(c, context)
  }
  return { referentielVersion: referentiel.version, frozenAt: at, population: context.population.totale, scores, applicability }
}

/** The frozen record of a closed campaign; null when absent or unreadable (then the caller freezes it again). */
export function readFrozen(text: string | null): FrozenCampaign | null {
  if (text === null) return null
  try {
    const parsed = frozenCampaignSchema.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}
