/** The translations' numbers: a count is written as French writes it, through shared/format. */
import { describe, expect, it } from 'vitest'
import { fr } from './fr'
import { i18n } from '.'

// French writes thousands with a narrow no-break space (U+202F).
const NNBSP = '\u202f'

/** Every string of the translations with its key (« citizens.sync.new_other »). */
function strings(node: unknown, path: string[] = []): [string, string][] {
  if (typeof node === 'string') return [[path.join('.'), node]]
  if (node && typeof node === 'object') return Object.entries(node).flatMap(([key, value]) => strings(value, [...path, key]))
  return []
}

describe('counts in the translations', () => {
  it('are written with French thousands, the plural still chosen from the number', () => {
    expect(i18n.t('citizens.page.showing', { count: 100000 })).toContain(`100${NNBSP}000`)
    expect(i18n.t('citizens.sync.new', { count: 1234 })).toBe(`1${NNBSP}234 nouvelles contributions`)
    expect(i18n.t('citizens.sync.new', { count: 1 })).toBe('1 nouvelle contribution')
    expect(i18n.t('citizens.sync.done', { count: 2500 })).toBe(`Synchronisation terminée : 2${NNBSP}500 nouvelles contributions.`)
    expect(i18n.t('projects.count', { count: 2000 })).toBe(`2${NNBSP}000 projets`)
    expect(i18n.t('tasks.groups.done', { count: 50000 })).toBe(`Faites (50${NNBSP}000)`)
  })

  it('all go through the French formatter: no bare {{count}} left', () => {
    const bare = strings(fr).filter(([, text]) => text.includes('{{count}}'))
    expect(bare).toEqual([])
  })
})
