/**
 * The anonymous comparison's local state: whether the commune shares its scores (in settings), and the band's figures
 * as the relay last answered them (peer_benchmarks). Only figures the relay gave are kept: a domain with too few
 * communes has no row, and the number of communes that took part is kept to say how far from the minimum it is.
 */
import { eq } from 'drizzle-orm'
import type { Benchmark } from '../../../shared/relay'
import type { Db } from '../db/open'
import { peerBenchmarks, settings } from '../db/schema'

const SETTINGS_KEY = 'anonymousComparison'

export interface ComparisonSetting {
  sharing: boolean
  changedAt: string | null
  changedBy: string | null
  /** The relay's last answer: when, for which band, how many communes at most took part, its minimum. */
  received: { at: string; band: string | null; contributors: number; minimumCommunes: number } | null
}

const OFF: ComparisonSetting = { sharing: false, changedAt: null, changedBy: null, received: null }

export function readComparisonSetting(db: Db): ComparisonSetting {
  const row = db.select().from(settings).where(eq(settings.key, SETTINGS_KEY)).get()
  if (!row) return OFF
  const value = JSON.parse(row.value) as Partial<ComparisonSetting> | null
  return { ...OFF, ...(value && typeof value === 'object' ? value : {}) }
}

export function writeComparisonSetting(db: Db, value: ComparisonSetting): void {
  const text = JSON.stringify(value)
  db.insert(settings)
    .values({ key: SETTINGS_KEY, value: text })
    .onConflictDoUpdate({ target: settings.key, set: { value: text } })
    .run()
}

/** Replaces the local figures with the relay's answer, in one transaction. */
export function storeBenchmark(db: Db, benchmark: Benchmark, at: string): void {
  db.transaction((tx) => {
    tx.delete(peerBenchmarks).run()
    const rows = benchmark.band
      ? benchmark.domains
          .filter((d) => d.enough && d.median !== null)
          .map((d) => ({ band: benchmark.band!, domainId: d.domainId, median: d.median!, q1: d.q1, q3: d.q3, communes: d.communes, receivedAt: at }))
      : []
    if (rows.length) tx.insert(peerBenchmarks).values(rows).run()
    const setting = readComparisonSetting(tx)
    writeComparisonSetting(tx, {
      ...setting,
      received: {
        at,
        band: benchmark.band,
        contributors: Math.max(0, ...benchmark.domains.map((d) => d.communes)),
        minimumCommunes: benchmark.minimumCommunes,
      },
    })
  })
}

/** After the commune stops sharing: nothing of the relay's figures is kept. */
export function clearBenchmark(db: Db): void {
  db.delete(peerBenchmarks).run()
  writeComparisonSetting(db, { ...readComparisonSetting(db), received: null })
}
