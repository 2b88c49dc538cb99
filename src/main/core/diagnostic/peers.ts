/** Population bands for the comparison with similar communes: the same keys as the relay (src/shared/relay). */
import { asc, eq } from 'drizzle-orm'
import type { PeerComparison } from '../../../shared/contract'
import { populationBand } from '../../../shared/relay/bands'
import type { Db } from '../db/open'
import { peerBenchmarks } from '../db/schema'
import { readComparisonSetting } from '../portal/peer-benchmarks'
import { communePopulation } from './read'

export { POPULATION_BANDS, populationBand, type PopulationBand } from '../../../shared/relay/bands'

export const UNKNOWN_BAND_LABEL = 'population inconnue'

/** The band's figures kept from the relay's last answer, for the commune's current band only. */
export function peerComparison(db: Db): PeerComparison {
  const setting = readComparisonSetting(db)
  const band = populationBand(communePopulation(db))
  const received = setting.sharing && band && setting.received?.band === band.key ? setting.received : null
  const rows = received ? db.select().from(peerBenchmarks).where(eq(peerBenchmarks.band, band!.key)).orderBy(asc(peerBenchmarks.domainId)).all() : []
  return {
    available: rows.length > 0,
    sharing: setting.sharing,
    band: band?.label ?? UNKNOWN_BAND_LABEL,
    // The smallest sample behind any figure shown: the number to print next to them.
    communes: rows.length ? Math.min(...rows.map((r) => r.communes)) : 0,
    contributors: received?.contributors ?? 0,
    minimumCommunes: received?.minimumCommunes ?? null,
    receivedAt: received?.at ?? null,
    domains: rows.map((r) => ({ domainId: r.domainId, median: r.median, q1: r.q1, q3: r.q3, communes: r.communes })),
  }
}
