/** Storing pulled pages (no relay here: pull.relay.test.ts pulls from a real one) and checking photos by their bytes. */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { createCanvas } from '@napi-rs/canvas'
import { afterEach, describe, expect, it } from 'vitest'
import type { PulledItem } from '../../../shared/relay/api'
import { FILE_STORE_FOLDER, sha256, storeFile } from '../file-store/store'
import { deleteUnusedFiles } from '../file-store/usage'
import { createSetUpCore, TempDirs, type TestCore } from '../testing'
import { checkPhotoBytes, storePage } from './pull'

const temp = new TempDirs('cap-commune-pull-store-')
const opened: TestCore[] = []
afterEach(() => {
  for (const test of opened.splice(0)) test.core.close()
  temp.cleanup()
})
const RELAY = 'https://relais.example.fr'
const AT = '2026-05-04T10:00:00.000Z'

function contribution(seq: number, overrides: Partial<Extract<PulledItem, { type: 'contribution' }>> = {}): PulledItem {
  return {
    type: 'contribution',
    seq,
    id: 41,
    kind: 'besoin',
    author: { pseudonymousId: 'c-7f3a', displayName: 'Jeanne B.' },
    title: 'Lampadaire éteint',
    body: 'Rue des Prés.',
    topic: 'voirie',
    projectExternalId: null,
    address: 'Rue des Prés',
    latitude: null,
    longitude: null,
    photos: [{ id: 5, width: 10, height: 10, bytes: 300 }],
    status: 'recue',
    publicAnswer: null,
    moderation: 'en_attente',
    reports: { spam: 0, offensant: 0, hors_sujet: 0 },
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  }
}

async function setUp(): Promise<TestCore> {
  const test = await createSetUpCore(temp.make())
  opened.push(test)
  return test
}

const row = (test: TestCore) =>
  test.core.database.sqlite.prepare('SELECT relay_seq, title, status, public_answer FROM contributions WHERE relay_id = 41').get()

describe('storing a pulled page', () => {
  it('never lets an older version overwrite a newer one, and keeps the mairie’s pending changes', async () => {
    const test = await setUp()
    const db = test.core.database.db
    const photo = { bytes: 3, sha256: 'a'.repeat(64), mimeType: 'image/jpeg', problem: null }
    expect(storePage(db, RELAY, [contribution(3)], 3, new Map([[5, photo]]), AT).newContributions).toBe(1)
    expect(storePage(db, RELAY, [contribution(9, { title: 'Lampadaire réparé ?' })], 9, new Map(), AT).newContributions).toBe(0)
    storePage(db, RELAY, [contribution(3)], 9, new Map(), AT)
    expect(row(test)).toEqual({ relay_seq: 9, title: 'Lampadaire réparé ?', status: 'recue', public_answer: null })
    // The photo already stored stays stored when a page does not fetch it again.
    expect(test.core.database.sqlite.prepare('SELECT sha256, bytes FROM contribution_photos').all()).toEqual([{ sha256: 'a'.repeat(64), bytes: 3 }])

    test.core.database.sqlite
      .prepare('UPDATE contributions SET status = ?, public_answer = ?, pending_update = ? WHERE relay_id = 41')
      .run('retenue', 'Merci, c’est prévu.', JSON.stringify({ status: 'retenue', publicAnswer: 'Merci, c’est prévu.' }))
    storePage(db, RELAY, [contribution(12, { body: 'Toujours éteint.' })], 12, new Map(), AT)
    expect(row(test)).toEqual({ relay_seq: 12, title: 'Lampadaire éteint', status: 'retenue', public_answer: 'Merci, c’est prévu.' })
  })

  it('removes a contribution the citizen deleted, with its photos, and nothing else', async () => {
    const test = await setUp()
    const db = test.core.database.db
    const bytes = Buffer.from('photo de test')
    const hash = sha256(bytes)
    storeFile(test.dataDir, hash, bytes)
    storePage(
      db,
      RELAY,
      [contribution(1), contribution(2, { id: 42, photos: [] })],
      2,
      new Map([[5, { bytes: bytes.length, sha256: hash, mimeType: 'image/jpeg', problem: null }]]),
      AT,
    )
    const { freedHashes } = storePage(db, RELAY, [{ type: 'contribution_removed', seq: 3, id: 41 }], 3, new Map(), AT)
    expect(freedHashes).toEqual([hash])
    expect(test.core.database.sqlite.prepare('SELECT relay_id FROM contributions').all()).toEqual([{ relay_id: 42 }])
    expect(test.core.database.sqlite.prepare('SELECT cursor FROM portal_pull').get()).toEqual({ cursor: 3 })
    // Once the transaction is over, bytes nothing points to any more go from the file store.
    expect(existsSync(join(test.dataDir, FILE_STORE_FOLDER, hash))).toBe(true)
    deleteUnusedFiles(db, test.dataDir, freedHashes)
    expect(existsSync(join(test.dataDir, FILE_STORE_FOLDER, hash))).toBe(false)
  })
})

