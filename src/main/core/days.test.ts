import { describe, expect, it } from 'vitest'
import { addDays, addMonths, isoDate } from './days'

describe('calendar days', () => {
  it('addMonths keeps the day, or falls on the last day of a shorter month', () => {
    expect(addMonths('2026-03-27', 6)).toBe('2026-09-27')
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28')
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29')
    expect(addMonths('2026-11-15', 2)).toBe('2027-01-15')
    expect(addMonths('2026-03-15', -3)).toBe('2025-12-15')
  })

  it('addDays crosses months, years and leap days, forwards and back', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
    // The night the clocks change in France is a day like any other.
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29')
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26')
  })

  it('isoDate moves a day past the month end to its last day', () => {
    expect(isoDate(2026, 6, 31)).toBe('2026-06-30')
    expect(isoDate(2028, 2, 30)).toBe('2028-02-29')
    expect(isoDate(2026, 12, 31)).toBe('2026-12-31')
  })
})
