/**
 * (f) PDF reports: the diagnostic report (every criterion of the real référentiel, two campaigns, comments) and the
 * dashboard report of a commune with 500 projects (bench/generate.ts), each against raw pdfmake writing a plain
 * document of the same page count in the same fonts, in the same run. Each measurement runs in its own process
 * (bench/report-child.ts) so that its peak memory is its own. Targets (1.5 s, 300 MB) are printed, never asserted.
 */
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { seedReportCommune } from '../src/main/core/testing/seed-reports'
import { APP_ROOT, createSetUpCore, type TempDirs } from '../src/main/core/testing'
import { generateLargeCommune } from './generate'

export const REPORT_TARGETS = { milliseconds: 1500, megabytes: 300 } as const
const RUNS = 5

export interface ReportRow {
  label: string
  pageCount: number
  medianMs: number
  maxRssMb: number
  rawMedianMs: number
  rawMaxRssMb: number
  /** The same process reading the same data without writing a PDF. */
  idleMaxRssMb: number
}

interface ChildResult {
  medianMs: number
  pageCount: number
  maxRssMb: number
}

function child(args: string[]): ChildResult {
  const output = execFileSync(process.execPath, ['--import', 'tsx', join(APP_ROOT, 'bench', 'report-child.ts'), ...args], { encoding: 'utf8' })
  return JSON.parse(output.trim().split('\n').at(-1)!) as ChildResult
}

function measure(label: string, dataDir: string, request: object): ReportRow {
  const report = child(['report', dataDir, JSON.stringify(request), String(RUNS)])
  const raw = child(['raw', String(report.pageCount), '-', String(RUNS)])
  const idle = child(['idle', dataDir, JSON.stringify(request), String(RUNS)])
  return {
    label,
    pageCount: report.pageCount,
    medianMs: report.medianMs,
    maxRssMb: report.maxRssMb,
    rawMedianMs: raw.medianMs,
    rawMaxRssMb: raw.maxRssMb,
    idleMaxRssMb: idle.maxRssMb,
  }
}

export async function benchReports(tempDirs: TempDirs): Promise<ReportRow[]> {
  const diagnostic = await createSetUpCore(tempDirs.make())
  const seeded = await seedReportCommune(diagnostic.core, diagnostic.session)
  diagnostic.core.close()

  const large = await generateLargeCommune({ dataDir: tempDirs.make(), projects: 500, tasks: 12_500, comments: 5_000, auditRows: 50_000 })
  large.test.core.close()

  return [
    measure('Rapport de diagnostic (tous les critères)', diagnostic.dataDir, { kind: 'diagnostic', campaignId: seeded.campaignId }),
    measure('Tableau de bord (500 projets)', large.dataDir, { kind: 'dashboard' }),
  ]
}

export function printReportRows(rows: ReportRow[]): void {
  console.log(`\nRapports PDF (médiane de ${RUNS} générations après une de mise en route ; mémoire : pic du processus)`)
  for (const row of rows) {
    console.log(
      `  ${row.label} : ${row.pageCount} pages, ${row.medianMs.toFixed(0)} ms (cible ${REPORT_TARGETS.milliseconds} ms), ` +
        `pic ${row.maxRssMb.toFixed(0)} Mo dont ${(row.maxRssMb - row.idleMaxRssMb).toFixed(0)} Mo pour le rapport (cible ${REPORT_TARGETS.megabytes} Mo ; ` +
        `le même processus sans PDF : ${row.idleMaxRssMb.toFixed(0)} Mo)` +
        ` — pdfmake seul, même nombre de pages : ${row.rawMedianMs.toFixed(0)} ms, ${row.rawMaxRssMb.toFixed(0)} Mo — × ${(row.medianMs / row.rawMedianMs).toFixed(2)} en temps`,
    )
  }
}
