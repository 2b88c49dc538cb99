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

/**
 * One page of the desktop's feed: contributions, removals and poll answers after `after`, in `seq` order, in one
 * snapshot (one statement), once the committed writes are numbered. Each branch walks its (commune_code, seq) index and stops at the page size, so a page costs
 * the same at the start and at the end of 100,000 rows.
 */
export async function pullPage(db: RelayDb, communeCode: string, after: number, limit: number): Promise<{ items: PulledItem[]; hasMore: boolean }> {
  await numberPendingWrites(db, communeCode)
  const result = await queryRows<{ seq: number | string; type: PulledItem['type']; payload: Record<string, unknown> }>(
    db,
    sql`
    SELECT seq, type, payload FROM (
      (SELECT i.seq,
        CASE WHEN i.removed_at IS NULL THEN 'contribution' ELSE 'contribution_removed' END AS type,
        CASE WHEN i.removed_at IS NOT NULL THEN jsonb_build_object('id', i.id) ELSE jsonb_build_object(
          'id', i.id, 'kind', i.kind,
          'author', CASE WHEN c.id IS NULL OR c.deleted_at IS NOT NULL THEN NULL
                         ELSE jsonb_build_object('pseudonymousId', c.pseudonymous_id, 'displayName', c.display_name) END,
          'title', i.title, 'body', i.body, 'topic', i.topic, 'projectExternalId', i.project_external_id,
          'address', i.address, 'latitude', i.latitude, 'longitude', i.longitude,
          'photos', (SELECT coalesce(jsonb_agg(jsonb_build_object('id', p.id, 'width', p.width, 'height', p.height, 'bytes', octet_length(p.image)) ORDER BY p.position), '[]'::jsonb)
                     FROM photos p WHERE p.input_id = i.id),
          'status', i.status, 'publicAnswer', i.public_answer, 'moderation', i.moderation,
          'reports', (SELECT jsonb_build_object(
                        'spam', count(*) FILTER (WHERE r.reason = 'spam'),
                        'offensant', count(*) FILTER (WHERE r.reason = 'offensant'),
                        'hors_sujet', count(*) FILTER (WHERE r.reason = 'hors_sujet'))
                      FROM reports r WHERE r.input_id = i.id),
          'createdAt', i.created_at, 'updatedAt', i.updated_at) END AS payload
      FROM inputs i LEFT JOIN citizens c ON c.id = i.citizen_id
      WHERE i.commune_code = ${communeCode} AND i.seq > ${after}
      ORDER BY i.seq LIMIT ${limit + 1})
      UNION ALL
      (SELECT a.seq, 'poll_answer' AS type, jsonb_build_object(
          'id', a.id, 'pollExternalId', p.external_id,
          'author', CASE WHEN c.deleted_at IS NOT NULL THEN NULL
                         ELSE jsonb_build_object('pseudonymousId', c.pseudonymous_id, 'displayName', c.display_name) END,
          'answers', a.answers, 'answeredAt', a.updated_at) AS payload
      FROM poll_answers a JOIN polls p ON p.id = a.poll_id JOIN citizens c ON c.id = a.citizen_id
      WHERE a.commune_code = ${communeCode} AND a.seq > ${after}
      ORDER BY a.seq LIMIT ${limit + 1})
    ) feed
    ORDER BY seq
    LIMIT ${limit + 1}`,
  )
  const rows = result
  const items = rows.slice(0, limit).map((r) => ({ type: r.type, seq: Number(r.seq), ...normalizeDates(r.payload) }) as PulledItem)
  return { items, hasMore: rows.length > limit }
}

/** jsonb renders timestamps as PostgreSQL text; the API gives ISO 8601 in UTC. */
function normalizeDates(payload: Record<string, unknown>): Record<string, unknown> {
  for (const key of ['createdAt', 'updatedAt', 'answeredAt']) {
    if (typeof payload[key] === 'string') payload[key] = new Date(payload[key] as string).toISOString()
  }
  return payload
}

export async function pulledInput(db: RelayDb, communeCode: string, id: number) {
  // Just written by the mairie: number it first, then read the feed at its position.
  await numberPendingWrites(db, communeCode)
  const [row] = await db
    .select({ seq: inputs.seq })
    .from(inputs)
    .where(and(eq(inputs.communeCode, communeCode), eq(inputs.id, id)))
  if (row?.seq == null) return null
  const page = await pullPage(db, communeCode, row.seq - 1, 1)
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
