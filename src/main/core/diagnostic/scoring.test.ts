import { describe, expect, it } from 'vitest'
import { scoreTreeSchema, type Breakdown, type ScoreTree } from '../../../shared/contract/diagnostic'
import { answersOf, buildReferentiel, contextFor } from '../testing/referentiel'
import { computeScores, toPercentages } from './scoring'

/** Every breakdown of the tree, with where it is. */
function breakdowns(tree: ScoreTree): { where: string; b: Breakdown & { applies?: boolean } }[] {
  return [
    { where: 'overall', b: tree.overall },
    ...tree.domains.flatMap((d) => [{ where: d.domainId, b: d }, ...d.themes.map((t) => ({ where: `${d.domainId}/${t.themeId}`, b: t }))]),
  ]
}

/** Shares total exactly 100 where something counts, 0 elsewhere; no NaN or infinity anywhere. */
function expectConsistent(tree: ScoreTree): void {
  scoreTreeSchema.parse(tree)
  const numbers: number[] = []
  JSON.stringify(tree, (_key, value: unknown) => {
    if (typeof value === 'number') numbers.push(value)
    return value
  })
  expect(numbers.every(Number.isFinite)).toBe(true)
  // JSON.stringify turns NaN into null: none of the numeric fields may come out null.
  expect(JSON.stringify(tree)).not.toMatch(/"(done|programmed|notDone|notAnswered|potential|score)":null/)
  for (const { where, b } of breakdowns(tree)) {
    const total = Math.round((b.done + b.programmed + b.notDone + b.notAnswered) * 10) / 10
    expect(total, where).toBe(b.potential > 0 ? 100 : 0)
  }
}

describe('computeScores: redistribution of what does not apply', () => {
  // Checked by hand:
  //  T1 (full weight 6): a w3 fait, b w1 pas fait, c w2 for communes of 1 000+ (Faux-Villecerf: 215) → removed.
  //     Counted: a + b = 4 → fait 3/4 = 75 %, pas fait 25 %.
  //  T2 (full weight 2): d w2 for communes with a school → removed: no criterion counts, the theme is removed.
  //  T3 (full weight 4): e w4 programmé → 100 % programmé.
  //  D1 = 12, counted themes T1 + T3 = 10 → fait 6×0.75/10 = 45 %, programmé 4/10 = 40 %, pas fait 6×0.25/10 = 15 %.
  //  D2 (weight 3): f answered « non concerné » → removed; overall = D1.
  //  Potentials: total 15, all carried by D1; T1 = 6 × 15/10 = 9, T3 = 4 × 15/10 = 6.
  const referentiel = buildReferentiel([
    {
      id: 'd1',
      themes: [
        {
          id: 't1',
          criteria: [
            { id: 'a', weight: 3 },
            { id: 'b', weight: 1 },
            { id: 'c', weight: 2, appliesWhen: { population: { measure: 'totale', atLeast: 1000 } } },
          ],
        },
        { id: 't2', criteria: [{ id: 'd', weight: 2, appliesWhen: { fact: 'hasSchool', is: true } }] },
        { id: 't3', criteria: [{ id: 'e', weight: 4 }] },
      ],
    },
    { id: 'd2', themes: [{ id: 't4', criteria: [{ id: 'f', weight: 3 }] }] },
  ])
  const tree = computeScores({
    referentiel,
    context: contextFor(215),
    answers: answersOf({ a: 'fait', b: 'pas_fait', c: 'fait', e: 'programme', f: 'non_concerne' }),
  })

  it('gives the weight of removed criteria, themes and domains to their siblings', () => {
    expectConsistent(tree)
    const [d1, d2] = tree.domains
    const [t1, t2, t3] = d1!.themes
    expect(t1).toMatchObject({
      applies: true,
      potential: 9,
      done: 75,
      programmed: 0,
      notDone: 25,
      notAnswered: 0,
      applicableCriteria: 2,
      answeredCriteria: 2,
    })
    expect(t2).toMatchObject({ applies: false, potential: 0, done: 0, programmed: 0, notDone: 0, notAnswered: 0, applicableCriteria: 0 })
    expect(t3).toMatchObject({ applies: true, potential: 6, done: 0, programmed: 100 })
    expect(d1).toMatchObject({ applies: true, potential: 15, done: 45, programmed: 40, notDone: 15, notAnswered: 0, applicableCriteria: 3 })
    expect(d2).toMatchObject({ applies: false, potential: 0, done: 0, applicableCriteria: 0 })
    expect(d2!.themes[0]).toMatchObject({ applies: false })
    expect(tree.overall).toEqual({ potential: 15, done: 45, programmed: 40, notDone: 15, notAnswered: 0, applicableCriteria: 3, answeredCriteria: 3 })
  })

  it('an answer to a criterion that does not apply by rule changes nothing', () => {
    const without = computeScores({
      referentiel,
      context: contextFor(215),
      answers: answersOf({ a: 'fait', b: 'pas_fait', e: 'programme', f: 'non_concerne' }),
    })
    expect(without.overall).toEqual(tree.overall)
  })

  it('counts the criterion again when the commune grows past the threshold', () => {
    const bigger = computeScores({
      referentiel,
      context: contextFor(1500),
      answers: answersOf({ a: 'fait', b: 'pas_fait', c: 'fait', e: 'programme', f: 'non_concerne' }),
    })
    // T1: a 3 + c 2 fait, b 1 pas fait → 5/6 = 83.3 %.
    expect(bigger.domains[0]!.themes[0]).toMatchObject({ done: 83.3, notDone: 16.7, applicableCriteria: 3 })
  })
})

