/**
 * Collecting what citizens sent: the relay's feed is pulled page by page from the last cursor. A page is stored in one
 * SQLite transaction together with the cursor that follows it, so a cut (relay killed, network lost, app closed) at
 * any point leaves either the whole page and its cursor, or neither: the next sync asks again from the same place.
 * Storing is idempotent (rows are keyed by relay and relay id, an older version never overwrites a newer one), so a
 * page received twice changes nothing. A page that breaks the contract or belongs to another commune is refused,
 * logged and not stored. Photos are fetched before their page's transaction, checked again by their bytes and kept
 * in the file store under their hash.
 */
import { and, eq, isNotNull, sql } from 'drizzle-orm'
import { PULL_PAGE_MAX, UNSAFE_CHARACTERS, type PulledItem } from '../../../shared/relay/api'
import type { CoreEnvironment } from '../context'
import { FTS_COLUMNS, ftsValues } from '../citizens/search-index'
import { deferIndexes, restoreNextIndex } from '../db/deferred-indexes'
import type { Db } from '../db/open'
import { contributionCounts, contributionPhotos, contributions, contributionsBulkInsert, pollAnswers, portalPull } from '../db/schema'
import { deleteUnusedFiles } from '../file-store/usage'
import { sha256, storeFile, typeFromBytes } from '../file-store/store'
import { imageHeader, MAX_IMAGE_PIXELS } from '../security/images'
import { RelayCallError, type RelayClient } from './client'
import { connectedClient } from './connection'
import { formatInteger } from '../../../shared/format'

/**
 * The most the relay serves: each commit rewrites the index pages it touched, so fewer, larger pages store faster
 * (100,000 pulled: 12.4 s by 1,000 against 13.7 s by 500, bench/pull.ts, the same machine and hour).
 */
export const PULL_PAGE_SIZE = PULL_PAGE_MAX
export const PULL_PROGRESS_TASK = 'citoyens'

type PulledContribution = Extract<PulledItem, { type: 'contribution' }>

export interface PullReport {
  /** Feed items stored (contributions, their changes and removals, poll answers). */
  received: number
  /** Contributions this computer had never seen. */
  newContributions: number
  pages: number
  /** Why the sync stopped before the end of the feed, in French; null when it reached the end. */
  problem: string | null
}

/** Where a pull's time went, in ms (bench/pull.ts prints it): waiting for pages, checking them, photos, storing. */
export interface PullPhases {
  waitMs: number
  checkMs: number
  photosMs: number
  storeMs: number
  /** Building back the indexes a large pull set aside. */
  indexMs: number
}

export type PullEnvironment = Pick<CoreEnvironment, 'db' | 'sqlite' | 'secrets' | 'relayFetch' | 'log' | 'now' | 'dataDir'> & {
  onProgress?: (label: string, done: number) => void
  /** Filled in when given. */
  phases?: PullPhases
}

/**
 * What the desktop accepts from a relay on top of the shared contract: sane lengths, no invisible controls. Checked by
 * hand rather than by a second zod schema: the page was already parsed against the contract by the client, and this
 * runs on every field of up to 100,000 contributions.
 */
const CONTRIBUTION_TEXT_LIMITS = { title: 500, body: 20_000, address: 500, publicAnswer: 8_000, projectExternalId: 64 } as const
const AUTHOR_TEXT_LIMITS = { pseudonymousId: 100, displayName: 200 } as const
const MAX_PHOTOS = 20

const acceptedText = (value: string | null, max: number) => value === null || (value.length <= max && !UNSAFE_CHARACTERS.test(value))

/** The first field of a contribution the desktop refuses, or null when it is accepted. */
function refusedField(item: PulledContribution): string | null {
  for (const [field, max] of Object.entries(CONTRIBUTION_TEXT_LIMITS))
    if (!acceptedText(item[field as keyof typeof CONTRIBUTION_TEXT_LIMITS], max)) return field
  if (item.author)
    for (const [field, max] of Object.entries(AUTHOR_TEXT_LIMITS))
      if (!acceptedText(item.author[field as keyof typeof AUTHOR_TEXT_LIMITS], max)) return `author.${field}`
  if (item.photos.length > MAX_PHOTOS) return 'photos'
  return null
}

