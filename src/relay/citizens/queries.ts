/** Citizens' accounts: magic links (hash only, 15 minutes, single use), sessions, preferences, export and deletion. */
import { and, eq, gt, inArray, isNull, sql } from 'drizzle-orm'
import type { RelayDb } from '../db/open'
import { citizens, communes, inputs, magicLinks, photos, pollAnswers, polls, reports, sessions } from '../db/schema'
import { hashSecret, randomToken } from '../security/secrets'

export const MAGIC_LINK_MINUTES = 15
export const SESSION_DAYS = 30

export type Citizen = typeof citizens.$inferSelect

export async function createMagicLink(db: RelayDb, communeCode: string, email: string): Promise<string> {
  const token = randomToken(32)
  await db
    .insert(magicLinks)
    .values({ tokenHash: hashSecret(token), communeCode, email, expiresAt: new Date(Date.now() + MAGIC_LINK_MINUTES * 60_000) })
  return token
}

/**
 * Consumes a magic link (one atomic update: a replayed or expired link does nothing), creates the account on first use,
 * and opens a session. Returns null when the link is not valid.
 */
export async function consumeMagicLink(db: RelayDb, communeCode: string, token: string) {
  return db.transaction(async (tx) => {
    const [link] = await tx
      .update(magicLinks)
      .set({ usedAt: sql`now()` })
      .where(
        and(
          eq(magicLinks.tokenHash, hashSecret(token)),
          eq(magicLinks.communeCode, communeCode),
          isNull(magicLinks.usedAt),
          gt(magicLinks.expiresAt, sql`now()`),
        ),
      )
      .returning({ email: magicLinks.email })
    if (!link) return null
    await tx
      .insert(citizens)
      .values({ communeCode, email: link.email, pseudonymousId: `hab-${randomToken(9)}` })
      .onConflictDoNothing()
    const [citizen] = await tx
      .select()
      .from(citizens)
      .where(and(eq(citizens.communeCode, communeCode), eq(citizens.email, link.email)))
    const sessionToken = randomToken(32)
    const csrfToken = randomToken(24)
    await tx.insert(sessions).values({
      tokenHash: hashSecret(sessionToken),
      citizenId: citizen!.id,
      communeCode,
      csrfToken,
      expiresAt: new Date(Date.now() + SESSION_DAYS * 86_400_000),
    })
    return { citizen: citizen!, sessionToken, isNew: citizen!.displayName === '' }
  })
}

export interface CommuneVisit {
  commune: { code: string; name: string; population: number | null }
  session: { citizen: Citizen; csrfToken: string } | null
}

/** The statement behind `communeVisit`, built once per database and prepared on each connection (a named statement). */
function prepareVisit(db: RelayDb) {
  return db
    .select({
      commune: { code: communes.code, name: communes.name, population: communes.population },
      citizen: citizens,
      csrfToken: sessions.csrfToken,
    })
    .from(communes)
    .leftJoin(
      sessions,
      // A null token hash (no cookie) matches no session.
      and(eq(sessions.tokenHash, sql.placeholder('tokenHash')), eq(sessions.communeCode, communes.code), gt(sessions.expiresAt, sql`now()`)),
    )
    .leftJoin(citizens, and(eq(citizens.id, sessions.citizenId), isNull(citizens.deletedAt)))
    .where(and(eq(communes.code, sql.placeholder('communeCode')), isNull(communes.disabledAt)))
    .prepare('commune_visit')
}

const visitStatements = new WeakMap<RelayDb, ReturnType<typeof prepareVisit>>()

/**
 * The commune of a portal URL (null when unknown or disabled) and, when the visitor sent a session cookie, its
 * unexpired session and citizen — in one prepared statement, since every portal request needs both.
 */
export async function communeVisit(db: RelayDb, communeCode: string, sessionToken: string | null): Promise<CommuneVisit | null> {
  let statement = visitStatements.get(db)
  if (!statement) visitStatements.set(db, (statement = prepareVisit(db)))
  const [row] = await statement.execute({ communeCode, tokenHash: sessionToken ? hashSecret(sessionToken) : null })
  if (!row) return null
  return { commune: row.commune, session: row.citizen && row.csrfToken ? { citizen: row.citizen, csrfToken: row.csrfToken } : null }
}