describe('computeScores: edge cases', () => {
  const referentiel = buildReferentiel([
    {
      id: 'gouvernance',
      themes: [
        {
          id: 'conseil',
          criteria: [
            { id: 'convocation', weight: 1, kind: 'obligation' },
            { id: 'pv', weight: 5 },
            { id: 'affichage', weight: 5 },
          ],
        },
        {
          id: 'finances',
          criteria: [
            { id: 'budget', weight: 4, kind: 'obligation' },
            { id: 'ppi', weight: 2 },
          ],
        },
      ],
    },
    {
      id: 'services',
      themes: [
        {
          id: 'ecole',
          criteria: [
            { id: 'cantine', weight: 3 },
            { id: 'periscolaire', weight: 1 },
          ],
        },
      ],
    },
  ])
  const context = contextFor(215)

  it('everything « non concerné »: nothing counts, all zero, no NaN, no finding', () => {
    const all = Object.fromEntries(
      ['convocation', 'pv', 'affichage', 'budget', 'ppi', 'cantine', 'periscolaire'].map((id) => [id, 'non_concerne' as const]),
    )
    const tree = computeScores({ referentiel, context, answers: answersOf(all) })
    expectConsistent(tree)
    expect(tree.overall).toEqual({ potential: 0, done: 0, programmed: 0, notDone: 0, notAnswered: 0, applicableCriteria: 0, answeredCriteria: 0 })
    expect(tree.domains.every((d) => !d.applies && d.themes.every((t) => !t.applies))).toBe(true)
    expect(tree.blocking).toEqual([])
    expect(tree.strengths).toEqual([])
    expect(tree.weaknesses).toEqual([])
  })

  it('no answer at all: everything « non renseigné », score 0, every obligation blocking, no NaN', () => {
    const tree = computeScores({ referentiel, context, answers: new Map() })
    expectConsistent(tree)
    expect(tree.overall).toEqual({ potential: 21, done: 0, programmed: 0, notDone: 0, notAnswered: 100, applicableCriteria: 7, answeredCriteria: 0 })
    expect(tree.blocking.map((b) => [b.criterionId, b.status])).toEqual([
      ['budget', 'non_renseigne'],
      ['convocation', 'non_renseigne'],
    ])
    expect(tree.strengths).toEqual([])
    // Unanswered is not unmet: nothing is known yet, so there is no weakness to list.
    expect(tree.weaknesses).toEqual([])
  })

  it('weaknesses list what was answered: an obligation « pas fait » first, then themes with « pas fait » answers', () => {
    const tree = computeScores({ referentiel, context, answers: answersOf({ convocation: 'pas_fait', cantine: 'pas_fait' }) })
    expect(tree.weaknesses.map((w) => `${w.kind}:${w.criterionId ?? w.themeId}`)).toEqual(['obligation:convocation', 'theme:conseil', 'theme:ecole'])
    // The unanswered budget obligation is still blocking, with its status, to be answered.
    expect(tree.blocking.map((b) => [b.criterionId, b.status])).toEqual([
      ['budget', 'non_renseigne'],
      ['convocation', 'pas_fait'],
    ])
  })

  it('« partiel » counts its split: fait, programmé and pas fait in proportion', () => {
    const tree = computeScores({
      referentiel,
      context,
      answers: answersOf({ cantine: 'fait', periscolaire: { status: 'partiel', split: { done: 50, programmed: 30, notDone: 20 } } }),
    })
    expectConsistent(tree)
    // (3 × 100 + 1 × 50) / 4 = 87.5 fait; 30/4 = 7.5 programmé; 20/4 = 5 pas fait.
    expect(tree.domains[1]!.themes[0]).toMatchObject({ done: 87.5, programmed: 7.5, notDone: 5, notAnswered: 0, answeredCriteria: 2 })
  })

  it('a partly done obligation is unmet: blocking', () => {
    const tree = computeScores({
      referentiel,
      context,
      answers: answersOf({ convocation: 'fait', budget: { status: 'partiel', split: { done: 90, programmed: 0, notDone: 10 } }, ppi: 'fait' }),
    })
    expect(tree.blocking.map((b) => [b.criterionId, b.status])).toEqual([['budget', 'partiel']])
    expect(tree.domains[0]!.themes[1]).toMatchObject({ unmetObligations: 1, done: 93.3 })
  })

  it('an unmet obligation in a high-scoring theme: still blocking, listed first in weaknesses, not a strength', () => {
    const tree = computeScores({
      referentiel,
      context,
      answers: answersOf({
        convocation: 'pas_fait',
        pv: 'fait',
        affichage: 'fait',
        budget: 'fait',
        ppi: 'fait',
        cantine: 'pas_fait',
        periscolaire: 'fait',
      }),
    })
    expectConsistent(tree)
    const conseil = tree.domains[0]!.themes[0]!
    // 10 / 11 = 90.9 % fait, above the strength threshold.
    expect(conseil).toMatchObject({ done: 90.9, notDone: 9.1, unmetObligations: 1 })
    expect(tree.blocking).toHaveLength(1)
    expect(tree.blocking[0]).toMatchObject({
      criterionId: 'convocation',
      themeId: 'conseil',
      status: 'pas_fait',
      legalBasis: [{ code: 'CGCT', article: 'L-convocation' }],
    })
    expect(tree.weaknesses[0]).toMatchObject({
      kind: 'obligation',
      criterionId: 'convocation',
      score: 90.9,
      nextStep: 'Prochaine étape pour convocation.',
    })
    expect(tree.weaknesses[0]!.detail).toContain('CGCT L-convocation')
    expect(tree.strengths.map((s) => s.themeId)).toEqual(['finances'])
    // ecole: 1/4 = 25 % fait → weakness, with the first not-done criterion's next step.
    expect(tree.weaknesses.slice(1)).toEqual([
      expect.objectContaining({ kind: 'theme', themeId: 'ecole', score: 25, nextStep: 'Prochaine étape pour cantine.' }),
    ])
    expect(tree.domains[0]!.unmetObligations).toBe(1)
  })

  it('weaknesses: unmet obligations, then themes with « pas fait » answers, then themes only partly done', () => {
    const ref = buildReferentiel([
      {
        id: 'd',
        themes: [
          // A heavy theme only partly done: more remaining points than the light one, yet listed after it.
          { id: 'partiel', criteria: [{ id: 'a1', weight: 5 }] },
          { id: 'leger', criteria: [{ id: 'b1', weight: 1 }] },
          { id: 'oblig', criteria: [{ id: 'o1', weight: 1, kind: 'obligation' }] },
        ],
      },
    ])
    const tree = computeScores({
      referentiel: ref,
      context,
      answers: answersOf({ a1: { status: 'partiel', split: { done: 10, programmed: 10, notDone: 80 } }, b1: 'pas_fait', o1: 'programme' }),
    })
    expect(tree.weaknesses.map((w) => `${w.kind}:${w.criterionId ?? w.themeId}`)).toEqual([
      'obligation:o1',
      'theme:leger',
      'theme:partiel',
      'theme:oblig',
    ])
  })

  it('strengths best first; weaknesses by remaining points, then by citizen inputs', () => {
    const ref = buildReferentiel([
      {
        id: 'd',
        themes: [
          { id: 'petit', criteria: [{ id: 'p1', weight: 1 }] },
          { id: 'grand', criteria: [{ id: 'g1', weight: 5 }] },
          {
            id: 'moyen',
            criteria: [
              { id: 'm1', weight: 4 },
              { id: 'm2', weight: 1 },
            ],
          },
          { id: 'jumeau', criteria: [{ id: 'j1', weight: 1 }] },
          { id: 'top', criteria: [{ id: 'x1', weight: 1 }] },
          {
            id: 'bon',
            criteria: [
              { id: 'y1', weight: 3 },
              { id: 'y2', weight: 1 },
            ],
          },
        ],
      },
    ])
    const tree = computeScores({
      referentiel: ref,
      context,
      answers: answersOf({ p1: 'pas_fait', g1: 'pas_fait', m1: 'pas_fait', m2: 'fait', j1: 'pas_fait', x1: 'fait', y1: 'fait', y2: 'programme' }),
      citizenInputs: new Map([['jumeau', 2]]),
    })
    expectConsistent(tree)
    expect(tree.strengths.map((s) => [s.themeId, s.score])).toEqual([
      ['top', 100],
      ['bon', 75],
    ])
    // Remaining: grand 5 × 100, moyen 5 × 80 = 400, then petit and jumeau 1 × 100 each — jumeau has citizen inputs.
    expect(tree.weaknesses.map((w) => w.themeId)).toEqual(['grand', 'moyen', 'jumeau', 'petit'])
    expect(tree.weaknesses[2]!.detail).toContain("2 demandes d'habitants")
    expect(tree.domains[0]!.themes.find((t) => t.themeId === 'jumeau')!.citizenInputs).toBe(2)
  })

  it('answers to criteria the référentiel no longer has are ignored', () => {
    const tree = computeScores({ referentiel, context, answers: answersOf({ ancien: 'fait' }) })
    expect(tree.overall.answeredCriteria).toBe(0)
  })
})