class RefusedPage extends Error {}

function refusePage(environment: PullEnvironment, reason: string, detail?: unknown): never {
  environment.log?.(`Page du relais refusée : ${reason}`, detail)
  throw new RefusedPage(
    `Le relais a envoyé des données refusées (${reason}) : rien n’a été enregistré de cette page. Prévenez l’administrateur du relais.`,
  )
}

/** Checks a page beyond its schema: the commune, the cursor's order and each item's content. */
function checkPage(
  environment: PullEnvironment,
  page: { commune: string; items: PulledItem[]; nextCursor: number },
  communeCode: string,
  after: number,
): void {
  if (page.commune !== communeCode) refusePage(environment, `ils sont ceux de la commune ${page.commune}, pas de la commune ${communeCode}`)
  if (page.nextCursor < after) refusePage(environment, 'le curseur recule')
  // Each item's shape was checked against the contract (pullOutput) by the client that received the page.
  for (const item of page.items) {
    if (item.seq <= after || item.seq > page.nextCursor) refusePage(environment, 'un élément est hors de la page demandée', item.seq)
    if (item.type === 'contribution') {
      const field = refusedField(item)
      if (field) refusePage(environment, 'une contribution contient un texte trop long ou des caractères interdits', { seq: item.seq, field })
    }
  }
}

export interface FetchedPhoto {
  /** The size of the bytes kept (0 when none). */
  bytes: number
  sha256: string | null
  mimeType: string | null
  problem: string | null
}

/** Is this really a photo we can show? Its bytes say, not the relay. */
export async function checkPhotoBytes(bytes: Buffer): Promise<{ mimeType: string } | { problem: string }> {
  const header = imageHeader(bytes)
  if (!header) return { problem: 'Ce fichier n’est pas une image lisible : il n’est pas affiché.' }
  if (header.width < 1 || header.height < 1 || header.width * header.height > MAX_IMAGE_PIXELS)
    return { problem: 'Cette image a des dimensions anormales : elle n’est pas affichée.' }
  const { mimeType } = await typeFromBytes(bytes, 'photo.jpg')
  if (!['image/jpeg', 'image/png', 'image/webp'].includes(mimeType))
    return { problem: 'Ce fichier n’est pas une photo JPEG, PNG ou WebP : il n’est pas affiché.' }
  return { mimeType }
}

/** Fetches, checks and stores the photos of the page not stored yet. A relay that stops answering stops the page. */
async function fetchPhotos(
  environment: PullEnvironment,
  client: RelayClient,
  relayUrl: string,
  items: PulledContribution[],
): Promise<Map<number, FetchedPhoto>> {
  const fetched = new Map<number, FetchedPhoto>()
  for (const item of items) {
    if (item.photos.length === 0) continue
    const existing = environment.db
      .select({ relayPhotoId: contributionPhotos.relayPhotoId })
      .from(contributionPhotos)
      .innerJoin(contributions, eq(contributions.id, contributionPhotos.contributionId))
      .where(and(eq(contributions.relayUrl, relayUrl), eq(contributions.relayId, item.id), isNotNull(contributionPhotos.sha256)))
      .all()
    const stored = new Set(existing.map((row) => row.relayPhotoId))
    for (const photo of item.photos) {
      if (stored.has(photo.id) || fetched.has(photo.id)) continue
      let bytes: Buffer
      try {
        bytes = Buffer.from(await client.call('photos.get', { params: { id: photo.id } }))
      } catch (error) {
        if (error instanceof RelayCallError && error.status === 404) {
          fetched.set(photo.id, { bytes: 0, sha256: null, mimeType: null, problem: 'Cette photo n’est plus disponible sur le relais.' })
          continue
        }
        throw error
      }
      const checked = await checkPhotoBytes(bytes)
      if ('problem' in checked) {
        environment.log?.(`Photo ${photo.id} du relais refusée`, checked.problem)
        fetched.set(photo.id, { bytes: 0, sha256: null, mimeType: null, problem: checked.problem })
        continue
      }
      const hash = sha256(bytes)
      storeFile(environment.dataDir, hash, bytes)
      fetched.set(photo.id, { bytes: bytes.length, sha256: hash, mimeType: checked.mimeType, problem: null })
    }
  }
  return fetched
}

