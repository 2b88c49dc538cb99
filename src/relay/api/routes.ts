/** The sync API for paired desktops: every endpoint of src/shared/relay/api.ts, scoped to the token's commune. */
import type { Hono } from 'hono'
import { eq } from 'drizzle-orm'
import { RELAY_API_VERSION } from '../../shared/relay/api'
import { bandBenchmark, shareScores, withdrawScores } from '../benchmark/queries'
import { claimPairingCode } from '../communes/queries'
import type { RelayContext } from '../context'
import { communes } from '../db/schema'
import { endpoint } from '../http/api'
import { notFound, RelayHttpError } from '../http/errors'
import { jsonText } from '../http/json'
import { pullPage, updateFromMairie } from '../inputs/queries'
import { removeNews, upsertNews } from '../news/queries'
import { findPoll, pollResults, removePoll, upsertPoll } from '../polls/queries'
import { portalUrl } from '../portal/urls'
import { removeProject, upsertProject } from '../projects/queries'
import { createBatch, listBatches, revokeBatch } from '../residents/queries'
import { allow, LIMITS } from '../security/rate-limit'

const EXTERNAL_ID = /^[A-Za-z0-9_-]{1,64}$/

function externalIdOf(params: Record<string, string>): string {
  const id = params.externalId ?? ''
  if (!EXTERNAL_ID.test(id))
    throw new RelayHttpError(400, 'identifiant_invalide', 'L’identifiant doit contenir de 1 à 64 lettres, chiffres, tirets ou soulignés.')
  return id
}

function numericId(params: Record<string, string>): number {
  const id = Number(params.id)
  if (!/^\d{1,15}$/.test(params.id ?? '') || !Number.isSafeInteger(id)) throw notFound()
  return id
}

export function mountApi(app: Hono, relay: RelayContext): void {
  const db = relay.database.db

  endpoint(app, relay, 'pairing.claim', async ({ body, ip }) => {
    if (!(await allow(db, LIMITS.pairingPerIp, ip, relay.config.rateLimitFactor)))
      throw new RelayHttpError(429, 'trop_de_tentatives', 'Trop de tentatives d’appairage : réessayez dans une heure.')
    const claimed = await claimPairingCode(db, body.code)
    relay.log(`Commune ${claimed.code} appairée.`)
    return {
      token: claimed.token,
      commune: { code: claimed.code, name: claimed.name, portalUrl: portalUrl(relay, claimed.code) },
      apiVersion: RELAY_API_VERSION,
    }
  })

  endpoint(app, relay, 'commune.get', async ({ commune }) => {
    const [row] = await db.select().from(communes).where(eq(communes.code, commune))
    return { code: row!.code, name: row!.name, population: row!.population, portalUrl: portalUrl(relay, commune), apiVersion: RELAY_API_VERSION }
  })

  endpoint(app, relay, 'projects.put', ({ commune, params, body }) => upsertProject(db, commune, externalIdOf(params), body))
  endpoint(app, relay, 'projects.delete', async ({ commune, params }) => ({ removed: await removeProject(db, commune, externalIdOf(params)) }))
  endpoint(app, relay, 'news.put', ({ commune, params, body }) => upsertNews(relay, commune, externalIdOf(params), body))
  endpoint(app, relay, 'news.delete', async ({ commune, params }) => ({ removed: await removeNews(db, commune, externalIdOf(params)) }))
  endpoint(app, relay, 'polls.put', ({ commune, params, body }) => upsertPoll(db, commune, externalIdOf(params), body))
  endpoint(app, relay, 'polls.delete', async ({ commune, params }) => ({ removed: await removePoll(db, commune, externalIdOf(params)) }))
  endpoint(app, relay, 'polls.results', async ({ commune, params }) => {
    const poll = await findPoll(db, commune, externalIdOf(params))
    if (!poll) throw notFound('Ce sondage')
    return pollResults(db, poll)
  })

  // The page as the database wrote it (its shape checked against the contract by inputs/feed.test.ts).
  endpoint(app, relay, 'inputs.pull', async ({ commune, query, hono }) => jsonText(hono, await pullPage(db, commune, query.after, query.limit)))
  endpoint(app, relay, 'inputs.update', ({ commune, params, body }) => updateFromMairie(db, commune, numericId(params), body))

  endpoint(app, relay, 'photos.get', async ({ commune, params, hono }) => {
    const bytes = await relay.photos.read(commune, numericId(params), 'image')
    if (!bytes) throw notFound('Cette photo')
    return hono.body(new Uint8Array(bytes), 200, { 'Content-Type': 'image/jpeg', 'Cache-Control': 'private, max-age=86400' })
  })

  endpoint(app, relay, 'residentCodes.list', async ({ commune }) => ({ batches: await listBatches(db, commune) }))
  endpoint(app, relay, 'residentCodes.create', ({ commune, body }) => createBatch(db, commune, body.label, body.count))
  endpoint(app, relay, 'residentCodes.revoke', ({ commune, params }) => revokeBatch(db, commune, numericId(params)))

  endpoint(app, relay, 'benchmark.share', async ({ commune, body }) => {
    await shareScores(db, commune, body)
    return bandBenchmark(db, commune)
  })
  endpoint(app, relay, 'benchmark.get', ({ commune }) => bandBenchmark(db, commune))
  endpoint(app, relay, 'benchmark.withdraw', async ({ commune }) => ({ removed: await withdrawScores(db, commune) }))
}