describe('rounding', () => {
  it('thirds: 33.4 + 33.3 + 33.3, the extra tenth on the largest share', () => {
    const ref = buildReferentiel([
      {
        id: 'd',
        themes: [
          {
            id: 't',
            criteria: [
              { id: 'a', weight: 1 },
              { id: 'b', weight: 1 },
              { id: 'c', weight: 1 },
            ],
          },
        ],
      },
    ])
    const tree = computeScores({ referentiel: ref, context: contextFor(), answers: answersOf({ a: 'fait', b: 'programme', c: 'pas_fait' }) })
    expectConsistent(tree)
    expect(tree.overall).toMatchObject({ done: 33.4, programmed: 33.3, notDone: 33.3, notAnswered: 0 })
  })

  it('sixths and sevenths: shares always total exactly 100', () => {
    expect(toPercentages({ done: 1 / 6, programmed: 1 / 6, notDone: 1 / 6, notAnswered: 1 / 2 }, true)).toEqual({
      done: 16.7,
      programmed: 16.7,
      notDone: 16.7,
      notAnswered: 49.9,
    })
    const sevenths = toPercentages({ done: 2 / 7, programmed: 2 / 7, notDone: 2 / 7, notAnswered: 1 / 7 }, true)
    expect(Math.round((sevenths.done + sevenths.programmed + sevenths.notDone + sevenths.notAnswered) * 10)).toBe(1000)
    expect(toPercentages({ done: 0, programmed: 0, notDone: 0, notAnswered: 0 }, false)).toEqual({
      done: 0,
      programmed: 0,
      notDone: 0,
      notAnswered: 0,
    })
  })

  it('a tree of many odd weights totals 100 at every level', () => {
    const statuses = ['fait', 'programme', 'pas_fait', 'non_renseigne'] as const
    const ref = buildReferentiel(
      [1, 2, 3].map((d) => ({
        id: `d${d}`,
        themes: [1, 2, 3].map((t) => ({
          id: `t${d}-${t}`,
          criteria: [1, 2, 3].map((c) => ({ id: `c${d}-${t}-${c}`, weight: ((d + t + c) % 5) + 1 })),
        })),
      })),
    )
    const answers = new Map(
      ref.domains.flatMap((d) =>
        d.themes.flatMap((t) => t.criteria.map((c, i) => [c.id, { status: statuses[(i + c.weight) % 4]!, split: null }] as const)),
      ),
    )
    expectConsistent(computeScores({ referentiel: ref, context: contextFor(), answers }))
  })
})
