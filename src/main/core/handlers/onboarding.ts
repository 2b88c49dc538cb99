import type { HandlersOf } from '../handler'
import { onboardingOf } from '../onboarding/steps'

export const onboardingHandlers: HandlersOf<'onboarding'> = {
  'onboarding.get': (_input, { sqlite }) => onboardingOf(sqlite),
}
