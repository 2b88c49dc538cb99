import { describe, expect, it } from 'vitest'
import { formatCoordinates, formatDecimal, formatEuros, formatInteger, formatPercent, formatWholeEuros } from './format'

// French writes thousands with a narrow no-break space (U+202F) and puts a no-break space (U+00A0) before « € ».
const NNBSP = '\u202f'
const NBSP = '\u00a0'

describe('French numbers (the one formatter of the app)', () => {
  it('writes integers with a narrow no-break space between thousands', () => {
    expect(formatInteger(12345)).toBe(`12${NNBSP}345`)
    expect(formatInteger(999.6)).toBe(`1${NNBSP}000`)
  })

  it('writes one decimal at most, with a comma', () => {
    expect(formatDecimal(1234.56)).toBe(`1${NNBSP}234,6`)
    expect(formatDecimal(12)).toBe('12')
    expect(formatPercent(42.5)).toBe('42,5 %')
  })

  it('writes euros with cents, or rounded to the euro', () => {
    expect(formatEuros(12500.5)).toBe(`12${NNBSP}500,50${NBSP}€`)
    expect(formatWholeEuros(12500.5)).toBe(`12${NNBSP}501${NBSP}€`)
    expect(formatWholeEuros(0)).toBe(`0${NBSP}€`)
  })

  it('writes a GPS position to the metre, west and south spelled in French', () => {
    expect(formatCoordinates(45.1234567, 3.5)).toBe('45,12346° N, 3,50000° E')
    expect(formatCoordinates(-21.1151, -1.68)).toBe('21,11510° S, 1,68000° O')
  })
})
