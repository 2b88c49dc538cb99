export { formatCents } from './format'

/** Amounts travel in cents (integers); people type and read euros. */
export function centsToEuros(cents: number): number {
  return cents / 100
}

export function eurosToCents(euros: number | string): number {
  const value = typeof euros === 'string' ? Number(euros.replace(/\s/g, '').replace(',', '.')) : euros
  return Number.isFinite(value) ? Math.round(value * 100) : 0
}
