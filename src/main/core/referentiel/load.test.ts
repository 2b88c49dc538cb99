import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { AppError } from '../../../shared/errors'
import { TempDirs } from '../testing'
import { FIXTURE_REFERENTIEL_FILE, buildReferentiel, testReference } from '../testing/referentiel'
import { indexReferentiel, loadReferentiel, ReferentielError, resolveDefaultReferentielFile } from './load'

const temp = new TempDirs('cap-commune-referentiel-')
afterEach(() => temp.cleanup())

function fileWith(content: string): string {
  const file = join(temp.make(), 'referentiel.json')
  writeFileSync(file, content)
  return file
}

function errorOf(run: () => unknown): ReferentielError {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(ReferentielError)
    expect(error).toBeInstanceOf(AppError)
    return error as ReferentielError
  }
  throw new Error('Le chargement aurait dû échouer.')
}

describe('loadReferentiel', () => {
  it('reads the file, fills defaults and indexes criteria and themes', () => {
    const loaded = loadReferentiel(FIXTURE_REFERENTIEL_FILE)
    expect(loaded.referentiel.version).toBe('2026.0')
    expect(loaded.criteria.get('budget-vote-delai')).toMatchObject({ theme: { id: 'finances' }, domain: { id: 'gouvernance' } })
    expect(loaded.criteria.get('budget-plan-pluriannuel')!.criterion.legalBasis).toEqual([])
    expect(loaded.themes.get('risques')!.domain.id).toBe('services')
    expect(loaded.criteria.size).toBe(8)
  })

  it('says in French when the file is missing, not JSON, or not conforming', () => {
    const missing = errorOf(() => loadReferentiel(join(temp.make(), 'absent.json')))
    expect(missing.message).toMatch(/^Le référentiel de Cap Commune est illisible : le fichier .* est introuvable\./)
    expect(missing.code).toBe('INTERNAL')
    expect(errorOf(() => loadReferentiel(fileWith('{ pas du json'))).message).toContain("n'est pas un JSON valide")
    const wrong = errorOf(() => loadReferentiel(fileWith(JSON.stringify({ version: 'v1', checkedOn: '2026-01-01', domains: [] }))))
    expect(wrong.message).toContain("son contenu n'est pas conforme (à version)")
    expect(wrong.message).toContain('Réinstallez Cap Commune')
  })

  it('refuses duplicate ids and deadlines pointing to an unknown criterion', () => {
    const ref = buildReferentiel([
      {
        id: 'd',
        themes: [
          { id: 't', criteria: [{ id: 'a', weight: 1 }] },
          { id: 'u', criteria: [{ id: 'a', weight: 2 }] },
        ],
      },
    ])
    expect(errorOf(() => indexReferentiel(ref)).message).toContain('le critère « a » y figure deux fois')
    const orphan = buildReferentiel(
      [{ id: 'd', themes: [{ id: 't', criteria: [{ id: 'a', weight: 1 }] }] }],
      [
        {
          id: 'x',
          title: 'Échéance',
          description: 'Une échéance de test.',
          criterionId: 'zz',
          legalBasis: [testReference('L1')],
          recurrence: { type: 'quarterly' },
        },
      ],
    )
    expect(errorOf(() => indexReferentiel(orphan)).message).toContain('renvoie au critère « zz »')
  })

  it('the default file is resources/referentiel/referentiel.json under the app root; without a root, a French error', () => {
    expect(resolveDefaultReferentielFile(() => '/opt/cap-commune')).toBe(join('/opt/cap-commune', 'resources', 'referentiel', 'referentiel.json'))
    const error = errorOf(() =>
      resolveDefaultReferentielFile(() => {
        throw new Error('introuvable')
      }),
    )
    expect(error.message).toContain("le dossier de l'application est introuvable")
  })
})