function contributionValues(item: PulledContribution) {
  return {
    relaySeq: item.seq,
    kind: item.kind,
    authorPseudonymousId: item.author?.pseudonymousId ?? null,
    authorDisplayName: item.author?.displayName ?? null,
    title: item.title,
    body: item.body,
    topic: item.topic,
    projectExternalId: item.projectExternalId,
    address: item.address,
    latitude: item.latitude,
    longitude: item.longitude,
    status: item.status,
    publicAnswer: item.publicAnswer,
    moderation: item.moderation,
    reportsSpam: item.reports.spam,
    reportsOffensive: item.reports.offensant,
    reportsOffTopic: item.reports.hors_sujet,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
  }
}

/**
 * The statements of a page's common case, prepared once per database: drizzle would otherwise build the same SQL for
 * each row of the page, which costs more than SQLite running it.
 */
const prepared = new WeakMap<Db, { known: ReturnType<typeof prepareKnown>; insert?: ReturnType<typeof prepareInsert> }>()

function prepareKnown(db: Db) {
  return db
    .select({ relayId: contributions.relayId, id: contributions.id, relaySeq: contributions.relaySeq, pendingUpdate: contributions.pendingUpdate })
    .from(contributions)
    .where(
      and(
        eq(contributions.relayUrl, sql.placeholder('relayUrl')),
        sql`${contributions.relayId} IN (SELECT value FROM json_each(${sql.placeholder('ids')}))`,
      ),
    )
    .prepare()
}

/** `columns`: the keys of contributionValues, taken from a real item so that the two cannot drift apart. */
function prepareInsert(db: Db, columns: string[]) {
  const values = Object.fromEntries([...columns, 'relayUrl', 'relayId', 'receivedAt'].map((key) => [key, sql.placeholder(key)]))
  return db
    .insert(contributions)
    .values(values as unknown as typeof contributions.$inferInsert)
    .returning({ id: contributions.id })
    .prepare()
}

function statementsFor(db: Db) {
  let statements = prepared.get(db)
  if (!statements) {
    statements = { known: prepareKnown(db) }
    prepared.set(db, statements)
  }
  return statements
}

function insertContribution(db: Db, relayUrl: string, item: PulledContribution, at: string): number {
  const statements = statementsFor(db)
  const values = contributionValues(item)
  statements.insert ??= prepareInsert(db, Object.keys(values))
  return statements.insert.get({ relayUrl, relayId: item.id, receivedAt: at, ...values })!.id
}

/** The search index's row of each new contribution, exactly as the insert trigger of migration 0024 writes it. */
const INDEX_NEW_ROWS = sql.raw(
  `INSERT INTO contributions_fts (${FTS_COLUMNS}) SELECT ${ftsValues('contributions')} FROM contributions WHERE id IN (SELECT value FROM json_each(`,
)
const COUNT_NEW_ROWS = sql.raw(
  'INSERT INTO contribution_counts (status, moderation, n) SELECT status, moderation, count(*) FROM contributions WHERE id IN (SELECT value FROM json_each(',
)

/**
 * Indexes for the search and counts the contributions just inserted, in one statement each: while a page is stored
 * the insert triggers stand aside (migration 0022), as indexing row by row cost more than the rows themselves.
 */
function indexAndCount(tx: Db, ids: number[]): void {
  if (ids.length === 0) return
  const json = JSON.stringify(ids)
  tx.run(sql`${INDEX_NEW_ROWS}${json}))`)
  tx.run(sql`${COUNT_NEW_ROWS}${json})) GROUP BY status, moderation ON CONFLICT (status, moderation) DO UPDATE SET n = n + excluded.n`)
  ids.length = 0
}

