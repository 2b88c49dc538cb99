import { describe, expect, it } from 'vitest'
import { formatDate, formatEuros, formatPeriod, formatPopulation } from './format'

// French typography: a narrow no-break space groups thousands and a no-break space precedes €.
const NNBSP = '\u202f'
const NBSP = '\u00a0'

describe('French formatting', () => {
  it('writes populations with French digit grouping and agreement', () => {
    expect(formatPopulation(215)).toBe('215 habitants')
    expect(formatPopulation(1)).toBe('1 habitant')
    expect(formatPopulation(12_345)).toBe(`12${NNBSP}345 habitants`)
    expect(formatPopulation(null)).toBe('Population inconnue')
  })

  it('writes euros the French way', () => {
    expect(formatEuros(1234.5)).toBe(`1${NNBSP}234,50${NBSP}€`)
  })

  it('writes dates in words, in French', () => {
    expect(formatDate('2026-03-15T12:00:00Z')).toBe('15 mars 2026')
    // The first of the month is written « 1er », never « 1 » (and the 11th or 21st stay as they are).
    expect(formatDate('2026-12-01T12:00:00Z')).toBe('1er décembre 2026')
    expect(formatDate('2026-12-11T12:00:00Z')).toBe('11 décembre 2026')
    expect(formatDate('2026-12-21T12:00:00Z')).toBe('21 décembre 2026')
  })

  it('writes a period in words, whichever dates are known', () => {
    expect(formatPeriod('2027-03-01', '2027-06-30')).toBe('du 1er mars 2027 au 30 juin 2027')
    expect(formatPeriod('2027-03-01', null)).toBe('à partir du 1er mars 2027')
    expect(formatPeriod(null, '2027-06-30')).toBe('jusqu’au 30 juin 2027')
    expect(formatPeriod(null, null)).toBe('Dates non fixées')
  })
})
