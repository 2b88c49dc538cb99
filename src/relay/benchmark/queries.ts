/**
 * The anonymous comparison: a commune shares its per-domain scores with its population band; anyone of the band reads
 * the median and quartiles per domain, only where at least MIN_COMMUNES_FOR_COMPARISON communes contribute. No name,
 * no single commune's figure ever leaves the relay.
 */
import { eq, sql } from 'drizzle-orm'
import type { z } from 'zod'
import type { Benchmark, benchmarkShareInput } from '../../shared/relay/api'
import { MIN_COMMUNES_FOR_COMPARISON } from '../../shared/relay/vocabulary'
import { type RelayDb, queryRows } from '../db/open'
import { sharedScores } from '../db/schema'

export async function shareScores(db: RelayDb, communeCode: string, input: z.output<typeof benchmarkShareInput>): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(sharedScores).where(eq(sharedScores.communeCode, communeCode))
    if (input.scores.length) {
      await tx.insert(sharedScores).values(input.scores.map((s) => ({ communeCode, band: input.band, domainId: s.domainId, score: s.score })))
    }
  })
}

export async function withdrawScores(db: RelayDb, communeCode: string): Promise<boolean> {
  const rows = await db.delete(sharedScores).where(eq(sharedScores.communeCode, communeCode)).returning({ d: sharedScores.domainId })
  return rows.length > 0
}

export async function bandBenchmark(db: RelayDb, communeCode: string): Promise<Benchmark> {
  const [own] = await db.select({ band: sharedScores.band }).from(sharedScores).where(eq(sharedScores.communeCode, communeCode)).limit(1)
  if (!own) return { band: null, minimumCommunes: MIN_COMMUNES_FOR_COMPARISON, domains: [] }
  const result = await queryRows<{ domain_id: string; communes: number; q1: number; median: number; q3: number }>(
    db,
    sql`
    SELECT domain_id, count(*)::int AS communes,
      percentile_cont(0.25) WITHIN GROUP (ORDER BY score) AS q1,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY score) AS median,
      percentile_cont(0.75) WITHIN GROUP (ORDER BY score) AS q3
    FROM shared_scores s
    JOIN communes c ON c.code = s.commune_code AND c.disabled_at IS NULL
    WHERE s.band = ${own.band}
    GROUP BY domain_id
    ORDER BY domain_id`,
  )
  return {
    band: own.band as Benchmark['band'],
    minimumCommunes: MIN_COMMUNES_FOR_COMPARISON,
    domains: result.map((r) => {
      const enough = Number(r.communes) >= MIN_COMMUNES_FOR_COMPARISON
      const round = (v: number) => Math.round(Number(v) * 10) / 10
      return {
        domainId: r.domain_id,
        communes: Number(r.communes),
        enough,
        median: enough ? round(r.median) : null,
        q1: enough ? round(r.q1) : null,
        q3: enough ? round(r.q3) : null,
      }
    }),
  }
}
