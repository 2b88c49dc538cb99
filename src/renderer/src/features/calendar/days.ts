/** Whole days from today (local time) to an ISO date; 0 for today. */
export function daysUntil(isoDate: string, today: Date = new Date()): number {
  const [y, m, d] = isoDate.split('-').map(Number)
  const due = Date.UTC(y!, m! - 1, d!)
  const start = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate())
  return Math.round((due - start) / 86_400_000)
}
