import { and, asc, count, desc, eq, gte, inArray, isNull, lt, ne, sql, type SQL } from 'drizzle-orm'
import type { z } from 'zod'
import {
  CITIZENS_PAGE_SIZE,
  type CitizensList,
  type citizensListInput,
  type CitizensSyncStatus,
  type ContributionDetail,
} from '../../../shared/contract'
import { AppError } from '../../../shared/errors'
import { INPUT_STATUSES, MODERATION_STATES, type InputStatus, type ModerationState } from '../../../shared/relay/vocabulary'
import type { CoreEnvironment } from '../context'
import { addDays } from '../days'
import { indexedBy } from '../db/deferred-indexes'
import type { Db } from '../db/open'
import { contributionCounts, contributionPhotos, contributions, projects } from '../db/schema'
import { readStoredFile, sha256 } from '../file-store/store'
import { readConnection } from '../portal/connection'
import { checkPhotoBytes, readPullState } from '../portal/pull'
import { cellOf, cellStates, contributionsMatch, UNKNOWN_CELL } from './search-index'

/** Where the pull stands and what waits for the mairie: the home page's line and the Citoyens page's header. */
export function syncStatus(environment: Pick<CoreEnvironment, 'db' | 'secrets' | 'citizensPuller'>): CitizensSyncStatus {
  const { db } = environment
  const connection = readConnection(db)
  const state = connection ? readPullState(db, connection.relayUrl) : null
  const counted = (where?: ReturnType<typeof and>) => db.select({ n: count() }).from(contributions).where(where).get()?.n ?? 0
  return {
    connected: connection !== null && environment.secrets.read() !== null,
    lastSyncAt: state?.lastSyncAt ?? null,
    lastSyncNew: state?.lastSyncNew ?? 0,
    lastAttemptAt: state?.lastAttemptAt ?? null,
    lastError: state?.lastError ?? null,
    running: environment.citizensPuller?.progress ?? null,
    unseen: counted(isNull(contributions.seenAt)),
    unanswered: counted(unanswered()),
    total: counted(),
  }
}

/** Waits for the mairie's public answer: hidden ones do not (nobody reads an answer to them). */
const unanswered = () => and(isNull(contributions.publicAnswer), ne(contributions.moderation, 'masquee'))!

export function contributionByRelayId(environment: Pick<CoreEnvironment, 'db'>, relayUrl: string, relayId: number) {
  return (
    environment.db
      .select()
      .from(contributions)
      .where(and(eq(contributions.relayUrl, relayUrl), eq(contributions.relayId, relayId)))
      .get() ?? null
  )
}

type ContributionRow = typeof contributions.$inferSelect
type ListFilters = z.output<typeof citizensListInput>

/**
 * The filters of the list. `walkDates`: the search is only tested row by row (the `+` keeps SQLite from starting at
 * its matches), so that a page of many matches is found by walking the date index until it is full. `matchIds`: the
 * search's matches already read (few of them, fewMatches), tested without asking the full-text index again.
 */
function listConditions(
  filters: ListFilters,
  { walkDates = false, matchIds = null }: { walkDates?: boolean; matchIds?: number[] | null } = {},
): SQL[] {
  const where: SQL[] = []
  if (filters.kind) where.push(eq(contributions.kind, filters.kind))
  if (filters.topic) where.push(eq(contributions.topic, filters.topic))
  if (filters.themeId) where.push(eq(contributions.themeId, filters.themeId))
  if (filters.status) where.push(eq(contributions.status, filters.status))
  if (filters.moderation) where.push(eq(contributions.moderation, filters.moderation))
  // Dates are ISO instants: a day's bounds compare as text.
  if (filters.from) where.push(gte(contributions.createdAt, filters.from))
  if (filters.to) where.push(lt(contributions.createdAt, addDays(filters.to, 1)))
  if (filters.unseenOnly) where.push(isNull(contributions.seenAt))
  if (filters.unansweredOnly) where.push(unanswered())
  if (filters.projectId) where.push(eq(contributions.projectId, filters.projectId))
  const match = contributionsMatch(filters.search, filters)
  if (match && matchIds) where.push(sql`${contributions.id} IN (SELECT value FROM json_each(${JSON.stringify(matchIds)}))`)
  else if (match)
    where.push(
      walkDates
        ? sql`+${contributions.id} IN (SELECT rowid >> 4 FROM contributions_fts WHERE contributions_fts MATCH ${match})`
        : sql`${contributions.id} IN (SELECT rowid >> 4 FROM contributions_fts WHERE contributions_fts MATCH ${match})`,
    )
  return where
}

