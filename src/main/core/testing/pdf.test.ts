import { describe, expect, it } from 'vitest'
import { undrawable } from './pdf'

describe('undrawable', () => {
  it('names the characters the embedded font would print as empty boxes', () => {
    expect(undrawable('Cœur « Œillets » 1\u00a0234,50 € — è ç …')).toEqual([])
    expect(undrawable('du 1 → 2, 1\u202f234 €')).toEqual(['→', '\u202f'])
  })
})
