/**
 * Citizens' contributions (proposals, needs/signalements, comments): creation with photos, the desktop's pull feed,
 * the mairie's status/answer/moderation, and reports. Every write that the desktop must learn of sets `seq` to null, to
 * be numbered by the feed (db/seq.ts).
 */
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm'
import type { z } from 'zod'
import type { inputUpdateInput, PulledItem } from '../../shared/relay/api'
import { REPORTS_BEFORE_HIDING, type InputKind, type ReportReason, type Topic } from '../../shared/relay/vocabulary'
import { type RelayDb, queryRows } from '../db/open'
import { citizens, inputs, photos, reports } from '../db/schema'
import { numberPendingWrites } from '../db/seq'
import { notFound, RelayHttpError } from '../http/errors'
import type { ProcessedPhoto } from '../photos/process'
import type { PhotoStore } from '../photos/store'

export interface NewInput {
  kind: InputKind
  title: string | null
  body: string
  topic: Topic | null
  projectExternalId: string | null
  address: string | null
  latitude: number | null
  longitude: number | null
}

/** Stores a contribution and its (already re-encoded) photos in one transaction: all or nothing. */
export async function createInput(
  db: RelayDb,
  store: PhotoStore,
  communeCode: string,
  citizenId: number,
  input: NewInput,
  processed: ProcessedPhoto[],
) {
  if (processed.length === 0) {
    // One statement commits on its own: no BEGIN/COMMIT round trips for a text-only contribution.
    const [row] = await db
      .insert(inputs)
      .values({ communeCode, citizenId, seq: null, ...input })
      .returning({ id: inputs.id })
    return row!.id
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(inputs)
      .values({ communeCode, citizenId, seq: null, ...input })
      .returning({ id: inputs.id })
    for (const [index, photo] of processed.entries()) await store.save(tx, communeCode, row!.id, index + 1, photo)
    return row!.id
  })
}

/** Timestamps as the API gives them — ISO 8601 in UTC with milliseconds, like `Date.prototype.toISOString`. */
const ISO_UTC = sql.raw(`'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`)
const isoUtc = (column: string) => sql`to_char(${sql.raw(column)} AT TIME ZONE 'UTC', ${ISO_UTC})`
/** A value as JSON text (a string escaped as JSON, a number as JSON writes it), or `null`. */
const orNull = (column: string) => sql`coalesce(to_json(${sql.raw(column)})::text, 'null')`

/**
 * One page of the desktop's feed as the API's JSON text (`{commune, items, hasMore, nextCursor}`): contributions,
 * removals and poll answers after `after`, in `seq` order, in one snapshot (one statement). Each branch walks its
 * (commune_code, seq) index and stops at the page size, so a page costs the same at the start and at the end of
 * 100,000 rows. The page's photos and reports are read once for all its contributions (not one subquery per row), and
 * the database writes the whole answer: the relay sends that text as it is, without parsing or writing it again. Its
 * shape is the contract's, field by field (feed.test.ts compares every cursor and page size with an oracle).
 *
 * The same statement says whether writes are waiting for their positions (db/seq.ts). Most pulls find none, and the
 * page is already read, in the snapshot that found none: one round trip, no write. Otherwise the pending writes are
 * numbered and the page is read again, after the numbering — exactly as if the pull had numbered first.
 */
export async function pullPage(db: RelayDb, communeCode: string, after: number, limit: number): Promise<string> {
  const read = async () => {
    const [row] = await queryRows<{ page: string; pending: boolean }>(db, pageQuery(communeCode, after, limit))
    return row!
  }
  const page = await read()
  if (!page.pending) return page.page
  await numberPendingWrites(db, communeCode)
  return (await read()).page
}