/**
 * Stores one page and its cursor in one transaction; returns the contributions that were new and the photo hashes
 * that removals may have freed. Receiving the same page again finds every row at its `relay_seq` and changes nothing.
 * Committed with synchronous = FULL like every other write: NORMAL for the pull's commits was measured (bench/pull.ts
 * store alone, 100,000 rows by pages of 500: 12.4 s FULL, 12.9 s NORMAL, two rounds each) and saves nothing here, the
 * time being in SQLite's B-trees (the contributions indexes), not in the fsync of 200 commits.
 */
export function storePage(
  db: Db,
  relayUrl: string,
  items: PulledItem[],
  nextCursor: number,
  photos: Map<number, FetchedPhoto>,
  at: string,
): { newContributions: number; freedHashes: string[] } {
  let newContributions = 0
  const freedHashes: string[] = []
  db.transaction((tx) => {
    tx.insert(contributionsBulkInsert).values({ active: 1 }).onConflictDoNothing().run()
    // Inserted, not yet indexed nor counted: done before any change or removal (whose triggers expect them done).
    const inserted: number[] = []
    // What this computer already has of the page, in one statement; kept up to date as the page is stored.
    const known = new Map(
      statementsFor(db)
        .known.all({ relayUrl, ids: JSON.stringify(items.filter((item) => item.type !== 'poll_answer').map((item) => item.id)) })
        .map((row) => [row.relayId, row]),
    )
    for (const item of items) {
      if (item.type === 'contribution') {
        const existing = known.get(item.id)
        let id: number
        if (!existing) {
          id = insertContribution(db, relayUrl, item, at)
          inserted.push(id)
          known.set(item.id, { relayId: item.id, id, relaySeq: item.seq, pendingUpdate: null })
          newContributions++
        } else {
          id = existing.id
          if (item.seq <= existing.relaySeq) continue
          existing.relaySeq = item.seq
          const values: Partial<typeof contributions.$inferInsert> = contributionValues(item)
          // The mairie's changes not yet on the relay stay as the mairie made them.
          if (existing.pendingUpdate) {
            const pending = JSON.parse(existing.pendingUpdate) as Record<string, unknown>
            if ('status' in pending) delete values.status
            if ('publicAnswer' in pending) delete values.publicAnswer
            if ('moderation' in pending) delete values.moderation
          }
          indexAndCount(tx, inserted)
          tx.update(contributions).set(values).where(eq(contributions.id, id)).run()
        }
        item.photos.forEach((photo, position) => {
          const got = photos.get(photo.id)
          const row = { position, width: photo.width, height: photo.height }
          // Without a fetch in this page the photo is already stored: its file stays as it is.
          const file = got ? { bytes: got.bytes, sha256: got.sha256, mimeType: got.mimeType, problem: got.problem } : {}
          tx.insert(contributionPhotos)
            .values({ contributionId: id, relayPhotoId: photo.id, bytes: 0, ...row, ...file })
            .onConflictDoUpdate({ target: [contributionPhotos.contributionId, contributionPhotos.relayPhotoId], set: { ...row, ...file } })
            .run()
        })
      } else if (item.type === 'contribution_removed') {
        // The citizen (or the relay's administrator) deleted it: it goes from this computer too, photos included.
        const existing = known.get(item.id)
        if (!existing) continue
        known.delete(item.id)
        indexAndCount(tx, inserted)
        for (const photo of tx
          .select({ sha256: contributionPhotos.sha256 })
          .from(contributionPhotos)
          .where(eq(contributionPhotos.contributionId, existing.id))
          .all())
          if (photo.sha256) freedHashes.push(photo.sha256)
        tx.delete(contributions).where(eq(contributions.id, existing.id)).run()
      } else {
        const values = {
          relaySeq: item.seq,
          pollExternalId: item.pollExternalId,
          authorPseudonymousId: item.author?.pseudonymousId ?? null,
          answers: JSON.stringify(item.answers),
          answeredAt: item.answeredAt,
        }
        tx.insert(pollAnswers)
          .values({ relayUrl, relayId: item.id, receivedAt: at, ...values })
          .onConflictDoUpdate({
            target: [pollAnswers.relayUrl, pollAnswers.relayId],
            set: values,
            setWhere: sql`${pollAnswers.relaySeq} < ${item.seq}`,
          })
          .run()
      }
    }
    indexAndCount(tx, inserted)
    tx.delete(contributionsBulkInsert).run()
    tx.insert(portalPull)
      .values({ relayUrl, cursor: nextCursor, newSinceSync: newContributions, lastAttemptAt: at })
      .onConflictDoUpdate({
        target: portalPull.relayUrl,
        set: { cursor: nextCursor, newSinceSync: sql`${portalPull.newSinceSync} + ${newContributions}`, lastAttemptAt: at },
      })
      .run()
  })
  return { newContributions, freedHashes }
}

