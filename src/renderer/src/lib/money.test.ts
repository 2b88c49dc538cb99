import { describe, expect, it } from 'vitest'
import { eurosToCents, formatCents } from './money'

describe('money', () => {
  it('turns typed euros into exact cents', () => {
    expect(eurosToCents(0.1) + eurosToCents(0.2)).toBe(30)
    expect(eurosToCents('1 234,56')).toBe(123456)
    expect(eurosToCents(19.99)).toBe(1999)
    expect(eurosToCents('abc')).toBe(0)
  })

  it('writes cents as French euros', () => {
    expect(formatCents(123456)).toBe('1\u202f234,56\u00a0€')
  })
})
