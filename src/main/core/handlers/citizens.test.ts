/** The Citoyens page's reads: filters, search, counts, pages, one contribution, its photos checked again. */
import { writeFileSync } from 'node:fs'
import { createCanvas } from '@napi-rs/canvas'
import { afterEach, describe, expect, it } from 'vitest'
import { sha256, storeFile, storedFilePath } from '../file-store/store'
import { storePage } from '../portal/pull'
import { createSetUpCore, failure, ok, TempDirs, type TestCore } from '../testing'
import { PULLED_AT, pulledContribution, receivePulled, TEST_RELAY_URL, type PulledContribution } from '../testing/contributions'

const temp = new TempDirs('cap-commune-citizens-')
const opened: TestCore[] = []
afterEach(() => {
  for (const test of opened.splice(0)) test.core.close()
  temp.cleanup()
})
const RELAY = TEST_RELAY_URL
const AT = PULLED_AT

type Pulled = PulledContribution
const contribution = pulledContribution

async function setUp(items: Pulled[], photos = new Map()): Promise<TestCore> {
  const test = await createSetUpCore(temp.make())
  opened.push(test)
  receivePulled(test.core.database.db, items, { photos })
  return test
}

describe('citizens.list', () => {
  it('filters by kind, topic, status, moderation and date, searches words without accents, and counts per status', async () => {
    const test = await setUp([
      contribution(1, {
        kind: 'proposition',
        topic: 'environnement',
        title: 'Des bancs au lavoir',
        body: 'Près de l’église',
        createdAt: '2026-04-01T08:00:00.000Z',
      }),
      contribution(2, { title: 'Nid-de-poule', address: '12 rue de l’Église', status: 'a_l_etude', createdAt: '2026-04-15T08:00:00.000Z' }),
      contribution(3, {
        kind: 'commentaire',
        title: null,
        body: 'Cœur du village très sale',
        moderation: 'publiee',
        createdAt: '2026-05-01T21:00:00.000Z',
      }),
    ])
    const list = (input: object = {}) => ok(test.core, test.session, 'citizens.list', input)
    const all = await list()
    expect(all.items.map((item) => item.id)).toEqual([3, 2, 1])
    expect(all).toMatchObject({
      total: 3,
      everything: 3,
      statusCounts: { recue: 2, a_l_etude: 1, retenue: 0 },
      moderationCounts: { en_attente: 2, publiee: 1 },
    })
    expect((await list({ kind: 'proposition' })).items.map((item) => item.id)).toEqual([1])
    expect((await list({ topic: 'voirie' })).items.map((item) => item.id)).toEqual([3, 2])
    // A status filter keeps the counts of the other statuses (they are the filter's choices).
    const studied = await list({ status: 'a_l_etude' })
    expect(studied.items.map((item) => item.id)).toEqual([2])
    expect(studied.statusCounts).toMatchObject({ recue: 2, a_l_etude: 1 })
    expect(studied.moderationCounts).toMatchObject({ en_attente: 1, publiee: 0 })
    expect((await list({ moderation: 'publiee' })).items.map((item) => item.id)).toEqual([3])
    expect((await list({ from: '2026-04-15', to: '2026-05-01' })).items.map((item) => item.id)).toEqual([3, 2])
    expect((await list({ to: '2026-04-14' })).items.map((item) => item.id)).toEqual([1])
    // Search: accents, case and ligatures ignored; title, text and address; nothing found is an empty page.
    expect((await list({ search: 'EGLISE' })).items.map((item) => item.id)).toEqual([2, 1])
    expect((await list({ search: 'coeur vill' })).items.map((item) => item.id)).toEqual([3])
    expect((await list({ search: 'piscine' })).items).toEqual([])
    // FTS5 syntax typed by someone is only words: no error, no match.
    expect((await list({ search: '"*) OR NEAR(' })).total).toBe(0)
    expect((await list({ unseenOnly: true })).total).toBe(3)
  })

  it('pages 25 at a time, newest first, and brings a page past the end back to the last one', async () => {
    const items = Array.from({ length: 60 }, (_, index) =>
      contribution(index + 1, { createdAt: new Date(Date.parse(AT) + index * 60_000).toISOString() }),
    )
    const test = await setUp(items)
    const second = await ok(test.core, test.session, 'citizens.list', { page: 2 })
    expect(second.items.map((item) => item.id)).toEqual(Array.from({ length: 25 }, (_, index) => 35 - index))
    const past = await ok(test.core, test.session, 'citizens.list', { page: 9 })
    expect(past.page).toBe(3)
    expect(past.items).toHaveLength(10)
    expect((await failure(test.core, test.session, 'citizens.list', { search: 'x'.repeat(201) })).message).toContain('200 caractères')
    expect((await failure(test.core, test.session, 'citizens.list', { from: '2026-02-30' })).message).toContain("n'existe pas")
  })

  it('counts exactly under every filter, after changes and removals, and pages a search of thousands of matches', async () => {
    const STATUSES = ['recue', 'a_l_etude', 'retenue', 'realisee', 'non_retenue'] as const
    const MODERATIONS = ['en_attente', 'publiee', 'masquee'] as const
    // Enough matches for the page to be found by walking the date index rather than by sorting the matches.
    const items = Array.from({ length: 2_500 }, (_, index) =>
      contribution(index + 1, {
        kind: index % 2 ? 'besoin' : 'proposition',
        title: index % 6 ? `Banc n° ${index + 1}` : `Fontaine n° ${index + 1}`,
        status: STATUSES[index % 5],
        moderation: MODERATIONS[index % 3],
        // Dates not in the ids' order, with ties: the order is the date, then the id.
        createdAt: new Date(Date.parse(AT) + ((index * 7) % 1_000) * 60_000).toISOString(),
      }),
    )
    const test = await setUp(items)
    // A newer version changes a status and a moderation state; a removal takes one out.
    storePage(
      test.core.database.db,
      RELAY,
      [
        { ...items[0]!, seq: 2_501, status: 'realisee', moderation: 'masquee' },
        { type: 'contribution_removed', id: 2, seq: 2_502 },
      ],
      2_502,
      new Map(),
      AT,
    )
    const kept = items.filter((item) => item.id !== 2).map((item) => (item.id === 1 ? { ...item, status: 'realisee', moderation: 'masquee' } : item))
    type Filters = { kind?: string; status?: string; moderation?: string; search?: string }
    // What the counts and pages must be, computed here row by row: the search words are in the titles.
    const expected = (filters: Filters) => {
      const under = (without: 'status' | 'moderation' | null) =>
        kept.filter(
          (item) =>
            (!filters.kind || item.kind === filters.kind) &&
            (!filters.search || item.title!.toLowerCase().startsWith(filters.search)) &&
            (without === 'status' || !filters.status || item.status === filters.status) &&
            (without === 'moderation' || !filters.moderation || item.moderation === filters.moderation),
        )
      const tally = (rows: typeof kept, key: 'status' | 'moderation', keys: readonly string[]) =>
        Object.fromEntries(keys.map((value) => [value, rows.filter((item) => item[key] === value).length]))
      const matching = under(null).sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id)
      return {
        total: matching.length,
        everything: kept.length,
        statusCounts: tally(under('status'), 'status', STATUSES),
        moderationCounts: tally(under('moderation'), 'moderation', MODERATIONS),
        pages: [1, 3].map((page) => matching.slice((page - 1) * 25, page * 25).map((item) => item.id)),
      }
    }
    const filterSets: Filters[] = [
      {},
      { status: 'realisee' },
      { status: 'a_l_etude', moderation: 'publiee' },
      { kind: 'besoin', moderation: 'masquee' },
      { search: 'banc' },
      // Fewer than 2,000 matches: read once, then counted and sorted from their ids.
      { search: 'fontaine' },
      { search: 'fontaine', status: 'recue' },
      { search: 'fontaine', kind: 'besoin', moderation: 'publiee' },
      { search: 'banc', kind: 'proposition', moderation: 'en_attente' },
    ]
    for (const filters of filterSets) {
      const [first, third] = await Promise.all([1, 3].map((page) => ok(test.core, test.session, 'citizens.list', { ...filters, page } as object)))
      expect({
        total: first!.total,
        everything: first!.everything,
        statusCounts: first!.statusCounts,
        moderationCounts: first!.moderationCounts,
        pages: [first!.items.map((item) => item.id), third!.items.map((item) => item.id)],
      }).toEqual(expected(filters))
    }
  })

  it('answers a search of thousands from the search index: kind and topic in it, counts per cell, newest by id only when that is newest by date', async () => {
    const STATUSES = ['recue', 'a_l_etude', 'retenue', 'realisee', 'non_retenue'] as const
    const MODERATIONS = ['en_attente', 'publiee', 'masquee'] as const
    const TOPICS = ['voirie', 'cadre_de_vie', 'ecole'] as const
    // Dates in the ids' order (as a pull in the relay's order brings them), so the page can be read newest by id.
    // Most of them proposals on the « cadre de vie », published, in the « rue des Écoles »: a search with these filters
    // still has more than 2,000 matches, so it is answered by the index, not by sorting its matches.
    let items = Array.from({ length: 2_600 }, (_, index) =>
      contribution(index + 1, {
        kind: index % 10 === 3 ? 'besoin' : 'proposition',
        topic: TOPICS[index % 10 === 5 ? 0 : index % 10 === 7 ? 2 : 1],
        title: `Idée n° ${index + 1}`,
        address: index % 20 ? `${index + 1} rue des Écoles` : null,
        status: STATUSES[index % 5],
        moderation: MODERATIONS[index % 9 === 0 ? 2 : index % 9 === 1 ? 0 : 1],
        createdAt: new Date(Date.parse(AT) + index * 60_000).toISOString(),
      }),
    )
    const test = await setUp(items)
    type Filters = { kind?: string; topic?: string; status?: string; moderation?: string; search: string; page?: number }
    const expected = (filters: Filters) => {
      const under = (without: 'status' | 'moderation' | null) =>
        items.filter(
          (item) =>
            item.address !== null &&
            (!filters.kind || item.kind === filters.kind) &&
            (!filters.topic || item.topic === filters.topic) &&
            (without === 'status' || !filters.status || item.status === filters.status) &&
            (without === 'moderation' || !filters.moderation || item.moderation === filters.moderation),
        )
      const tally = (rows: typeof items, key: 'status' | 'moderation', keys: readonly string[]) =>
        Object.fromEntries(keys.map((value) => [value, rows.filter((item) => item[key] === value).length]))
      const matching = under(null).sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id)
      const page = filters.page ?? 1
      return {
        total: matching.length,
        statusCounts: tally(under('status'), 'status', STATUSES),
        moderationCounts: tally(under('moderation'), 'moderation', MODERATIONS),
        ids: matching.slice((page - 1) * 25, page * 25).map((item) => item.id),
      }
    }
    const check = async (filters: Filters) => {
      const list = await ok(test.core, test.session, 'citizens.list', filters as object)
      expect({
        total: list.total,
        statusCounts: list.statusCounts,
        moderationCounts: list.moderationCounts,
        ids: list.items.map((item) => item.id),
      }).toEqual(expected(filters))
    }
    const filterSets: Filters[] = [
      { search: 'écoles' },
      { search: 'rue ecole', page: 3 },
      { search: 'école', kind: 'proposition' },
      { search: 'école', topic: 'cadre_de_vie', page: 2 },
      { search: 'école', moderation: 'publiee' },
      // Fewer under the filters: counted from the index, the page from the matches.
      { search: 'école', moderation: 'masquee', page: 2 },
      { search: 'école', kind: 'besoin', topic: 'voirie', status: 'retenue' },
    ]
    for (const filters of filterSets) await check(filters)
    // What the citizen typed never matches a facet token, even one that looks like it.
    expect((await ok(test.core, test.session, 'citizens.list', { search: 'kproposition' })).total).toBe(0)
    expect((await ok(test.core, test.session, 'citizens.list', { search: 'tvoirie' })).total).toBe(0)

    // A newer version gives an old contribution the newest date and another status: the index's order by id is then
    // not the order by date (it must not be taken for it), and the row moves to its new cell.
    const moved = { ...items[9]!, seq: 2_401, createdAt: new Date(Date.parse(AT) + 10_000 * 60_000).toISOString(), status: 'realisee' as const }
    const changed = { ...items[20]!, seq: 2_402, moderation: 'masquee' as const, topic: 'voirie' as const }
    storePage(test.core.database.db, RELAY, [moved, changed, { type: 'contribution_removed', id: 30, seq: 2_403 }], 2_403, new Map(), AT)
    items = items.filter((item) => item.id !== 30).map((item) => (item.id === moved.id ? moved : item.id === changed.id ? changed : item))
    expect((await ok(test.core, test.session, 'citizens.list', { search: 'école' })).items[0]!.id).toBe(moved.id)
    for (const filters of filterSets) await check(filters)
    test.core.database.sqlite.prepare("INSERT INTO contributions_fts (contributions_fts) VALUES ('integrity-check')").run()
  })

  it('gives the author’s display name and pseudonymous id, never more, and the text as it was written', async () => {
    const hostile = '<img src=x onerror=alert(1)> https://pirate.example'
    const test = await setUp([contribution(1, { title: hostile, body: `${hostile}\n${'a'.repeat(400)}` })])
    const [item] = (await ok(test.core, test.session, 'citizens.list', {})).items
    expect(item).toMatchObject({ title: hostile, authorDisplayName: 'Jeanne B.', authorPseudonymousId: 'c-1', seen: false, sync: null })
    expect(item!.excerpt.length).toBeLessThanOrEqual(281)
    expect(JSON.stringify(item)).not.toContain('@')
  })
})