export function readPullState(db: Db, relayUrl: string): typeof portalPull.$inferSelect | null {
  return db.select().from(portalPull).where(eq(portalPull.relayUrl, relayUrl)).get() ?? null
}

function recordAttempt(db: Db, relayUrl: string, at: string, values: Partial<typeof portalPull.$inferInsert>): void {
  db.insert(portalPull)
    .values({ relayUrl, lastAttemptAt: at, ...values })
    .onConflictDoUpdate({ target: portalPull.relayUrl, set: { lastAttemptAt: at, ...values } })
    .run()
}

/**
 * A pull that brings many contributions (a first sync, a computer that stayed away long) sets the list's indexes aside
 * and builds them again once at its end (db/deferred-indexes.ts): 100,000 rows stored by pages of 1,000 took 10.4 s
 * with the indexes kept up to date row by row, ≈ 5 s without them, and building them afterwards < 1 s (bench/pull.ts).
 * Kept: the unique ones (a row is never stored twice) and the one behind a removal's delete (its foreign key).
 */
export const KEPT_DURING_LARGE_PULL = ['contributions_duplicate_of']

/**
 * « Many »: once this sync has received, with more to come, a third of what the computer held before it. Building the
 * indexes costs about a fifth of keeping them for as many new rows, so setting them aside later than this loses
 * little, and a small sync on a large table never rebuilds it.
 */
function largePull(received: number, storedBefore: number, hasMore: boolean): boolean {
  return hasMore && received * 3 >= storedBefore
}

function storedContributions(db: Db): number {
  return (
    db
      .select({ n: sql<number>`coalesce(sum(${contributionCounts.n}), 0)` })
      .from(contributionCounts)
      .get()?.n ?? 0
  )
}

/**
 * Builds back the indexes set aside, one at a time, letting the app answer between two. One that cannot be built now
 * (a full disk) stays recorded and is built on the next opening; the list works meanwhile, only slower.
 */
async function restoreIndexes(environment: PullEnvironment, received: number): Promise<void> {
  environment.onProgress?.('Préparation de la liste des contributions reçues…', received)
  const start = performance.now()
  try {
    while (restoreNextIndex(environment.sqlite)) await new Promise((resolve) => setImmediate(resolve))
  } catch (error) {
    environment.log?.('Index de la liste des contributions non reconstruits (ils le seront au prochain démarrage)', error)
  }
  if (environment.phases) environment.phases.indexMs += performance.now() - start
}

