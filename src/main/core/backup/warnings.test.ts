/** The home page's backup warnings: a date in French words (« 1er novembre 2026 »), through the one formatter. */
import { describe, expect, it } from 'vitest'
import { ok, testClock } from '../testing'
import { PROJECT_CORE_OPTIONS } from '../testing/projects'
import { setUpCorePerTest } from '../testing/per-test-core'

/** Local noon, so that the expected date does not depend on the machine's time zone. */
const noon = (month: number, day: number) => new Date(2026, month - 1, day, 12, 0).toISOString()
const clock = testClock(noon(11, 1))
const setUp = setUpCorePerTest('backup-warnings', { ...PROJECT_CORE_OPTIONS, now: clock.now })

describe('backup warnings', () => {
  it('name the day of the last backup as French writes it when it is more than a week old', async () => {
    clock.set(noon(11, 1))
    const { core, session } = setUp()
    await ok(core, session, 'backups.create')
    clock.set(noon(11, 7))
    expect((await ok(core, session, 'backups.status')).warnings).toEqual([])
    clock.set(noon(11, 9))
    expect((await ok(core, session, 'backups.status')).warnings).toEqual([
      "La dernière sauvegarde vérifiée date du 1er novembre 2026, il y a plus d'une semaine. Faites-en une maintenant (Paramètres › Données).",
    ])
  })
})