describe('one contribution', () => {
  it('is marked as seen once opened (the home count goes down), and says when it is gone', async () => {
    const test = await setUp([contribution(1, { reports: { spam: 2, offensant: 1, hors_sujet: 0 } }), contribution(2)])
    expect((await ok(test.core, test.session, 'citizens.syncStatus')).unseen).toBe(2)
    const detail = await ok(test.core, test.session, 'citizens.get', { id: 1 })
    expect(detail).toMatchObject({ reports: 3, reportsBy: { spam: 2, offensant: 1 }, seen: false, project: null, duplicateOf: null })
    await ok(test.core, test.session, 'citizens.markSeen', { id: 1 })
    await ok(test.core, test.session, 'citizens.markSeen', { id: 1 })
    expect((await ok(test.core, test.session, 'citizens.syncStatus')).unseen).toBe(1)
    expect((await ok(test.core, test.session, 'citizens.list', { unseenOnly: true })).items.map((item) => item.id)).toEqual([2])
    expect((await failure(test.core, test.session, 'citizens.get', { id: 99 })).message).toContain('n’existe plus')
  })

  it('shows a photo only when its bytes are still the image that was checked', async () => {
    const jpeg = Buffer.from(await createCanvas(40, 30).encode('jpeg'))
    const hash = sha256(jpeg)
    const test = await createSetUpCore(temp.make())
    opened.push(test)
    storeFile(test.dataDir, hash, jpeg)
    storePage(
      test.core.database.db,
      RELAY,
      [
        contribution(1, {
          photos: [
            { id: 5, width: 40, height: 30, bytes: jpeg.length },
            { id: 6, width: 40, height: 30, bytes: 10 },
          ],
        }),
      ],
      1,
      new Map([
        [5, { bytes: jpeg.length, sha256: hash, mimeType: 'image/jpeg', problem: null }],
        [6, { bytes: 0, sha256: null, mimeType: null, problem: 'Ce fichier n’est pas une image lisible : il n’est pas affiché.' }],
      ]),
      AT,
    )
    const detail = await ok(test.core, test.session, 'citizens.get', { id: 1 })
    expect(detail.photoList.map((photo) => photo.problem)).toEqual([null, 'Ce fichier n’est pas une image lisible : il n’est pas affiché.'])
    expect((await ok(test.core, test.session, 'citizens.list', {})).items[0]).toMatchObject({ photos: 2, firstPhotoId: detail.photoList[0]!.id })
    const shown = await ok(test.core, test.session, 'citizens.photo', { id: detail.photoList[0]!.id })
    expect(shown).toEqual({ mimeType: 'image/jpeg', contentBase64: jpeg.toString('base64') })
    expect((await failure(test.core, test.session, 'citizens.photo', { id: detail.photoList[1]!.id })).message).toContain('pas une image')
    // Someone replaced the file on disk with a page: it is not shown.
    writeFileSync(storedFilePath(test.dataDir, hash), '<html><script>alert(1)</script></html>')
    expect((await failure(test.core, test.session, 'citizens.photo', { id: detail.photoList[0]!.id })).message).toContain('modifié sur le disque')
  })
})

