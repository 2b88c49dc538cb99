import { z } from 'zod'
import { method, methodsOf } from './define'
import { none } from './fields'

/** The « Pour commencer » path of the home page, in its order. */
export const ONBOARDING_STEPS = ['communeProfile', 'diagnostic', 'project', 'report'] as const
export type OnboardingStep = (typeof ONBOARDING_STEPS)[number]

/** Which steps are done: the commune profile saved, a diagnostic answer, a project, a report generated. */
export const onboardingSchema = z.object({ communeProfile: z.boolean(), diagnostic: z.boolean(), project: z.boolean(), report: z.boolean() })
export type Onboarding = z.infer<typeof onboardingSchema>

export const onboardingMethods = methodsOf('onboarding')({
  /**
   * The home page's « Pour commencer » path. The first report leaves nothing behind but a mark that reports.generate
   * sets (a read that writes, like session.open's last sign-in): the renderer refreshes this after a report.
   */
  'onboarding.get': method({ input: none, output: onboardingSchema, access: 'profile', reads: ['communeProfile', 'answers', 'projects'] }),
})
