/**
 * The diagnostic score (see docs/scoring.md for the council's version). Pure: no database, no clock.
 *
 * 1. Weights. Each criterion has a weight (1–5). A theme's weight is the sum of the weights of all its criteria, a
 *    domain's the sum of its themes', the référentiel's the sum of its domains'. These "full" weights never change.
 * 2. What counts. A criterion counts when its applicability rule matches the commune AND the council did not answer
 *    « non concerné ». A criterion that does not count is removed, and its weight goes to the criteria of its theme
 *    that do count, in proportion to their own weights — so a theme keeps its full weight in its domain as long as
 *    one of its criteria counts. A theme where nothing counts is removed in the same way: its weight goes to the
 *    other themes of its domain; a domain where no theme counts gives its weight to the other domains.
 * 3. Shares. Each counted criterion is split into fait / programmé / pas fait / non renseigné: wholly one of them for
 *    a plain answer (no answer = non renseigné), by the council's percentages for « partiel ». A theme's shares are
 *    the weighted mean of its criteria's, a domain's the weighted mean of its themes' (full weights), the overall
 *    score the weighted mean of the domains'. Shares are percentages with one decimal and total exactly 100: the
 *    rounding difference goes to the largest share. Parents are computed from unrounded values.
 * 4. `potential`: the points of the overall total a node carries after redistribution (the theme's full weight,
 *    scaled up when sibling themes or domains were removed). The potentials of the themes of a domain add up to the
 *    domain's, those of the domains to the overall one (the full weight of the référentiel).
 * 5. Obligations. An obligation that applies and is not « fait » (« partiel », « programmé », « pas fait », no answer)
 *    is a blocking point whatever the score; « non concerné » removes it like any criterion.
 * 6. Findings. Strengths: themes with ≥ 75 % fait and no unmet obligation, best first. Weaknesses say only what is
 *    known: every obligation answered and not « fait » first (heaviest first), then the themes under 50 % fait with a
 *    criterion answered « pas fait », then those only « partiel » or « programmé » — each group by remaining points,
 *    potential × (100 − fait), most first (then the theme with the most citizen inputs) — each with what to do next. Unanswered obligations are
 *    not weaknesses: they stay in `blocking` with the status « non renseigné », listed apart as « à renseigner ».
 */
import type { AnswerSplit, AnswerStatus } from '../../../shared/contract/answers'
import { formatDecimal } from '../../../shared/format'
import type { BlockingPoint, Breakdown, DomainScore, Finding, ScoreTree, ThemeScore } from '../../../shared/contract/diagnostic'
import { criterionApplicability } from '../../../shared/referentiel/applicability'
import type { ApplicabilityContext } from '../../../shared/referentiel/profile'
import type { Criterion, Referentiel, Theme } from '../../../shared/referentiel/schema'

export interface ScoredAnswer {
  status: AnswerStatus
  split: AnswerSplit | null
}

export interface ScoreInput {
  referentiel: Referentiel
  context: ApplicabilityContext
  /** By criterion id; a criterion without an answer is « non renseigné ». Answers to unknown criteria are ignored. */
  answers: ReadonlyMap<string, ScoredAnswer>
  /** Citizen inputs per theme id. */
  citizenInputs?: ReadonlyMap<string, number>
}

export const STRENGTH_THRESHOLD = 75
export const WEAKNESS_THRESHOLD = 50

/** Fractions (0–1) of a node's weight; they total 1 when the node counts. */
interface Shares {
  done: number
  programmed: number
  notDone: number
  notAnswered: number
}

const ZERO: Shares = { done: 0, programmed: 0, notDone: 0, notAnswered: 0 }
const SHARE_KEYS = ['done', 'programmed', 'notDone', 'notAnswered'] as const

function sharesOf(answer: ScoredAnswer | undefined): Shares {
  switch (answer?.status) {
    case 'fait':
      return { ...ZERO, done: 1 }
    case 'programme':
      return { ...ZERO, programmed: 1 }
    case 'pas_fait':
      return { ...ZERO, notDone: 1 }
    case 'partiel': {
      // The contract requires a split for « partiel »; without one (old data) it counts as not answered.
      const split = answer.split
      if (!split) return { ...ZERO, notAnswered: 1 }
      return { done: split.done / 100, programmed: split.programmed / 100, notDone: split.notDone / 100, notAnswered: 0 }
    }
    default:
      return { ...ZERO, notAnswered: 1 }
  }
}

/** Weighted mean of shares; ZERO when nothing weighs. */
function weightedMean(parts: { weight: number; shares: Shares }[]): Shares {
  const total = parts.reduce((sum, p) => sum + p.weight, 0)
  if (total <= 0) return { ...ZERO }
  const mean = { ...ZERO }
  for (const p of parts) for (const key of SHARE_KEYS) mean[key] += (p.weight * p.shares[key]) / total
  return mean
}

/** One decimal. */
export function round1(value: number): number {
  return Math.round(value * 10) / 10
}

/**
 * Percentages with one decimal totalling exactly 100: each share is rounded in tenths, and what rounding lost or
 * added is given to (taken from) the largest share. All zero when the node does not count.
 */
