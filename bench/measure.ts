/** Timing helpers and the table row shared by the benchmark sections (bench/run.ts, bench/large.ts). */

export interface Row {
  method: string
  samples: number
  medianUs: number
  p95Us: number
  /** Median over the baseline's median, when the row has one. */
  ratio: number | null
  baseline: string | null
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[index]!
}

export function summarize(method: string, samplesNs: number[], baseline: Row | null = null): Row {
  const sorted = [...samplesNs].sort((a, b) => a - b).map((ns) => ns / 1000)
  const medianUs = percentile(sorted, 50)
  return {
    method,
    samples: sorted.length,
    medianUs,
    p95Us: percentile(sorted, 95),
    ratio: baseline ? medianUs / baseline.medianUs : null,
    baseline: baseline?.method ?? null,
  }
}

export function timeNs(run: () => unknown): number {
  const start = process.hrtime.bigint()
  run()
  return Number(process.hrtime.bigint() - start)
}

export async function timeAsyncNs(run: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint()
  await run()
  return Number(process.hrtime.bigint() - start)
}

/** Prints rows as a table, in µs (the default) or in ms. */
export function printRows(rows: Row[], unit: 'µs' | 'ms' = 'µs'): void {
  const scale = unit === 'ms' ? 1000 : 1
  const digits = unit === 'ms' ? 2 : 1
  const header = ['méthode', `médiane ${unit}`, `p95 ${unit}`, 'ratio / référence']
  const lines = rows.map((r) => [
    r.method,
    (r.medianUs / scale).toFixed(digits),
    (r.p95Us / scale).toFixed(digits),
    r.ratio === null ? '—' : `× ${r.ratio.toFixed(2)}`,
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)))
  const format = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')
  console.log(format(header))
  console.log(widths.map((w) => '─'.repeat(w)).join('  '))
  for (const line of lines) console.log(format(line))
}
