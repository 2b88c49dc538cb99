import { join } from 'node:path'
import { writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { failure, ok, TempDirs } from '../testing'
import { setUpCorePerTest } from '../testing/per-test-core'
import { FIXTURE_REFERENTIEL_FILE } from '../testing/referentiel'

const NOW = '2026-05-04T10:00:00.000Z'
const setUp = setUpCorePerTest('referentiel', { now: () => new Date(NOW), referentielFile: FIXTURE_REFERENTIEL_FILE })

describe('referentiel.get', () => {
  it('gives each criterion its applicability for Faux-Villecerf (215 inhabitants, empty questionnaire), with the reason', async () => {
    const { core, session } = setUp()
    const view = await ok(core, session, 'referentiel.get')
    expect(view.version).toBe('2026.0')
    const criteria = view.domains.flatMap((d) => d.themes.flatMap((t) => t.criteria))
    const byId = Object.fromEntries(criteria.map((c) => [c.id, c.applicability]))
    expect(byId['budget-vote-delai']).toEqual({ applies: true, reason: '' })
    expect(byId['conseil-reglement-interieur']!.applies).toBe(false)
    // fr-FR groups thousands with a narrow no-break space.
    expect(byId['conseil-reglement-interieur']!.reason).toMatch(
      /^Ne concerne que les communes de 1\s000 habitants ou plus en population totale \(la vôtre en compte 215 en population municipale, en attendant sa population totale\)\.$/,
    )
    expect(byId['ecole-cantine-menus']!.applies).toBe(false)
    expect(byId['ecole-cantine-menus']!.reason).toContain('restauration scolaire')
    expect(view.domains[0]!.themes[1]).toMatchObject({ id: 'finances', domainId: 'gouvernance', competence: null, legalReferences: [] })
    expect(criteria.find((c) => c.id === 'conseil-reunion-trimestrielle')!.help).toBe('Fait : au moins une séance dans chacun des quatre trimestres.')
  })
})

describe('an unreadable référentiel', () => {
  it('answers with a French message saying what to do, and the data are untouched', async () => {
    const temp = new TempDirs('cap-commune-bad-referentiel-')
    const { core: good, dataDir } = setUp()
    good.close()
    const file = join(temp.make(), 'referentiel.json')
    writeFileSync(file, '{"version": "x"}')
    const { createTestCore } = await import('../testing')
    const { core, session } = createTestCore(dataDir, { referentielFile: file })
    try {
      const error = await failure(core, session, 'referentiel.get', {})
      expect(error.code).toBe('INTERNAL')
      expect(error.message).toMatch(/^Le référentiel de Cap Commune est illisible : son contenu n'est pas conforme/)
      expect(error.message).toContain("Vos données n'ont pas été touchées")
    } finally {
      core.close()
      temp.cleanup()
    }
  })
})