export function toPercentages(shares: Shares, counts: boolean): Pick<Breakdown, 'done' | 'programmed' | 'notDone' | 'notAnswered'> {
  if (!counts) return { done: 0, programmed: 0, notDone: 0, notAnswered: 0 }
  const tenths = SHARE_KEYS.map((key) => Math.round(shares[key] * 1000))
  const gap = 1000 - tenths.reduce((a, b) => a + b, 0)
  if (gap !== 0) {
    let largest = 0
    for (let i = 1; i < tenths.length; i++) if (shares[SHARE_KEYS[i]!] > shares[SHARE_KEYS[largest]!]) largest = i
    tenths[largest]! += gap
  }
  return { done: tenths[0]! / 10, programmed: tenths[1]! / 10, notDone: tenths[2]! / 10, notAnswered: tenths[3]! / 10 }
}

function fullWeight(theme: Theme): number {
  return theme.criteria.reduce((sum, c) => sum + c.weight, 0)
}

interface CriterionState {
  criterion: Criterion
  answer: ScoredAnswer | undefined
  /** Applies by rule and not answered « non concerné ». */
  counts: boolean
  unmetObligation: boolean
}

interface ThemeWork {
  theme: Theme
  domainId: string
  weight: number
  criteria: CriterionState[]
  shares: Shares
  counts: boolean
  applicable: number
  answered: number
  unmet: number
}

const STATUS_LABELS: Record<AnswerStatus, string> = {
  fait: 'fait',
  programme: 'programmé, pas encore fait',
  pas_fait: 'pas fait',
  non_concerne: 'non concerné',
  non_renseigne: 'pas encore renseigné',
  partiel: 'fait en partie seulement',
}

function legalText(criterion: Criterion): string {
  return criterion.legalBasis.map((ref) => `${ref.code} ${ref.article}`).join(', ')
}

