import { describe, expect, it } from 'vitest'
import { fileSlug, fileStem } from './generate'

describe('report file names', () => {
  it('say the kind of report once, whatever the campaign or project is called', () => {
    expect(fileStem('diagnostic', 'Diagnostic de début de mandat')).toBe('diagnostic-de-debut-de-mandat')
    expect(fileStem('diagnostic', 'DIAGNOSTIC 2026')).toBe('diagnostic-2026')
    expect(fileStem('diagnostic', 'Diagnostic')).toBe('diagnostic')
    expect(fileStem('diagnostic', 'Bilan de mi-mandat')).toBe('diagnostic-bilan-de-mi-mandat')
    expect(fileStem('projet', 'Projet de city-stade')).toBe('projet-de-city-stade')
    // A word that only begins like the prefix is kept whole.
    expect(fileStem('projet', 'Projets jeunes')).toBe('projet-projets-jeunes')
  })

  it('have no accents, spaces or punctuation', () => {
    expect(fileSlug('Rénovation de l’école « Les Œillets »')).toBe('renovation-de-l-ecole-les-oeillets')
    expect(fileSlug('???')).toBe('rapport')
  })
})
