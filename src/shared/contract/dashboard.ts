import { z } from 'zod'
import { method, methodsOf } from './define'
import { none } from './fields'
import { indicatorSchema } from './indicators'
import { projectSummarySchema } from './projects'
import { taskSchema } from './tasks'

export type IndicatorTrend = 'better' | 'worse' | 'stable' | 'unknown'
export const TREND_LABELS: Record<IndicatorTrend, string> = {
  better: 'en amélioration',
  worse: 'en dégradation',
  stable: 'stable',
  unknown: 'à suivre',
}

export const dashboardSchema = z.object({
  counts: z.object({ inProgress: z.number().int(), upcoming: z.number().int(), finished: z.number().int(), total: z.number().int() }),
  inProgress: z.array(projectSummarySchema),
  upcoming: z.array(projectSummarySchema),
  finished: z.array(projectSummarySchema),
  overdueTasks: z.array(taskSchema),
  overdueCount: z.number().int(),
  budget: z.object({
    plannedCents: z.number().int(),
    committedCents: z.number().int(),
    spentCents: z.number().int(),
    byDomain: z.array(
      z.object({
        domainId: z.string().nullable(),
        title: z.string(),
        plannedCents: z.number().int(),
        committedCents: z.number().int(),
        spentCents: z.number().int(),
      }),
    ),
  }),
  fundings: z.object({ requestedCents: z.number().int(), obtainedCents: z.number().int() }),
  indicators: z.array(
    indicatorSchema.extend({
      projectTitle: z.string(),
      latest: z.number().nullable(),
      previous: z.number().nullable(),
      trend: z.enum(['better', 'worse', 'stable', 'unknown']),
    }),
  ),
  diagnostic: z
    .object({
      campaignId: z.number().int(),
      campaignName: z.string(),
      score: z.number(),
      /** Obligations answered and not « fait ». */
      unmet: z.number().int(),
      /** Obligations nobody answered yet: not known to be unmet. */
      toAnswer: z.number().int(),
      history: z.array(z.object({ label: z.string(), at: z.string(), score: z.number() })),
    })
    .nullable(),
  /** Formation des élus: élus with a délégation not trained yet in the first year (null: no such élu). */
  training: z.object({ delegatesTotal: z.number().int(), untrained: z.number().int(), firstYearEndsOn: z.string().nullable() }).nullable(),
})
export type Dashboard = z.infer<typeof dashboardSchema>

export const dashboardMethods = methodsOf('dashboard')({
  'dashboard.get': method({
    input: none,
    output: dashboardSchema,
    access: 'profile',
    reads: [
      'members',
      'projects',
      'tasks',
      'campaigns',
      'answers',
      'snapshots',
      'commune',
      'communeProfile',
      'citizenInputs',
      'citizens',
      'mandate',
      'training',
    ],
  }),
})