const EXCERPT_LENGTH = 280

/** Where the mairie's last change stands on its way to the relay; null when it never changed anything. */
export function syncOf(row: Pick<ContributionRow, 'pendingUpdate' | 'pendingError' | 'pendingAttempts' | 'pendingNextAttemptAt' | 'updateSentAt'>) {
  if (row.pendingUpdate === null) {
    return row.updateSentAt ? { state: 'envoye' as const, error: null, attempts: 0, nextAttemptAt: null, sentAt: row.updateSentAt } : null
  }
  // A refusal is final (the relay said no): it waits for the mairie; a relay down is retried.
  const refused = row.pendingError !== null && row.pendingNextAttemptAt === null
  return {
    state: refused ? ('erreur' as const) : ('en_attente' as const),
    error: row.pendingError,
    attempts: row.pendingAttempts,
    nextAttemptAt: row.pendingNextAttemptAt,
    sentAt: row.updateSentAt,
  }
}

// The subqueries name the outer table in full: a bare "id" would be the photo's.
const summaryColumns = {
  id: contributions.id,
  kind: contributions.kind,
  title: contributions.title,
  excerpt: sql<string>`substr(${contributions.body}, 1, ${EXCERPT_LENGTH + 1})`,
  topic: contributions.topic,
  address: contributions.address,
  authorDisplayName: contributions.authorDisplayName,
  authorPseudonymousId: contributions.authorPseudonymousId,
  status: contributions.status,
  moderation: contributions.moderation,
  publicAnswer: sql<number>`${contributions.publicAnswer} IS NOT NULL`,
  reports: sql<number>`${contributions.reportsSpam} + ${contributions.reportsOffensive} + ${contributions.reportsOffTopic}`,
  createdAt: contributions.createdAt,
  seenAt: contributions.seenAt,
  photos: sql<number>`(SELECT count(*) FROM contribution_photos p WHERE p.contribution_id = "contributions"."id")`,
  firstPhotoId: sql<
    number | null
  >`(SELECT p.id FROM contribution_photos p WHERE p.contribution_id = "contributions"."id" AND p.sha256 IS NOT NULL ORDER BY p.position LIMIT 1)`,
  pendingUpdate: contributions.pendingUpdate,
  pendingError: contributions.pendingError,
  pendingAttempts: contributions.pendingAttempts,
  pendingNextAttemptAt: contributions.pendingNextAttemptAt,
  updateSentAt: contributions.updateSentAt,
  projectTitle: sql<string | null>`(SELECT pr.title FROM projects pr WHERE pr.id = "contributions"."project_id")`,
  themeId: contributions.themeId,
  duplicateOfId: contributions.duplicateOfId,
}

function excerptOf(body: string): string {
  return body.length > EXCERPT_LENGTH ? `${body.slice(0, EXCERPT_LENGTH).trimEnd()}…` : body
}

/** The filters beyond status and moderation: without any, the counts are read from contribution_counts. */
function narrowsBeyondCounts(filters: ListFilters): boolean {
  const mairieFilters = filters.unansweredOnly || filters.projectId
  return Boolean(
    filters.kind ||
    filters.topic ||
    filters.themeId ||
    filters.from ||
    filters.to ||
    filters.unseenOnly ||
    mairieFilters ||
    contributionsMatch(filters.search),
  )
}

/** Under this many matches a page is sorted from the matches; above, the date index is walked until the page is full. */
const SORT_MATCHES_BELOW = 2_000

/**
 * The counts of the list in one grouped read: per status × moderation state under every other filter. The status
 * tiles are then those cells under the moderation filter, the moderation counts those under the status filter, and
 * the total those under both — exactly what three separate counts would say, for one pass over the rows. Without
 * other filters the cells come from contribution_counts (kept by triggers); with them, from the narrow
 * contributions_facets index alone.
 */
function countCells(db: Db, filters: ListFilters, matchIds: number[] | null): { status: InputStatus; moderation: ModerationState; n: number }[] {
  if (!narrowsBeyondCounts(filters))
    return db
      .select({ status: contributionCounts.status, moderation: contributionCounts.moderation, n: contributionCounts.n })
      .from(contributionCounts)
      .all()
  const where = and(...listConditions({ ...filters, status: null, moderation: null }, { matchIds }))
  // A few matches: their rows are read by id (NOT INDEXED keeps the rowid lookups and forbids scanning an index).
  const from = matchIds ? sql.raw('NOT INDEXED') : indexedBy(db, countIndex(filters))
  return db.all<{ status: InputStatus; moderation: ModerationState; n: number }>(
    sql`SELECT status, moderation, count(*) AS n FROM contributions ${from} WHERE ${where} GROUP BY status, moderation`,
  )
}