/** Pulls everything new since the cursor, page by page, until the end of the feed or the first failure. */
export async function pullAll(environment: PullEnvironment, { pageSize = PULL_PAGE_SIZE }: { pageSize?: number } = {}): Promise<PullReport> {
  const report: PullReport = { received: 0, newContributions: 0, pages: 0, problem: null }
  let connected
  try {
    connected = connectedClient(environment)
  } catch (error) {
    return { ...report, problem: error instanceof Error ? error.message : String(error) }
  }
  const { client, connection } = connected
  const relayUrl = connection.relayUrl
  let cursor = readPullState(environment.db, relayUrl)?.cursor ?? 0
  environment.onProgress?.('Connexion au portail citoyen…', 0)
  const phases = environment.phases
  const storedBefore = storedContributions(environment.db)
  let indexesSetAside = false
  const requestPage = (after: number) => client.call('inputs.pull', { query: { after, limit: pageSize } })
  // The next page is asked for while this one is checked and stored (the relay works meanwhile), but it is only
  // looked at once this one is committed; when anything fails, it is dropped unread.
  try {
    let pending: ReturnType<typeof requestPage> | null = requestPage(cursor)
    while (pending) {
      let mark = performance.now()
      const lap = (phase: keyof PullPhases) => {
        const now = performance.now()
        if (phases) phases[phase] += now - mark
        mark = now
      }
      const page = await pending
      pending = null
      lap('waitMs')
      checkPage(environment, page, connection.communeCode, cursor)
      if (page.hasMore && page.items.length > 0) {
        pending = requestPage(page.nextCursor)
        // Its failure is seen when it is awaited, after this page is stored; dropped unread if this page fails.
        pending.catch(() => {})
        // Let the request leave before the synchronous storing below holds the thread.
        await new Promise((resolve) => setImmediate(resolve))
      }
      lap('checkMs')
      const photos = await fetchPhotos(
        environment,
        client,
        relayUrl,
        page.items.filter((item): item is PulledContribution => item.type === 'contribution'),
      )
      lap('photosMs')
      if (!indexesSetAside && largePull(report.received + page.items.length, storedBefore, page.hasMore)) {
        deferIndexes(environment.sqlite, 'contributions', KEPT_DURING_LARGE_PULL)
        indexesSetAside = true
      }
      const stored = storePage(environment.db, relayUrl, page.items, page.nextCursor, photos, environment.now().toISOString())
      deleteUnusedFiles(environment.db, environment.dataDir, stored.freedHashes)
      lap('storeMs')
      report.pages++
      report.received += page.items.length
      report.newContributions += stored.newContributions
      cursor = page.nextCursor
      environment.onProgress?.(
        `${formatInteger(report.received)} élément${report.received > 1 ? 's' : ''} reçu${report.received > 1 ? 's' : ''}, dont ${formatInteger(report.newContributions)} nouvelle${report.newContributions > 1 ? 's' : ''} contribution${report.newContributions > 1 ? 's' : ''}…`,
        report.received,
      )
    }
  } catch (error) {
    if (indexesSetAside) await restoreIndexes(environment, report.received)
    if (!(error instanceof RelayCallError) && !(error instanceof RefusedPage)) throw error
    report.problem = error.message
    recordAttempt(environment.db, relayUrl, environment.now().toISOString(), { lastError: error.message })
    return report
  }
  if (indexesSetAside) await restoreIndexes(environment, report.received)
  const at = environment.now().toISOString()
  environment.db.transaction((tx) => {
    const state = readPullState(tx, relayUrl)
    recordAttempt(tx, relayUrl, at, { lastSyncAt: at, lastSyncNew: state?.newSinceSync ?? 0, newSinceSync: 0, lastError: null })
  })
  return report
}

/** Pulls now and then while the app runs (like the outbox's sender): one sync at a time, stopped when the core closes. */
export class CitizensPuller {
  private timer: NodeJS.Timeout | null = null
  private running: Promise<PullReport> | null = null
  /** What the sync in progress is doing, in words; null when idle. */
  progress: string | null = null

  constructor(
    private readonly environment: () => PullEnvironment | null,
    private readonly onProgress: (label: string, done: number) => void,
    private readonly onPulled: (report: PullReport) => void,
    private readonly intervalMs = 5 * 60_000,
  ) {}

  start(): void {
    if (this.timer) return
    this.timer = setInterval(() => void this.run().catch(() => {}), this.intervalMs)
    this.timer.unref()
    void this.run().catch(() => {})
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
  }

  /** One sync; a call during a sync waits for it and returns its report (« Synchroniser maintenant » twice is one sync). */
  async run(): Promise<PullReport> {
    if (this.running) return this.running
    const environment = this.environment()
    if (!environment) return { received: 0, newContributions: 0, pages: 0, problem: null }
    this.running = pullAll({
      ...environment,
      onProgress: (label, done) => {
        this.progress = label
        this.onProgress(label, done)
      },
    })
      .then((report) => {
        this.onPulled(report)
        return report
      })
      .catch((error: unknown) => {
        environment.log?.('Synchronisation du portail citoyen impossible', error)
        throw error
      })
      .finally(() => {
        this.running = null
        this.progress = null
      })
    return this.running
  }
}
