import { describe, expect, it } from 'vitest'
import { CSV_BOM, toFrenchCsv } from './csv'

describe('toFrenchCsv', () => {
  it('starts with a BOM and separates fields with semicolons and rows with CRLF', () => {
    const csv = toFrenchCsv(['Prénom', 'Nom'], [['Élodie', 'Lefèvre']])
    expect(csv.startsWith(CSV_BOM)).toBe(true)
    expect(csv.slice(1)).toBe('Prénom;Nom\r\nÉlodie;Lefèvre\r\n')
  })

  it('quotes fields holding a separator, a quote or a line break', () => {
    const csv = toFrenchCsv(['Délégation'], [['Voirie; travaux'], ['Dit "Jo"'], ['ligne 1\nligne 2']])
    expect(csv.slice(1).split('\r\n')).toEqual(['Délégation', '"Voirie; travaux"', '"Dit ""Jo"""', '"ligne 1\nligne 2"', ''])
  })

  it('writes empty fields for missing values', () => {
    expect(toFrenchCsv(['a', 'b', 'c'], [[null, undefined, 0]]).slice(1)).toBe('a;b;c\r\n;;0\r\n')
  })
})