/**
 * The narrowest index that holds the rows of the filters and their status and moderation (migrations/0023): a period
 * or a kind and topic is a range of its index; anything else scans contributions_facets. Named, because without
 * statistics SQLite would rather start from the search's matches and read each wide row.
 */
function countIndex(filters: ListFilters): string {
  if (filters.from || filters.to) return 'contributions_created'
  if (filters.kind && filters.topic) return 'contributions_kind_topic'
  return 'contributions_facets'
}

/**
 * The search's matches when there are fewer than SORT_MATCHES_BELOW, read once (the read stops there): the counts and
 * the page then use these ids instead of running the full-text query twice more; null when there are more, or no search.
 */
function fewMatches(db: Db, filters: ListFilters): number[] | null {
  const match = contributionsMatch(filters.search, filters)
  if (!match) return null
  const ids = db
    .all<{ id: number }>(sql`SELECT rowid >> 4 AS id FROM contributions_fts WHERE contributions_fts MATCH ${match} LIMIT ${SORT_MATCHES_BELOW}`)
    .map((row) => row.id)
  return ids.length < SORT_MATCHES_BELOW ? ids : null
}

/** A search whose other filters are all in the search index (search-index.ts): kind, topic, status, moderation. */
function answeredByIndex(filters: ListFilters): boolean {
  const beyond = filters.themeId || filters.from || filters.to || filters.unseenOnly || filters.unansweredOnly || filters.projectId
  return !beyond && contributionsMatch(filters.search) !== null
}

/**
 * The counts of a search from the index alone: its matches per cell (rowid & 15), one pass with no row read. The
 * cells come as one string, a letter per match, tallied here: a GROUP BY would sort every match first (measured: it
 * doubled this read at 66,667 matches). Null when a match has a status or moderation state outside the vocabulary:
 * the rows are then counted as they are.
 */
function indexedCells(db: Db, filters: ListFilters): { status: InputStatus; moderation: ModerationState; n: number }[] | null {
  const match = contributionsMatch(filters.search, filters)!
  const letters =
    db.get<{ cells: string | null }>(
      sql`SELECT group_concat(char(65 + (rowid & 15)), '') AS cells FROM contributions_fts WHERE contributions_fts MATCH ${match}`,
    )?.cells ?? ''
  const tally = new Array<number>(UNKNOWN_CELL + 1).fill(0)
  for (let i = 0; i < letters.length; i++) tally[letters.charCodeAt(i) - 65]! += 1
  if (tally[UNKNOWN_CELL]! > 0) return null
  return tally.flatMap((n, cell) => (n > 0 ? [{ ...cellStates(cell)!, n }] : []))
}

/** Deeper pages than this are found by the walk of the date index. */
const NEWEST_BY_ID_MAX = 1_000

/**
 * A page of many matches read from the index in rowid (id) order, when that gives the same page as date order — not
 * assumed (pulled contributions come in the relay's order; the dates are the citizens'), proven: the newest `offset +
 * page size` matches by id, sorted by date, are the page's rows when no contribution newer than the last of them has a
 * smaller id (every match outside them has a smaller id, so it is older). One index range read of about as many rows
 * as the page needs, instead of the set of every match. Null when not proven (or too deep): the caller walks dates.
 */
function newestByIdPage(db: Db, filters: ListFilters, offset: number): number[] | null {
  const wanted = offset + CITIZENS_PAGE_SIZE
  if (wanted > NEWEST_BY_ID_MAX) return null
  const match = contributionsMatch(filters.search, filters)!
  const statuses = filters.status ? [filters.status] : INPUT_STATUSES
  const states = filters.moderation ? [filters.moderation] : MODERATION_STATES
  const cells = statuses.flatMap((status) => states.map((moderation) => cellOf(status, moderation)))
  const narrowed = cells.length < INPUT_STATUSES.length * MODERATION_STATES.length
  const ids = db
    .all<{ id: number }>(
      sql`SELECT rowid >> 4 AS id FROM contributions_fts WHERE contributions_fts MATCH ${match}${narrowed ? sql` AND (rowid & 15) IN (${sql.join(cells, sql`, `)})` : sql``} ORDER BY rowid DESC LIMIT ${wanted}`,
    )
    .map((row) => row.id)
  if (ids.length === 0) return []
  const dated = db
    .select({ id: contributions.id, createdAt: contributions.createdAt })
    .from(contributions)
    .where(sql`${contributions.id} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`)
    .orderBy(desc(contributions.createdAt), desc(contributions.id))
    .all()
  const last = dated.at(-1)!
  const newerWithSmallerId =
    ids.length === wanted &&
    db.all(
      sql`SELECT 1 FROM contributions ${indexedBy(db, 'contributions_created')} WHERE created_at >= ${last.createdAt} AND (created_at > ${last.createdAt} OR id > ${last.id}) AND id < ${Math.min(...ids)} LIMIT 1`,
    ).length > 0
  return newerWithSmallerId ? null : dated.slice(offset, wanted).map((row) => row.id)
}

