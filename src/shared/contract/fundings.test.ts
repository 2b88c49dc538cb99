import { describe, expect, it } from 'vitest'
import { fundingObtainedCents, fundingTotals } from './fundings'

describe('funding totals', () => {
  const fundings = [
    { status: 'envisagee', requestedCents: 100_000, obtainedCents: null },
    { status: 'demandee', requestedCents: 200_000, obtainedCents: null },
    { status: 'accordee', requestedCents: 300_000, obtainedCents: null },
    { status: 'versee', requestedCents: 400_000, obtainedCents: 350_000 },
    { status: 'refusee', requestedCents: 500_000, obtainedCents: 10 },
  ] as const

  it('a granted or paid grant brings what was obtained, the amount requested until then; any other, nothing', () => {
    expect(fundings.map((f) => fundingObtainedCents(f))).toEqual([0, 0, 300_000, 350_000, 0])
  })

  it('requested counts the requests sent, not those only considered', () => {
    expect(fundingTotals([...fundings])).toEqual({ requestedCents: 200_000 + 300_000 + 400_000 + 500_000, obtainedCents: 650_000 })
    expect(fundingTotals([])).toEqual({ requestedCents: 0, obtainedCents: 0 })
  })
})