export async function endSession(db: RelayDb, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashSecret(token)))
}

export async function updatePreferences(
  db: RelayDb,
  citizenId: number,
  prefs: { displayName: string; topics: string[]; digest: string; alerts: boolean },
): Promise<void> {
  await db.update(citizens).set(prefs).where(eq(citizens.id, citizenId))
}

/** Everything the relay keeps about a citizen, as they can download it. */
export async function exportCitizen(db: RelayDb, citizen: Citizen) {
  const own = await db
    .select()
    .from(inputs)
    .where(and(eq(inputs.citizenId, citizen.id), isNull(inputs.removedAt)))
  const ownPhotos = await db
    .select({ id: photos.id, inputId: photos.inputId, width: photos.width, height: photos.height })
    .from(photos)
    .innerJoin(inputs, eq(inputs.id, photos.inputId))
    .where(eq(inputs.citizenId, citizen.id))
  const answers = await db
    .select({ poll: polls.title, answers: pollAnswers.answers, at: pollAnswers.updatedAt })
    .from(pollAnswers)
    .innerJoin(polls, eq(polls.id, pollAnswers.pollId))
    .where(eq(pollAnswers.citizenId, citizen.id))
  const reported = await db
    .select({ inputId: reports.inputId, reason: reports.reason, at: reports.createdAt })
    .from(reports)
    .where(eq(reports.citizenId, citizen.id))
  return {
    exportedAt: new Date().toISOString(),
    account: {
      email: citizen.email,
      displayName: citizen.displayName,
      pseudonymousId: citizen.pseudonymousId,
      topics: citizen.topics,
      digest: citizen.digest,
      alerts: citizen.alerts,
      residentVerifiedAt: citizen.residentVerifiedAt,
      createdAt: citizen.createdAt,
    },
    contributions: own.map((i) => ({
      id: i.id,
      kind: i.kind,
      title: i.title,
      body: i.body,
      topic: i.topic,
      projectExternalId: i.projectExternalId,
      address: i.address,
      latitude: i.latitude,
      longitude: i.longitude,
      status: i.status,
      moderation: i.moderation,
      publicAnswer: i.publicAnswer,
      createdAt: i.createdAt,
      photos: ownPhotos.filter((p) => p.inputId === i.id).map((p) => ({ id: p.id, width: p.width, height: p.height })),
    })),
    pollAnswers: answers,
    reports: reported,
  }
}

/**
 * Deletes an account: the address, name and preferences go, sessions end. Contributions stay anonymised, or are
 * removed too (text and photos erased, a tombstone tells the desktop) when the citizen asks for it.
 */
export async function deleteCitizen(db: RelayDb, citizen: Citizen, removeContributions: boolean): Promise<void> {
  await db.transaction(async (tx) => {
    const own = and(eq(inputs.citizenId, citizen.id), isNull(inputs.removedAt))
    if (removeContributions) {
      await tx.delete(photos).where(inArray(photos.inputId, tx.select({ id: inputs.id }).from(inputs).where(own)))
      await tx
        .update(inputs)
        .set({
          removedAt: sql`now()`,
          title: null,
          body: '',
          address: null,
          latitude: null,
          longitude: null,
          publicAnswer: null,
          seq: null,
          updatedAt: sql`now()`,
        })
        .where(own)
    } else {
      // The desktop learns that the author is now anonymous.
      await tx
        .update(inputs)
        .set({ seq: null, updatedAt: sql`now()` })
        .where(own)
    }
    await tx.delete(sessions).where(eq(sessions.citizenId, citizen.id))
    await tx
      .update(citizens)
      .set({ email: null, displayName: '', topics: [], digest: 'aucun', alerts: false, deletedAt: sql`now()` })
      .where(eq(citizens.id, citizen.id))
  })
}