describe('the mairie’s decisions', () => {
  it('saves status, answer and moderation at once, waiting for the relay, and writes them in the journal in French', async () => {
    const test = await setUp([contribution(1, { reports: { spam: 2, offensant: 1, hors_sujet: 0 } })])
    const updated = await ok(test.core, test.session, 'citizens.update', {
      id: 1,
      status: 'a_l_etude',
      publicAnswer: '  Merci, nous étudions votre demande.  ',
      moderation: 'publiee',
    })
    expect(updated).toMatchObject({
      status: 'a_l_etude',
      moderation: 'publiee',
      publicAnswer: 'Merci, nous étudions votre demande.',
      answered: true,
      reportsBy: { spam: 2, offensant: 1, hors_sujet: 0 },
      sync: { state: 'en_attente', error: null, attempts: 0 },
    })
    // Not connected: nothing can be sent, the change stays waiting.
    expect(await ok(test.core, test.session, 'citizens.sendNow', {})).toMatchObject({ sent: 0, problem: expect.stringContaining('connectée') })
    expect((await ok(test.core, test.session, 'citizens.get', { id: 1 })).sync?.state).toBe('en_attente')

    const journal = await ok(test.core, test.session, 'audit.list', { entity: 'contribution' })
    const lines = journal.items.map((entry) => [entry.display.entity, entry.display.field, entry.display.before, entry.display.after, entry.label])
    expect(lines).toEqual(
      expect.arrayContaining([
        ['Contribution citoyenne', 'Statut', 'Reçue', 'À l’étude', 'Contribution 1'],
        ['Contribution citoyenne', 'Réponse publique', '—', 'Merci, nous étudions votre demande.', 'Contribution 1'],
        ['Contribution citoyenne', 'Publication sur le portail', 'En attente de publication', 'Publiée', 'Contribution 1'],
      ]),
    )
    expect(lines).toHaveLength(3)
    // The same choice again changes nothing and writes nothing.
    await ok(test.core, test.session, 'citizens.update', { id: 1, status: 'a_l_etude' })
    expect((await ok(test.core, test.session, 'audit.list', { entity: 'contribution' })).items).toHaveLength(3)
  })

  it('keeps a change waiting for the relay when a pull brings an older version of the contribution', async () => {
    const test = await setUp([contribution(1)])
    await ok(test.core, test.session, 'citizens.update', { id: 1, publicAnswer: 'Réparé la semaine prochaine.', moderation: 'masquee' })
    // The citizen edited the text on the portal meanwhile: the text arrives, the mairie's fields stay as set here.
    storePage(
      test.core.database.db,
      RELAY,
      [contribution(1, { seq: 5, body: 'Rue des Prés, côté église.', moderation: 'publiee' })],
      5,
      new Map(),
      AT,
    )
    const detail = await ok(test.core, test.session, 'citizens.get', { id: 1 })
    expect(detail).toMatchObject({
      body: 'Rue des Prés, côté église.',
      publicAnswer: 'Réparé la semaine prochaine.',
      moderation: 'masquee',
      status: 'recue',
      sync: { state: 'en_attente' },
    })
    // A status the relay changed is not one the mairie has waiting: it arrives.
    storePage(test.core.database.db, RELAY, [contribution(1, { seq: 6, status: 'retenue', moderation: 'publiee' })], 6, new Map(), AT)
    expect(await ok(test.core, test.session, 'citizens.get', { id: 1 })).toMatchObject({ status: 'retenue', moderation: 'masquee' })
  })

  it('refuses in French an answer over 4 000 characters and unknown values, strips hidden characters,, and changes nothing', async () => {
    const test = await setUp([contribution(1)])
    const tooLong = await failure(test.core, test.session, 'citizens.update', { id: 1, publicAnswer: 'a'.repeat(4001) })
    expect(tooLong.message).toMatch(/La réponse publique ne doit pas dépasser 4\s000 caractères/u)
    await ok(test.core, test.session, 'citizens.update', { id: 1, publicAnswer: 'a'.repeat(4000) })
    // Invisible direction marks are taken off by the dispatcher before the answer is saved.
    expect((await ok(test.core, test.session, 'citizens.update', { id: 1, publicAnswer: 'Oui\u202e non' })).publicAnswer).toBe('Oui non')
    expect((await failure(test.core, test.session, 'citizens.update', { id: 1, status: 'supprimee' })).code).toBe('INVALID_INPUT')
    expect((await failure(test.core, test.session, 'citizens.update', { id: 1, moderation: 'en_attente' })).code).toBe('INVALID_INPUT')
    expect((await failure(test.core, test.session, 'citizens.update', { id: 1 })).message).toContain('Rien à modifier')
    expect((await failure(test.core, test.session, 'citizens.update', { id: 42, status: 'retenue' })).message).toContain('n’existe plus')
    // Markup is kept as the text it is (the screens never render it).
    const hostile = '<img src=x onerror="alert(1)"> merci'
    expect((await ok(test.core, test.session, 'citizens.update', { id: 1, publicAnswer: hostile })).publicAnswer).toBe(hostile)
    // An empty answer removes it.
    expect((await ok(test.core, test.session, 'citizens.update', { id: 1, publicAnswer: '   ' })).publicAnswer).toBeNull()
  })
})