function pageQuery(communeCode: string, after: number, limit: number) {
  return sql`
    WITH input_page AS MATERIALIZED (
      SELECT id, seq, kind, citizen_id, title, body, topic, project_external_id, address, latitude, longitude,
        status, public_answer, moderation, removed_at, created_at, updated_at
      FROM inputs WHERE commune_code = ${communeCode} AND seq > ${after} ORDER BY seq LIMIT ${limit + 1}
    ), answer_page AS MATERIALIZED (
      SELECT id, seq, poll_id, citizen_id, answers, updated_at
      FROM poll_answers WHERE commune_code = ${communeCode} AND seq > ${after} ORDER BY seq LIMIT ${limit + 1}
    ), positions AS MATERIALIZED (
      SELECT seq FROM input_page UNION ALL SELECT seq FROM answer_page ORDER BY seq LIMIT ${limit + 1}
    ), page_end AS (
      SELECT max(seq) AS seq FROM (SELECT seq FROM positions ORDER BY seq LIMIT ${limit}) first_positions
    ), page_photos AS (
      SELECT input_id, json_agg(json_build_object('id', id, 'width', width, 'height', height, 'bytes', octet_length(image)) ORDER BY position) AS list
      FROM photos WHERE input_id IN (SELECT id FROM input_page WHERE removed_at IS NULL) GROUP BY input_id
    ), page_reports AS (
      SELECT input_id, json_build_object(
          'spam', count(*) FILTER (WHERE reason = 'spam'),
          'offensant', count(*) FILTER (WHERE reason = 'offensant'),
          'hors_sujet', count(*) FILTER (WHERE reason = 'hors_sujet')) AS counts
      FROM reports WHERE input_id IN (SELECT id FROM input_page WHERE removed_at IS NULL) GROUP BY input_id
    ), items AS (
      SELECT i.seq, CASE WHEN i.removed_at IS NOT NULL THEN '{"type":"contribution_removed","seq":' || i.seq || ',"id":' || i.id || '}'
        ELSE '{"type":"contribution","seq":' || i.seq || ',"id":' || i.id || ',"kind":' || to_json(i.kind)
          || ',"author":' || CASE WHEN c.id IS NULL OR c.deleted_at IS NOT NULL THEN 'null'
               ELSE '{"pseudonymousId":' || to_json(c.pseudonymous_id) || ',"displayName":' || to_json(c.display_name) || '}' END
          || ',"title":' || ${orNull('i.title')} || ',"body":' || to_json(i.body) || ',"topic":' || ${orNull('i.topic')}
          || ',"projectExternalId":' || ${orNull('i.project_external_id')} || ',"address":' || ${orNull('i.address')}
          || ',"latitude":' || ${orNull('i.latitude')} || ',"longitude":' || ${orNull('i.longitude')}
          || ',"photos":' || coalesce(ph.list::text, '[]')
          || ',"status":' || to_json(i.status) || ',"publicAnswer":' || ${orNull('i.public_answer')} || ',"moderation":' || to_json(i.moderation)
          || ',"reports":' || coalesce(rp.counts::text, '{"spam":0,"offensant":0,"hors_sujet":0}')
          || ',"createdAt":"' || ${isoUtc('i.created_at')} || '","updatedAt":"' || ${isoUtc('i.updated_at')} || '"}' END AS item
      FROM input_page i
        LEFT JOIN citizens c ON c.id = i.citizen_id
        LEFT JOIN page_photos ph ON ph.input_id = i.id
        LEFT JOIN page_reports rp ON rp.input_id = i.id
      WHERE i.seq <= (SELECT seq FROM page_end)
      UNION ALL
      SELECT a.seq, '{"type":"poll_answer","seq":' || a.seq || ',"id":' || a.id || ',"pollExternalId":' || to_json(p.external_id)
          || ',"author":' || CASE WHEN c.deleted_at IS NOT NULL THEN 'null'
               ELSE '{"pseudonymousId":' || to_json(c.pseudonymous_id) || ',"displayName":' || to_json(c.display_name) || '}' END
          || ',"answers":' || a.answers::text || ',"answeredAt":"' || ${isoUtc('a.updated_at')} || '"}' AS item
      FROM answer_page a JOIN polls p ON p.id = a.poll_id JOIN citizens c ON c.id = a.citizen_id
      WHERE a.seq <= (SELECT seq FROM page_end)
    )
    SELECT '{"commune":' || to_json(${communeCode}::text)::text
        || ',"items":[' || coalesce((SELECT string_agg(item, ',' ORDER BY seq) FROM items), '') || ']'
        || ',"hasMore":' || ((SELECT count(*) FROM positions) > ${limit})::text
        || ',"nextCursor":' || coalesce((SELECT seq FROM page_end), ${after})::text || '}' AS page,
      EXISTS (SELECT 1 FROM inputs WHERE commune_code = ${communeCode} AND seq IS NULL)
        OR EXISTS (SELECT 1 FROM poll_answers WHERE commune_code = ${communeCode} AND seq IS NULL) AS pending`
}