describe('the search index and the counts of pulled pages', () => {
  const found = (test: TestCore, words: string) =>
    (
      test.core.database.sqlite
        .prepare(
          'SELECT c.relay_id FROM contributions_fts JOIN contributions c ON c.id = contributions_fts.rowid >> 4 WHERE contributions_fts MATCH ? ORDER BY 1',
        )
        .all(words) as { relay_id: number }[]
    ).map((row) => row.relay_id)
  const exactCounts = (test: TestCore) => {
    const sqlite = test.core.database.sqlite
    const kept = sqlite.prepare('SELECT status, moderation, n FROM contribution_counts WHERE n <> 0 ORDER BY 1, 2').all()
    expect(kept).toEqual(sqlite.prepare('SELECT status, moderation, count(*) AS n FROM contributions GROUP BY 1, 2 ORDER BY 1, 2').all())
    // Throws when the index is corrupt (an entry removed that was never indexed, say).
    sqlite.prepare("INSERT INTO contributions_fts (contributions_fts) VALUES ('integrity-check')").run()
  }

  it('follows contributions inserted, changed and removed in one page, then changed and removed by a second pull', async () => {
    const test = await setUp()
    const db = test.core.database.db
    const firstPage: PulledItem[] = [
      contribution(1, { photos: [], body: 'Place du cœur.' }),
      contribution(2, { id: 42, photos: [], title: 'Banc cassé' }),
      contribution(3, { id: 43, photos: [], title: 'Fontaine sèche', address: null }),
      contribution(4, { id: 43, photos: [], title: 'Fontaine réparée', address: null, status: 'retenue', moderation: 'publiee' }),
      { type: 'contribution_removed', seq: 5, id: 42 },
    ]
    expect(storePage(db, RELAY, firstPage, 5, new Map(), AT).newContributions).toBe(3)
    expect(found(test, 'lampadaire')).toEqual([41])
    expect(found(test, 'coeur')).toEqual([41])
    expect(found(test, 'fontaine')).toEqual([43])
    expect(found(test, 'reparee')).toEqual([43])
    expect(found(test, 'seche')).toEqual([])
    expect(found(test, 'banc')).toEqual([])
    exactCounts(test)

    // The second pull changes the first one's words and removes the other; receiving it twice changes nothing more.
    const secondPage: PulledItem[] = [
      contribution(6, { photos: [], title: 'Trottoir abîmé', body: 'Rue des Prés.', status: 'a_l_etude' }),
      { type: 'contribution_removed', seq: 7, id: 43 },
    ]
    for (let i = 0; i < 2; i++) {
      storePage(db, RELAY, secondPage, 7, new Map(), AT)
      expect(found(test, 'lampadaire')).toEqual([])
      expect(found(test, 'coeur')).toEqual([])
      expect(found(test, 'trottoir')).toEqual([41])
      expect(found(test, 'fontaine')).toEqual([])
      exactCounts(test)
    }
    expect(test.core.database.sqlite.prepare('SELECT count(*) AS n FROM contributions_bulk_insert').get()).toEqual({ n: 0 })

    // Outside a pulled page, an insert is indexed and counted by the triggers as before.
    test.core.database.sqlite
      .prepare(
        "INSERT INTO contributions (relay_url, relay_id, relay_seq, kind, title, body, status, moderation, created_at, updated_at, received_at) VALUES (?, 50, 8, 'besoin', 'Parking plein', 'Le samedi.', 'recue', 'en_attente', ?, ?, ?)",
      )
      .run(RELAY, AT, AT, AT)
    expect(found(test, 'parking')).toEqual([50])
    exactCounts(test)
  })

  it('stores nothing of a page that fails, neither its rows nor their index and counts', async () => {
    const test = await setUp()
    const db = test.core.database.db
    storePage(db, RELAY, [contribution(1, { photos: [] })], 1, new Map(), AT)
    // A photo row pointing nowhere breaks the page's transaction after its contribution was inserted.
    const broken = contribution(2, { id: 44, photos: [{ id: 9, width: 10, height: 10, bytes: 3 }], title: 'Jardin' })
    const badPhoto = new Map([[9, { bytes: 3, sha256: null, mimeType: null, problem: null }]])
    test.core.database.sqlite.exec("CREATE TRIGGER refuse_photo BEFORE INSERT ON contribution_photos BEGIN SELECT RAISE(ABORT, 'refusée'); END")
    expect(() => storePage(db, RELAY, [broken], 2, badPhoto, AT)).toThrow('refusée')
    expect(found(test, 'jardin')).toEqual([])
    expect(test.core.database.sqlite.prepare('SELECT cursor FROM portal_pull').get()).toEqual({ cursor: 1 })
    expect(test.core.database.sqlite.prepare('SELECT count(*) AS n FROM contributions_bulk_insert').get()).toEqual({ n: 0 })
    exactCounts(test)
  })
})

describe('a photo from the relay, checked by its bytes', () => {
  it('accepts a real JPEG or PNG and refuses text, HTML behind a JPEG name and a pixel bomb', async () => {
    const canvas = createCanvas(30, 20)
    expect(await checkPhotoBytes(await canvas.encode('jpeg'))).toEqual({ mimeType: 'image/jpeg' })
    expect(await checkPhotoBytes(await canvas.encode('png'))).toEqual({ mimeType: 'image/png' })
    expect(await checkPhotoBytes(Buffer.from('<html><script>alert(1)</script></html>'))).toMatchObject({
      problem: expect.stringContaining('pas une image'),
    })
    const bomb = Buffer.from(await canvas.encode('png'))
    bomb.writeUInt32BE(30_000, 16)
    bomb.writeUInt32BE(30_000, 20)
    expect(await checkPhotoBytes(bomb)).toMatchObject({ problem: expect.stringContaining('dimensions anormales') })
  })
})
