import { describe, expect, it } from 'vitest'
import { daysUntil } from './days'

describe('daysUntil', () => {
  it('counts whole days, across months and a leap year', () => {
    expect(daysUntil('2026-11-29', new Date(2026, 10, 29, 23, 30))).toBe(0)
    expect(daysUntil('2026-12-31', new Date(2026, 10, 29, 8))).toBe(32)
    expect(daysUntil('2028-03-01', new Date(2028, 1, 28))).toBe(2)
    expect(daysUntil('2026-11-01', new Date(2026, 10, 29))).toBe(-28)
  })
})
