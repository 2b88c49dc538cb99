import type { BlockingPoint } from './contract/diagnostic'

/**
 * Unanswered is not unmet: the blocking obligations split into those answered and not « fait » (non remplies) and
 * those nobody answered yet (à renseigner). Used by the screens and the reports alike.
 */
export function splitObligations(blocking: readonly BlockingPoint[]): { unmet: BlockingPoint[]; toAnswer: BlockingPoint[] } {
  return {
    unmet: blocking.filter((b) => b.status !== 'non_renseigne'),
    toAnswer: blocking.filter((b) => b.status === 'non_renseigne'),
  }
}

/** How many obligations are non remplies and how many still à renseigner. */
export function obligationCounts(blocking: readonly BlockingPoint[]): { unmet: number; toAnswer: number } {
  const { unmet, toAnswer } = splitObligations(blocking)
  return { unmet: unmet.length, toAnswer: toAnswer.length }
}