export async function pulledInput(db: RelayDb, communeCode: string, id: number) {
  // Just written by the mairie: number it first, then read the feed at its position.
  await numberPendingWrites(db, communeCode)
  const [row] = await db
    .select({ seq: inputs.seq })
    .from(inputs)
    .where(and(eq(inputs.communeCode, communeCode), eq(inputs.id, id)))
  if (row?.seq == null) return null
  const page = JSON.parse(await pullPage(db, communeCode, row.seq - 1, 1)) as { items: PulledItem[] }
  const item = page.items[0]
  return item?.type === 'contribution' && item.id === id ? item : null
}

/** The mairie's status, public answer or moderation decision for one contribution of its commune. */
export async function updateFromMairie(db: RelayDb, communeCode: string, id: number, update: z.output<typeof inputUpdateInput>) {
  await db.transaction(async (tx) => {
    const [current] = await tx
      .select({ id: inputs.id })
      .from(inputs)
      .where(and(eq(inputs.communeCode, communeCode), eq(inputs.id, id), isNull(inputs.removedAt)))
      .for('update')
    if (!current) throw notFound('Cette contribution')
    // Published again by the mairie once reported: reports no longer hide it by themselves.
    const [{ reported }] = (await tx
      .select({ reported: sql<number>`count(*)::int` })
      .from(reports)
      .where(eq(reports.inputId, id))) as [{ reported: number }]
    const overridesReports = update.moderation === 'publiee' && Number(reported) >= REPORTS_BEFORE_HIDING
    await tx
      .update(inputs)
      .set({
        seq: null,
        updatedAt: sql`now()`,
        ...(update.status !== undefined ? { status: update.status } : {}),
        ...(update.publicAnswer !== undefined ? { publicAnswer: update.publicAnswer } : {}),
        ...(update.moderation !== undefined ? { moderation: update.moderation } : {}),
        ...(overridesReports ? { mairieDecidedAt: sql`now()` } : {}),
      })
      .where(eq(inputs.id, id))
  })
  return (await pulledInput(db, communeCode, id))!
}

/** One report per person per item; the third hides a published item until the mairie decides. */
export async function reportInput(
  db: RelayDb,
  communeCode: string,
  id: number,
  citizenId: number,
  reason: ReportReason,
): Promise<'recorded' | 'already'> {
  return db.transaction(async (tx) => {
    const [item] = await tx
      .select({ id: inputs.id, moderation: inputs.moderation, decided: inputs.mairieDecidedAt, author: inputs.citizenId })
      .from(inputs)
      .where(and(eq(inputs.communeCode, communeCode), eq(inputs.id, id), isNull(inputs.removedAt)))
      .for('update')
    if (!item || item.moderation !== 'publiee') throw notFound('Cette contribution')
    if (item.author === citizenId) throw new RelayHttpError(400, 'propre_contribution', 'Vous ne pouvez pas signaler votre propre contribution.')
    const inserted = await tx
      .insert(reports)
      .values({ inputId: id, citizenId, communeCode, reason })
      .onConflictDoNothing()
      .returning({ id: reports.inputId })
    if (!inserted.length) return 'already'
    const [{ n }] = (await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(reports)
      .where(eq(reports.inputId, id))) as [{ n: number }]
    const hide = Number(n) >= REPORTS_BEFORE_HIDING && !item.decided
    await tx
      .update(inputs)
      .set({ seq: null, updatedAt: sql`now()`, ...(hide ? { moderation: 'masquee' } : {}) })
      .where(eq(inputs.id, id))
    return 'recorded'
  })
}