/**
 * The Citoyens page: one page of contributions, newest first, with the counts per status and per moderation state.
 * The page's ids are found first (an index walk in date order, or the few matches sorted), then only those 25 rows
 * are read in full: their excerpt and photo subqueries never run for the rows of the other pages.
 */
export function listContributions(environment: Pick<CoreEnvironment, 'db' | 'secrets'>, filters: ListFilters): CitizensList {
  const { db } = environment
  // A few matches are read once and counted from their rows; many, from the index alone when it holds every filter.
  const matchIds = fewMatches(db, filters)
  const counted = matchIds === null && answeredByIndex(filters) ? indexedCells(db, filters) : null
  const cells = counted ?? countCells(db, filters, matchIds)
  const statusCounts = Object.fromEntries(INPUT_STATUSES.map((status) => [status, 0])) as Record<InputStatus, number>
  const moderationCounts = Object.fromEntries(MODERATION_STATES.map((state) => [state, 0])) as Record<ModerationState, number>
  let total = 0
  for (const cell of cells) {
    const statusMatches = !filters.status || cell.status === filters.status
    const moderationMatches = !filters.moderation || cell.moderation === filters.moderation
    if (moderationMatches) statusCounts[cell.status] += cell.n
    if (statusMatches) moderationCounts[cell.moderation] += cell.n
    if (statusMatches && moderationMatches) total += cell.n
  }
  const pageCount = Math.max(1, Math.ceil(total / CITIZENS_PAGE_SIZE))
  const page = Math.min(filters.page, pageCount)
  const offset = (page - 1) * CITIZENS_PAGE_SIZE
  const many = total >= SORT_MATCHES_BELOW
  // Many matches: the newest by id when proven the newest by date, else walk the date index until the page is full.
  // Few: start from the matches and sort them.
  const pageIds =
    (counted && many ? newestByIdPage(db, filters, offset) : null) ??
    db
      .select({ id: contributions.id })
      .from(contributions)
      .where(and(...listConditions(filters, { walkDates: many, matchIds })))
      .orderBy(desc(contributions.createdAt), desc(contributions.id))
      .limit(CITIZENS_PAGE_SIZE)
      .offset(offset)
      .all()
      .map((row) => row.id)
  const rows =
    pageIds.length === 0
      ? []
      : db
          .select(summaryColumns)
          .from(contributions)
          .where(inArray(contributions.id, pageIds))
          .orderBy(desc(contributions.createdAt), desc(contributions.id))
          .all()
  return {
    connected: readConnection(db) !== null && environment.secrets.read() !== null,
    items: rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      title: row.title,
      excerpt: excerptOf(row.excerpt),
      topic: row.topic,
      address: row.address,
      authorDisplayName: row.authorDisplayName,
      authorPseudonymousId: row.authorPseudonymousId,
      status: row.status,
      moderation: row.moderation,
      answered: Boolean(row.publicAnswer),
      reports: row.reports,
      createdAt: row.createdAt,
      seen: row.seenAt !== null,
      photos: row.photos,
      firstPhotoId: row.firstPhotoId,
      sync: syncOf(row),
      projectTitle: row.projectTitle,
      themeId: row.themeId,
      duplicateOfId: row.duplicateOfId,
    })),
    total,
    page,
    pageSize: CITIZENS_PAGE_SIZE,
    statusCounts,
    moderationCounts,
    // contribution_counts is kept by triggers (and by the pull's bulk insert): no walk over an index of every row.
    everything:
      db
        .select({ n: sql<number>`coalesce(sum(${contributionCounts.n}), 0)` })
        .from(contributionCounts)
        .get()?.n ?? 0,
  }
}

/** How a contribution is named where its title is missing: the start of its text. */
export function contributionName(row: { title: string | null; body: string }): string {
  return row.title ?? excerptOf(row.body).slice(0, 80)
}

