import { describe, expect, it } from 'vitest'
import { backupsToKeep } from './rotation'

const DAY = 86_400_000

function daily(from: string, days: number, hour = 9) {
  const start = new Date(`${from}T0${hour}:00:00`).getTime()
  return Array.from({ length: days }, (_, i) => ({ id: `b${i}`, createdAt: new Date(start + i * DAY) }))
}

describe('rotation', () => {
  it('keeps the last 7 days, one per week for 4 weeks and one per month for 12 months', () => {
    const backups = daily('2025-01-01', 500)
    const now = backups.at(-1)!.createdAt
    const keep = backupsToKeep(backups, now)
    const kept = backups.filter((b) => keep.has(b.id)).map((b) => b.createdAt.getTime())
    // 7 days + up to 3 more weeks + up to 11 more months, some shared.
    expect(kept.length).toBeGreaterThanOrEqual(7 + 3 + 9)
    expect(kept.length).toBeLessThanOrEqual(7 + 4 + 12)
    const ages = kept.map((t) => Math.round((now.getTime() - t) / DAY)).sort((a, b) => a - b)
    expect(ages.slice(0, 7)).toEqual([0, 1, 2, 3, 4, 5, 6])
    expect(Math.max(...ages)).toBeLessThan(366)
    expect(Math.max(...ages)).toBeGreaterThan(300)
  })

  it('always keeps the 3 most recent, even several the same day', () => {
    const morning = new Date('2026-05-04T08:00:00')
    const backups = [0, 1, 2, 3].map((i) => ({ id: `m${i}`, createdAt: new Date(morning.getTime() + i * 60_000) }))
    expect([...backupsToKeep(backups, new Date('2026-05-04T12:00:00'))].sort()).toEqual(['m1', 'm2', 'm3'])
  })

  it('keeps everything when there are few backups', () => {
    const backups = daily('2026-05-01', 3)
    expect(backupsToKeep(backups, new Date('2026-05-04T12:00:00')).size).toBe(3)
  })
})