export function computeScores(input: ScoreInput): ScoreTree {
  const { referentiel, context, answers } = input
  const citizen = input.citizenInputs ?? new Map<string, number>()

  const domainWork = referentiel.domains.map((domain) => {
    const themes: ThemeWork[] = domain.themes.map((theme) => {
      const criteria: CriterionState[] = theme.criteria.map((criterion) => {
        const answer = answers.get(criterion.id)
        const applies = criterionApplicability(criterion, context).applies
        const counts = applies && answer?.status !== 'non_concerne'
        return { criterion, answer, counts, unmetObligation: counts && criterion.kind === 'obligation' && answer?.status !== 'fait' }
      })
      const counted = criteria.filter((c) => c.counts)
      // Weights of the criteria that do not count are shared among those that do, in proportion to their weights:
      // the weighted mean over the counted criteria is exactly that.
      const shares = weightedMean(counted.map((c) => ({ weight: c.criterion.weight, shares: sharesOf(c.answer) })))
      return {
        theme,
        domainId: domain.id,
        weight: fullWeight(theme),
        criteria,
        shares,
        counts: counted.length > 0,
        applicable: counted.length,
        answered: counted.filter((c) => c.answer !== undefined && c.answer.status !== 'non_renseigne').length,
        unmet: counted.filter((c) => c.unmetObligation).length,
      }
    })
    const countedThemes = themes.filter((t) => t.counts)
    return {
      domain,
      themes,
      weight: themes.reduce((sum, t) => sum + t.weight, 0),
      counts: countedThemes.length > 0,
      shares: weightedMean(countedThemes.map((t) => ({ weight: t.weight, shares: t.shares }))),
    }
  })

  const countedDomains = domainWork.filter((d) => d.counts)
  const totalWeight = domainWork.reduce((sum, d) => sum + d.weight, 0)
  const countedDomainWeight = countedDomains.reduce((sum, d) => sum + d.weight, 0)
  const overallShares = weightedMean(countedDomains.map((d) => ({ weight: d.weight, shares: d.shares })))
  const overallCounts = countedDomains.length > 0

  const themeScores: ThemeScore[] = []
  const themePotential = new Map<string, number>()
  const domains: DomainScore[] = domainWork.map((d) => {
    // Points of the overall total this domain carries once removed domains gave theirs away.
    const domainPotential = d.counts ? (d.weight * totalWeight) / countedDomainWeight : 0
    const countedThemeWeight = d.themes.filter((t) => t.counts).reduce((sum, t) => sum + t.weight, 0)
    const themes = d.themes.map((t): ThemeScore => {
      const potential = t.counts && d.counts ? (t.weight * domainPotential) / countedThemeWeight : 0
      themePotential.set(t.theme.id, potential)
      const score: ThemeScore = {
        themeId: t.theme.id,
        domainId: d.domain.id,
        title: t.theme.title,
        applies: t.counts,
        potential: round1(potential),
        ...toPercentages(t.shares, t.counts),
        applicableCriteria: t.applicable,
        answeredCriteria: t.answered,
        unmetObligations: t.unmet,
        citizenInputs: citizen.get(t.theme.id) ?? 0,
      }
      themeScores.push(score)
      return score
    })
    return {
      domainId: d.domain.id,
      title: d.domain.title,
      applies: d.counts,
      potential: round1(domainPotential),
      ...toPercentages(d.shares, d.counts),
      applicableCriteria: themes.reduce((sum, t) => sum + t.applicableCriteria, 0),
      answeredCriteria: themes.reduce((sum, t) => sum + t.answeredCriteria, 0),
      unmetObligations: themes.reduce((sum, t) => sum + t.unmetObligations, 0),
      themes,
    }
  })

  const overall: Breakdown = {
    potential: overallCounts ? round1(totalWeight) : 0,
    ...toPercentages(overallShares, overallCounts),
    applicableCriteria: domains.reduce((sum, d) => sum + d.applicableCriteria, 0),
    answeredCriteria: domains.reduce((sum, d) => sum + d.answeredCriteria, 0),
  }

  const allThemes = domainWork.flatMap((d) => d.themes)
  const scoreOf = new Map(themeScores.map((t) => [t.themeId, t]))

  // Blocking points: heaviest first, then in the référentiel's order.
  const unmet = allThemes
    .flatMap((t) => t.criteria.filter((c) => c.unmetObligation).map((c) => ({ t, c })))
    .map((entry, order) => ({ ...entry, order }))
    .sort((a, b) => b.c.criterion.weight - a.c.criterion.weight || a.order - b.order)

  const blocking: BlockingPoint[] = unmet.map(({ t, c }) => ({
    criterionId: c.criterion.id,
    themeId: t.theme.id,
    domainId: t.domainId,
    themeTitle: t.theme.title,
    question: c.criterion.question,
    status: c.answer?.status ?? 'non_renseigne',
    legalBasis: c.criterion.legalBasis,
    nextStep: c.criterion.nextStep,
  }))

  /** What to do next in a theme: its first counted criterion that is not « fait ». */
  const firstNotDone = (t: ThemeWork): Criterion | undefined => t.criteria.find((c) => c.counts && c.answer?.status !== 'fait')?.criterion

  const strengths: Finding[] = themeScores
    .filter((s) => s.applies && s.done >= STRENGTH_THRESHOLD && s.unmetObligations === 0)
    .sort((a, b) => b.done - a.done || b.potential - a.potential)
    .map((s) => {
      const work = allThemes.find((t) => t.theme.id === s.themeId)!
      return {
        kind: 'theme' as const,
        themeId: s.themeId,
        domainId: s.domainId,
        title: s.title,
        detail: `${formatDecimal(s.done)} % fait, aucune obligation en attente.`,
        nextStep: firstNotDone(work)?.nextStep ?? '',
        score: s.done,
        criterionId: null,
      }
    })

  // Unanswered is not unmet: an obligation nobody answered yet is « à renseigner », not a weakness.
  const obligationFindings: Finding[] = unmet
    .filter(({ c }) => c.answer !== undefined && c.answer.status !== 'non_renseigne')
    .map(({ t, c }) => {
      const status = c.answer?.status ?? 'non_renseigne'
      const legal = legalText(c.criterion)
      return {
        kind: 'obligation' as const,
        themeId: t.theme.id,
        domainId: t.domainId,
        title: c.criterion.question,
        detail: `Obligation légale${legal ? ` (${legal})` : ''} : ${STATUS_LABELS[status]}.`,
        nextStep: c.criterion.nextStep,
        score: scoreOf.get(t.theme.id)!.done,
        criterionId: c.criterion.id,
      }
    })

  const remaining = (s: ThemeScore) => (themePotential.get(s.themeId) ?? 0) * (100 - s.done)
  // A theme with a criterion answered « pas fait » comes before one that is only partly done or programmed.
  const hasNotDone = (s: ThemeScore) =>
    allThemes.find((t) => t.theme.id === s.themeId)!.criteria.some((c) => c.counts && c.answer?.status === 'pas_fait') ? 0 : 1
  const themeFindings: Finding[] = themeScores
    .filter((s) => s.applies && s.done < WEAKNESS_THRESHOLD && s.notDone + s.programmed > 0)
    .sort((a, b) => hasNotDone(a) - hasNotDone(b) || remaining(b) - remaining(a) || b.citizenInputs - a.citizenInputs)
    .map((s) => {
      const work = allThemes.find((t) => t.theme.id === s.themeId)!
      const requests = s.citizenInputs > 0 ? ` ${s.citizenInputs} demande${s.citizenInputs > 1 ? 's' : ''} d'habitants sur ce thème.` : ''
      return {
        kind: 'theme' as const,
        themeId: s.themeId,
        domainId: s.domainId,
        title: s.title,
        detail: `${formatDecimal(s.done)} % fait.${requests}`,
        nextStep: firstNotDone(work)?.nextStep ?? '',
        score: s.done,
        criterionId: null,
      }
    })

  return {
    referentielVersion: referentiel.version,
    overall,
    domains,
    blocking,
    strengths,
    weaknesses: [...obligationFindings, ...themeFindings],
  }
}
