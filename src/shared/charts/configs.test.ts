import { describe, expect, it } from 'vitest'
import { wrapLabel } from './configs'

describe('wrapLabel', () => {
  it('cuts long labels at spaces and keeps short ones whole', () => {
    expect(wrapLabel('Économie locale, commerce et tourisme', 20)).toEqual(['Économie locale,', 'commerce et tourisme'])
    expect(wrapLabel('Santé')).toEqual(['Santé'])
  })
})
