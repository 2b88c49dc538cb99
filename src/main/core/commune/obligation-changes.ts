/** Which obligations start or stop applying when the commune's facts change (for the message after saving). */
import type { ObligationChange } from '../../../shared/contract'
import { criterionApplicability } from '../../../shared/referentiel/applicability'
import { legalBasisText } from '../../../shared/referentiel/legal'
import type { ApplicabilityContext } from '../../../shared/referentiel/profile'
import type { CoreEnvironment } from '../context'

export function obligationChanges(
  env: Pick<CoreEnvironment, 'referentiel'>,
  before: ApplicabilityContext,
  after: ApplicabilityContext,
): { starting: ObligationChange[]; stopping: ObligationChange[] } {
  const starting: ObligationChange[] = []
  const stopping: ObligationChange[] = []
  for (const { criterion } of env.referentiel().criteria.values()) {
    if (criterion.kind !== 'obligation') continue
    const was = criterionApplicability(criterion, before).applies
    const is = criterionApplicability(criterion, after).applies
    if (was === is) continue
    const change = { criterionId: criterion.id, question: criterion.question, legalBasis: legalBasisText(criterion.legalBasis) }
    ;(is ? starting : stopping).push(change)
  }
  return { starting, stopping }
}
