/**
 * The desktop's feed page against an oracle: every row of a varied commune read plainly and mapped in JavaScript to
 * the contract, then cut at each cursor and page size. The page must be exactly the oracle's slice — same items, same
 * order, same fields — for every cursor from before the first position to past the last, on both drivers.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { pullOutput, type PulledItem } from '../../shared/relay/api'
import { addCommune } from '../communes/queries'
import { queryRows, type RelayDb } from '../db/open'
import { openTestDatabase } from '../testing/database'
import { DRIVERS } from '../testing/relay-process'
import { pullPage } from './queries'

const HOSTILE = [
  '</script><script>alert(1)</script>',
  'guillemets " et \\ barre',
  'ligne\nretour\r\ttab',
  'émoji 🌳 et \u2028 séparateur',
  '\u0001 contrôle',
]

/** Citizens, contributions (photos, reports, removals, missing authors), votes; some numbered, some pending. */
async function seedVariedCommune(db: RelayDb): Promise<void> {
  await addCommune(db, '10145')
  await addCommune(db, '10290')
  await db.execute(sql`
    INSERT INTO citizens (commune_code, email, pseudonymous_id, display_name, deleted_at) VALUES
      ('10145', 'lea@example.fr', 'hab-lea', 'Léa « la voisine »', NULL),
      ('10145', 'paul@example.fr', 'hab-paul', ${HOSTILE[1]!}, NULL),
      ('10145', NULL, 'hab-parti', 'Parti', now()),
      ('10290', 'autre@example.fr', 'hab-autre', 'Autre', NULL)`)
  const citizen = async (pseudonym: string) =>
    (await queryRows<{ id: number }>(db, sql`SELECT id FROM citizens WHERE pseudonymous_id = ${pseudonym}`))[0]!.id
  const [lea, paul, gone, elsewhere] = [await citizen('hab-lea'), await citizen('hab-paul'), await citizen('hab-parti'), await citizen('hab-autre')]
  for (let n = 1; n <= 40; n++) {
    const text = HOSTILE[n % HOSTILE.length]!
    await db.execute(sql`
      INSERT INTO inputs (commune_code, kind, citizen_id, title, body, topic, project_external_id, address, latitude, longitude,
        status, public_answer, moderation, seq, created_at, updated_at, removed_at)
      VALUES ('10145', ${['proposition', 'besoin', 'commentaire'][n % 3]!}, ${[lea, paul, gone, null][n % 4] ?? null},
        ${n % 5 === 0 ? null : `Idée ${n} ${text}`}, ${`Corps ${n} : ${text}`}, ${n % 4 === 0 ? null : 'voirie'},
        ${n % 6 === 0 ? 'p-1' : null}, ${n % 2 ? `${n} rue des Écoles` : null}, ${n % 3 ? 48.2973 + n / 1e4 : null},
        ${n % 3 ? 4.0744 - n / 3e4 : null}, ${['recue', 'a_l_etude', 'retenue', 'realisee', 'non_retenue'][n % 5]!},
        ${n % 7 === 0 ? `Réponse ${text}` : null}, ${['en_attente', 'publiee', 'masquee'][n % 3]!},
        ${n % 9 === 0 ? null : 2 * n}, timestamptz '2026-04-01 08:00:00.123456+02' + make_interval(secs => ${n * 3600.5}),
        timestamptz '2026-04-02 09:30:00.999999+00' + make_interval(secs => ${n * 61.25}), ${n % 11 === 0 ? sql`now()` : null})`)
  }
  await db.execute(sql`UPDATE communes SET last_seq = 80 WHERE code = '10145'`)
  await db.execute(sql`
    INSERT INTO inputs (commune_code, kind, citizen_id, body, seq) VALUES ('10290', 'proposition', ${elsewhere}, 'Ailleurs', 1)`)
  const ids = await queryRows<{ id: number }>(db, sql`SELECT id FROM inputs WHERE commune_code = '10145' ORDER BY id`)
  for (const [k, { id }] of ids.entries()) {
    for (let position = 1; position <= k % 3; position++)
      await db.execute(sql`
        INSERT INTO photos (commune_code, input_id, position, width, height, image, thumbnail)
        VALUES ('10145', ${id}, ${4 - position}, ${800 + k}, ${600 + position}, ${Buffer.alloc(100 * k + position)}, ${Buffer.alloc(10)})`)
    const reasons = ['spam', 'offensant', 'hors_sujet']
    for (const [r, reporter] of [lea, paul, gone].entries())
      if ((k + r) % 4 === 0)
        await db.execute(
          sql`INSERT INTO reports (input_id, citizen_id, commune_code, reason) VALUES (${id}, ${reporter}, '10145', ${reasons[(k + r) % 3]!})`,
        )
  }
  await db.execute(sql`
    INSERT INTO polls (commune_code, external_id, kind, title, opens_at, closes_at, verification, results, questions)
    VALUES ('10145', 'banc', 'sondage', 'Banc', now(), now() + interval '1 day', 'aucune', 'toujours', '[]'),
           ('10145', 'place', 'vote', 'Place', now(), now() + interval '1 day', 'aucune', 'toujours', '[]')`)
  const polls = await queryRows<{ id: number }>(db, sql`SELECT id FROM polls ORDER BY external_id`)
  for (const [k, voter] of [lea, paul, gone].entries())
    for (const [p, poll] of polls.entries())
      await db.execute(sql`
        INSERT INTO poll_answers (commune_code, poll_id, citizen_id, answers, receipt_hash, seq, updated_at)
        VALUES ('10145', ${poll.id}, ${voter}, ${JSON.stringify([{ questionId: 'q', optionIds: [`o${k}`], text: k === 1 ? HOSTILE[0]! : null }])}::jsonb,
          ${`r${k}-${p}`}, ${k === 2 && p === 1 ? null : 2 * (k * 2 + p) + 61}, timestamptz '2026-05-01 10:00:00.5+00' + make_interval(secs => ${k * 7}))`)
}

