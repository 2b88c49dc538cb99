import { describe, expect, it } from 'vitest'
import { failure, ok } from '../testing'
import { setUpCorePerTest } from '../testing/per-test-core'
import { signInAsElu } from '../testing/referentiel'

/** Every relay call of these tests would fail: nothing here may reach a network. */
const noNetwork: typeof fetch = () => Promise.reject(new TypeError('fetch failed'))
const setUp = setUpCorePerTest('resident-codes', { relayFetch: noNetwork })

function stored(sqlite: { prepare(sql: string): { get(): unknown } }): unknown {
  return sqlite.prepare('SELECT (SELECT count(*) FROM resident_code_batches) AS batches, (SELECT count(*) FROM resident_codes) AS codes').get()
}

describe('resident codes', () => {
  it('refuses bad and hostile input in French, before any call to the relay', async () => {
    const { core, session } = setUp()
    const cases: [unknown, string][] = [
      [{ label: 'Foyers', count: 0 }, 'Il faut au moins un code.'],
      [{ label: 'Foyers', count: 5001 }, 'Au plus 5 000 codes par lot.'],
      [{ label: 'Foyers', count: 2.5 }, 'Le nombre de codes doit être un nombre entier.'],
      [{ label: 'Foyers', count: '12' }, 'Indiquez le nombre de codes à créer.'],
      [{ label: 'x'.repeat(10_000), count: 10 }, 'Le nom du lot ne doit pas dépasser 120 caractères.'],
      [{ label: '   ', count: 10 }, 'Le nom du lot est obligatoire.'],
    ]
    for (const [input, message] of cases) {
      const refused = await failure(core, session, 'residentCodes.create', input)
      expect(refused.code, JSON.stringify(input).slice(0, 60)).toBe('INVALID_INPUT')
      expect(refused.issues?.map((issue) => issue.message)).toContain(message)
    }
    expect(stored(core.database.sqlite)).toEqual({ batches: 0, codes: 0 })
  })

  it('says the commune must be connected first; the list is empty and says nothing is wrong', async () => {
    const { core, session } = setUp()
    const refused = await failure(core, session, 'residentCodes.create', { label: 'Foyers', count: 10 })
    expect(refused.message).toBe('La commune n’est pas connectée au portail citoyen : connectez-la dans Paramètres › Portail citoyen.')
    expect(await ok(core, session, 'residentCodes.list', {})).toEqual({ connected: false, problem: null, batches: [] })
    expect((await failure(core, session, 'residentCodes.letters', { id: 1 })).code).toBe('NOT_FOUND')
    expect(stored(core.database.sqlite)).toEqual({ batches: 0, codes: 0 })
  })

  it('is for administrators only', async () => {
    const { core, session } = setUp()
    await signInAsElu(core, session)
    for (const method of ['residentCodes.list', 'residentCodes.create', 'residentCodes.revoke', 'residentCodes.letters'] as const) {
      const input = method === 'residentCodes.create' ? { label: 'Foyers', count: 1 } : method === 'residentCodes.list' ? {} : { id: 1 }
      expect((await failure(core, session, method, input)).code, method).toBe('FORBIDDEN')
    }
  })
})
