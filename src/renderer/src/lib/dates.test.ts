import { describe, expect, it } from 'vitest'
import { frenchDateProblem, frenchFromIso, isoFromFrench } from './dates'

describe('French dates', () => {
  it('reads JJ/MM/AAAA, with or without leading zeros, into an ISO date', () => {
    expect(isoFromFrench('05/03/2027')).toBe('2027-03-05')
    expect(isoFromFrench(' 5/3/2027 ')).toBe('2027-03-05')
    expect(isoFromFrench('29/02/2028')).toBe('2028-02-29')
    expect(frenchFromIso('2027-03-05')).toBe('05/03/2027')
  })

  it('never turns a date that does not exist into another one', () => {
    expect(isoFromFrench('31/02/2027')).toBeNull()
    expect(isoFromFrench('29/02/2027')).toBeNull()
    expect(isoFromFrench('12/13/2027')).toBeNull()
    expect(frenchDateProblem('31/02/2027')).toBe('impossible')
    expect(frenchDateProblem('2027-02-31')).toBe('impossible')
  })

  it('says when what is typed is not written as a date', () => {
    expect(frenchDateProblem('mars 2027')).toBe('format')
    expect(frenchDateProblem('05/03/27')).toBe('format')
    expect(frenchDateProblem('')).toBeNull()
    expect(frenchDateProblem('05/03/2027')).toBeNull()
  })
})