export type InputRow = typeof inputs.$inferSelect & { authorName: string | null; photoIds: number[] }

async function withPhotos(db: RelayDb, rows: (typeof inputs.$inferSelect & { authorName: string | null })[]): Promise<InputRow[]> {
  if (!rows.length) return []
  const list = await db
    .select({ id: photos.id, inputId: photos.inputId })
    .from(photos)
    .where(
      inArray(
        photos.inputId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(photos.position))
  return rows.map((r) => ({ ...r, photoIds: list.filter((p) => p.inputId === r.id).map((p) => p.id) }))
}

const authorName = sql<string | null>`CASE WHEN ${citizens.deletedAt} IS NULL THEN ${citizens.displayName} ELSE NULL END`

/** Published contributions of a commune (optionally the comments of one project), newest first. */
export async function publicInputs(
  db: RelayDb,
  communeCode: string,
  options: { projectExternalId?: string; kinds?: InputKind[]; limit?: number } = {},
) {
  const rows = await db
    .select({ input: inputs, authorName })
    .from(inputs)
    .leftJoin(citizens, eq(citizens.id, inputs.citizenId))
    .where(
      and(
        eq(inputs.communeCode, communeCode),
        eq(inputs.moderation, 'publiee'),
        isNull(inputs.removedAt),
        options.projectExternalId !== undefined ? eq(inputs.projectExternalId, options.projectExternalId) : undefined,
        options.kinds ? inArray(inputs.kind, options.kinds) : undefined,
      ),
    )
    .orderBy(desc(inputs.createdAt), desc(inputs.id))
    .limit(options.limit ?? 50)
  return withPhotos(
    db,
    rows.map((r) => ({ ...r.input, authorName: r.authorName })),
  )
}

export async function publicInput(db: RelayDb, communeCode: string, id: number): Promise<InputRow | null> {
  const rows = await db
    .select({ input: inputs, authorName })
    .from(inputs)
    .leftJoin(citizens, eq(citizens.id, inputs.citizenId))
    .where(and(eq(inputs.communeCode, communeCode), eq(inputs.id, id), eq(inputs.moderation, 'publiee'), isNull(inputs.removedAt)))
  const [row] = await withPhotos(
    db,
    rows.map((r) => ({ ...r.input, authorName: r.authorName })),
  )
  return row ?? null
}

/** « Mes contributions »: everything the citizen sent, hidden ones included, newest first. */
export async function citizenInputs(db: RelayDb, communeCode: string, citizenId: number): Promise<InputRow[]> {
  const rows = await db
    .select()
    .from(inputs)
    .where(and(eq(inputs.communeCode, communeCode), eq(inputs.citizenId, citizenId), isNull(inputs.removedAt)))
    .orderBy(desc(inputs.createdAt), desc(inputs.id))
  return withPhotos(
    db,
    rows.map((r) => ({ ...r, authorName: null })),
  )
}

/** Whether a photo may be shown publicly: its contribution is published (or it is the viewer's own). */
export async function photoVisible(db: RelayDb, communeCode: string, photoId: number, citizenId: number | null): Promise<boolean> {
  const [row] = await db
    .select({ moderation: inputs.moderation, author: inputs.citizenId, removed: inputs.removedAt })
    .from(photos)
    .innerJoin(inputs, eq(inputs.id, photos.inputId))
    .where(and(eq(photos.id, photoId), eq(photos.communeCode, communeCode)))
  if (!row || row.removed) return false
  return row.moderation === 'publiee' || (citizenId !== null && row.author === citizenId)
}
