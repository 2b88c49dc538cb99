import { afterEach, describe, expect, it } from 'vitest'
import type { CitizensListInput } from '../../../shared/contract'
import { createSetUpCore, ok, TempDirs, type TestCore } from '../testing'
import { pulledContribution, receivePulled } from '../testing/contributions'
import { deferIndexes, restoreDeferredIndexes, restoreNextIndex } from './deferred-indexes'

const temp = new TempDirs('cap-commune-deferred-indexes-')
const opened: TestCore[] = []
afterEach(() => {
  for (const test of opened.splice(0)) test.core.close()
  temp.cleanup()
})

const KINDS = ['besoin', 'proposition', 'commentaire'] as const
const TOPICS = ['voirie', 'ecole', 'environnement'] as const

async function withContributions(): Promise<TestCore> {
  const test = await createSetUpCore(temp.make())
  opened.push(test)
  const items = Array.from({ length: 40 }, (_, i) =>
    pulledContribution(i + 1, {
      kind: KINDS[i % 3],
      topic: TOPICS[(i * 7) % 3],
      title: i % 4 === 0 ? `Fontaine ${i}` : `Trottoir ${i}`,
      status: i % 5 === 0 ? 'a_l_etude' : 'recue',
      createdAt: new Date(Date.UTC(2026, 3 + (i % 6), 1 + i)).toISOString(),
    }),
  )
  receivePulled(test.core.database.db, items)
  return test
}

const indexes = (test: TestCore) =>
  test.core.database.sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'contributions' ORDER BY name").all()

/** The list's filters that name an index (a period, a kind and topic) and others. */
const LISTS: CitizensListInput[] = [
  {},
  { from: '2026-05-01', to: '2026-07-31' },
  { kind: 'besoin', topic: 'voirie' },
  { kind: 'besoin', topic: 'voirie', status: 'recue' },
  { status: 'a_l_etude', moderation: 'en_attente' },
  { search: 'fontaine' },
  { search: 'trottoir', from: '2026-04-01', to: '2026-12-31' },
  { unseenOnly: true, page: 2 },
]

describe('indexes set aside during a large write', () => {
  it('gives the same pages and counts while the list’s indexes are set aside, then builds them back as they were', async () => {
    const test = await withContributions()
    const { core, session } = test
    const schema = indexes(test)
    const lists = async () => Promise.all(LISTS.map((input) => ok(core, session, 'citizens.list', input)))
    const before = await lists()
    expect(before[1]!.total).toBeGreaterThan(0)
    expect(before[2]!.total).toBeGreaterThan(0)

    const setAside = deferIndexes(core.database.sqlite, 'contributions', ['contributions_duplicate_of'])
    expect(setAside).toContain('contributions_created')
    expect(setAside).toContain('contributions_kind_topic')
    expect(setAside).not.toContain('contributions_relay_id')
    expect(indexes(test).map((row) => (row as { name: string }).name)).toEqual(['contributions_duplicate_of', 'contributions_relay_id'])
    expect(await lists()).toEqual(before)
    // Setting aside again changes nothing: what is already aside stays recorded once.
    expect(deferIndexes(core.database.sqlite, 'contributions', ['contributions_duplicate_of'])).toEqual([])

    expect(restoreDeferredIndexes(core.database.sqlite)).toBe(setAside.length)
    expect(indexes(test)).toEqual(schema)
    expect(await lists()).toEqual(before)
    expect(restoreNextIndex(core.database.sqlite)).toBe(false)
  })

  it('keeps the record of an index that cannot be built, so that it is tried again, and the list still answers', async () => {
    const test = await withContributions()
    const { core, session } = test
    const sqlite = core.database.sqlite
    deferIndexes(sqlite, 'contributions')
    // As a full disk would: the first statement to build fails.
    sqlite
      .prepare(
        "UPDATE deferred_indexes SET sql = 'CREATE INDEX contributions_created ON contributions (no_such_column)' WHERE name = 'contributions_created'",
      )
      .run()
    sqlite.prepare("UPDATE deferred_indexes SET deferred_at = '2000-01-01' WHERE name = 'contributions_created'").run()
    expect(() => restoreNextIndex(sqlite)).toThrow()
    expect(sqlite.prepare("SELECT count(*) AS n FROM deferred_indexes WHERE name = 'contributions_created'").get()).toEqual({ n: 1 })
    expect((await ok(core, session, 'citizens.list', { from: '2026-05-01', to: '2026-07-31' })).total).toBeGreaterThan(0)
  })
})
