/**
 * Which backups to keep: the newest of each of the last 7 days, of the last 4 weeks and of the last 12 months, and
 * always the 3 most recent whatever their kind (a backup made just before a restore is never the first to go).
 * Anything else is removed, so the folder never grows without bound.
 */
export interface RotationPolicy {
  days: number
  weeks: number
  months: number
  latest: number
}

export const DEFAULT_ROTATION: RotationPolicy = { days: 7, weeks: 4, months: 12, latest: 3 }

export interface Dated {
  id: string
  createdAt: Date
}

const DAY_MS = 24 * 60 * 60 * 1000

function localDay(date: Date): number {
  return Math.floor((date.getTime() - date.getTimezoneOffset() * 60_000) / DAY_MS)
}

/** Monday-based week number since the epoch (1970-01-01 was a Thursday). */
function localWeek(date: Date): number {
  return Math.floor((localDay(date) + 3) / 7)
}

function localMonth(date: Date): number {
  return date.getFullYear() * 12 + date.getMonth()
}

/** The ids to keep, given every backup of one folder; the others may be deleted. */
export function backupsToKeep(backups: readonly Dated[], now: Date, policy: RotationPolicy = DEFAULT_ROTATION): Set<string> {
  const newestFirst = [...backups].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
  const keep = new Set(newestFirst.slice(0, policy.latest).map((b) => b.id))
  const buckets: [(date: Date) => number, number][] = [
    [localDay, policy.days],
    [localWeek, policy.weeks],
    [localMonth, policy.months],
  ]
  for (const [bucketOf, count] of buckets) {
    const current = bucketOf(now)
    const seen = new Set<number>()
    for (const backup of newestFirst) {
      const bucket = bucketOf(backup.createdAt)
      // A backup dated in the future (clock changed) counts as today's.
      if (Math.min(bucket, current) <= current - count || seen.has(bucket)) continue
      seen.add(bucket)
      keep.add(backup.id)
    }
  }
  return keep
}