function duplicatesOf(db: Db, id: number) {
  return db
    .select({ id: contributions.id, title: contributions.title, body: contributions.body })
    .from(contributions)
    .where(eq(contributions.duplicateOfId, id))
    .orderBy(asc(contributions.createdAt), asc(contributions.id))
    .all()
    .map((row) => ({ id: row.id, title: contributionName(row) }))
}

const GONE = 'Cette contribution n’existe plus : le citoyen l’a peut-être supprimée sur le portail.'

export function contributionRow(db: Db, id: number): ContributionRow {
  const row = db.select().from(contributions).where(eq(contributions.id, id)).get()
  if (!row) throw new AppError('NOT_FOUND', GONE)
  return row
}

/** One contribution as the Citoyens page shows it, with its photos, reports and the mairie's links. */
export function contributionDetail(environment: Pick<CoreEnvironment, 'db' | 'referentiel'>, id: number): ContributionDetail {
  const { db } = environment
  const row = contributionRow(db, id)
  const photoList = db
    .select({
      id: contributionPhotos.id,
      width: contributionPhotos.width,
      height: contributionPhotos.height,
      sha256: contributionPhotos.sha256,
      problem: contributionPhotos.problem,
    })
    .from(contributionPhotos)
    .where(eq(contributionPhotos.contributionId, id))
    .orderBy(asc(contributionPhotos.position))
    .all()
  const shown = photoList.filter((photo) => photo.sha256 !== null)
  const project = row.projectId
    ? (db.select({ id: projects.id, title: projects.title }).from(projects).where(eq(projects.id, row.projectId)).get() ?? null)
    : null
  const duplicate = row.duplicateOfId
    ? db
        .select({ id: contributions.id, title: contributions.title, body: contributions.body })
        .from(contributions)
        .where(eq(contributions.id, row.duplicateOfId))
        .get()
    : undefined
  const theme = row.themeId ? environment.referentiel().themes.get(row.themeId) : undefined
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    excerpt: excerptOf(row.body),
    body: row.body,
    topic: row.topic,
    address: row.address,
    latitude: row.latitude,
    longitude: row.longitude,
    authorDisplayName: row.authorDisplayName,
    authorPseudonymousId: row.authorPseudonymousId,
    status: row.status,
    moderation: row.moderation,
    publicAnswer: row.publicAnswer,
    answered: row.publicAnswer !== null,
    reports: row.reportsSpam + row.reportsOffensive + row.reportsOffTopic,
    reportsBy: { spam: row.reportsSpam, offensant: row.reportsOffensive, hors_sujet: row.reportsOffTopic },
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    receivedAt: row.receivedAt,
    seen: row.seenAt !== null,
    photos: photoList.length,
    firstPhotoId: shown[0]?.id ?? null,
    photoList: photoList.map((photo) => ({
      id: photo.id,
      width: photo.width,
      height: photo.height,
      problem: photo.sha256 === null ? (photo.problem ?? 'Cette photo n’a pas encore été récupérée depuis le relais.') : null,
    })),
    project,
    themeId: row.themeId,
    themeName: theme?.theme.title ?? null,
    duplicateOf: duplicate ? { id: duplicate.id, title: contributionName(duplicate) } : null,
    duplicates: duplicatesOf(db, id),
    projectTitle: project?.title ?? null,
    duplicateOfId: row.duplicateOfId,
    sync: syncOf(row),
  }
}

/**
 * A photo's bytes for the screen: read from the file store and checked again (the hash it was stored under, then an
 * image by its bytes), so a file changed on disk is never shown.
 */
export async function contributionPhoto(environment: Pick<CoreEnvironment, 'db' | 'dataDir'>, id: number) {
  const photo = environment.db.select().from(contributionPhotos).where(eq(contributionPhotos.id, id)).get()
  if (!photo) throw new AppError('NOT_FOUND', 'Cette photo n’existe plus : la contribution a peut-être été supprimée.')
  if (!photo.sha256) throw new AppError('NOT_FOUND', photo.problem ?? 'Cette photo n’a pas encore été récupérée depuis le relais.')
  const bytes = readStoredFile(environment.dataDir, photo.sha256)
  if (!bytes) throw new AppError('NOT_FOUND', 'Cette photo est introuvable dans le dossier de données (pieces-jointes) : synchronisez à nouveau.')
  if (sha256(bytes) !== photo.sha256)
    throw new AppError('INVALID_INPUT', 'Le fichier de cette photo a été modifié sur le disque : il n’est pas affiché.')
  const checked = await checkPhotoBytes(bytes)
  if ('problem' in checked) throw new AppError('INVALID_INPUT', checked.problem)
  return { mimeType: checked.mimeType, contentBase64: bytes.toString('base64') }
}