/** Timestamps as the API gives them; everything else read as stored. */
const ISO = (column: string) => sql.raw(`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`)

/** The whole feed of a commune, mapped in JavaScript from plain rows (after the feed numbered what was pending). */
async function oracleFeed(db: RelayDb, communeCode: string): Promise<PulledItem[]> {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`SELECT i.*, ${ISO('i.created_at')} AS created_iso, ${ISO('i.updated_at')} AS updated_iso,
          c.id AS author_id, c.deleted_at AS author_deleted, c.pseudonymous_id, c.display_name
        FROM inputs i LEFT JOIN citizens c ON c.id = i.citizen_id
        WHERE i.commune_code = ${communeCode} AND i.seq IS NOT NULL`,
  )
  const photos = await queryRows<{ id: number; input_id: number; width: number; height: number; bytes: number }>(
    db,
    sql`SELECT id, input_id, width, height, octet_length(image) AS bytes FROM photos ORDER BY position`,
  )
  const reports = await queryRows<{ input_id: number; reason: 'spam' | 'offensant' | 'hors_sujet' }>(db, sql`SELECT input_id, reason FROM reports`)
  const answers = await queryRows<Record<string, unknown>>(
    db,
    sql`SELECT a.*, ${ISO('a.updated_at')} AS updated_iso, p.external_id, c.deleted_at AS author_deleted, c.pseudonymous_id, c.display_name
        FROM poll_answers a JOIN polls p ON p.id = a.poll_id JOIN citizens c ON c.id = a.citizen_id
        WHERE a.commune_code = ${communeCode} AND a.seq IS NOT NULL`,
  )
  const author = (row: Record<string, unknown>) =>
    row.pseudonymous_id == null || row.author_deleted != null
      ? null
      : { pseudonymousId: String(row.pseudonymous_id), displayName: String(row.display_name) }
  const items: PulledItem[] = rows.map((row) => {
    const id = Number(row.id)
    if (row.removed_at != null) return { type: 'contribution_removed', seq: Number(row.seq), id }
    const counts = { spam: 0, offensant: 0, hors_sujet: 0 }
    for (const report of reports) if (Number(report.input_id) === id) counts[report.reason]++
    return {
      type: 'contribution',
      seq: Number(row.seq),
      id,
      kind: row.kind,
      author: author(row),
      title: row.title,
      body: row.body,
      topic: row.topic,
      projectExternalId: row.project_external_id,
      address: row.address,
      latitude: row.latitude == null ? null : Number(row.latitude),
      longitude: row.longitude == null ? null : Number(row.longitude),
      photos: photos
        .filter((p) => Number(p.input_id) === id)
        .map((p) => ({ id: Number(p.id), width: Number(p.width), height: Number(p.height), bytes: Number(p.bytes) })),
      status: row.status,
      publicAnswer: row.public_answer,
      moderation: row.moderation,
      reports: counts,
      createdAt: row.created_iso,
      updatedAt: row.updated_iso,
    } as PulledItem
  })
  for (const row of answers)
    items.push({
      type: 'poll_answer',
      seq: Number(row.seq),
      id: Number(row.id),
      pollExternalId: String(row.external_id),
      author: author(row),
      answers: (typeof row.answers === 'string' ? JSON.parse(row.answers) : row.answers) as never,
      answeredAt: String(row.updated_iso),
    })
  return items.sort((a, b) => a.seq - b.seq)
}

describe.each(DRIVERS)('the feed page on %s', (driver) => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>
  beforeAll(async () => {
    database = await openTestDatabase(driver, inject('relayDatabases'))
    await seedVariedCommune(database.db)
  })
  afterAll(async () => {
    await database?.dispose()
  })

  it('is the oracle’s slice at every cursor and page size, and numbers what was pending first', async () => {
    const db = database.db
    const first = await pullPage(db, '10145', 0, 1000)
    const feed = await oracleFeed(db, '10145')
    // Pending rows (a contribution every 9th, one vote) got positions after the numbered ones.
    expect(feed).toHaveLength(40 + 6)
    expect(feed.filter((item) => item.seq > 80)).toHaveLength(5)
    expect(JSON.stringify(feed)).not.toContain('example.fr')
    const last = feed.at(-1)!.seq
    let pages = 0
    for (const limit of [1, 2, 3, 7, 45, 46, 500])
      for (let after = 0; after <= last + 1; after++) {
        const expected = feed.filter((item) => item.seq > after)
        const page = await pullPage(db, '10145', after, limit)
        const envelope = pullOutput.parse(JSON.parse(page))
        expect({ after, limit, envelope }).toEqual({
          after,
          limit,
          envelope: {
            commune: '10145',
            items: expected.slice(0, limit),
            hasMore: expected.length > limit,
            nextCursor: expected.slice(0, limit).at(-1)?.seq ?? after,
          },
        })
        pages++
      }
    expect(pages).toBeGreaterThan(500)
    expect(JSON.parse(first).items).toEqual(feed)
    // The other commune's feed is its own.
    expect(JSON.parse(await pullPage(db, '10290', 0, 10)).items).toEqual(await oracleFeed(db, '10290'))
  })
})
