/**
 * One process, one kind of PDF: a warm-up, then `runs` timed generations. Its peak memory (maxRSS) is that of a
 * process doing only this, so reports and raw pdfmake are compared on equal terms. Prints one JSON line.
 * Usage: tsx bench/report-child.ts <report|idle|raw> <dataDir|pageCount> <request JSON|-> <runs>
 * `idle` opens the same database and reads what the report reads (dashboard, diagnostic), without writing a PDF: the
 * memory a process of the app holds anyway, which the report's peak is compared with.
 */
import pdfmake from 'pdfmake'
import type { TDocumentDefinitions } from 'pdfmake/interfaces'
import { createTestCore, ok } from '../src/main/core/testing'
import { FONT_FILES } from '../src/main/core/reports/pdf'

/** A plain document of exactly `pages` A4 pages of table text, in the same fonts: what pdfmake costs by itself. */
export function rawDocument(pages: number): TDocumentDefinitions {
  const row = (i: number) => [`Ligne ${i}`, 'Texte de remplissage représentatif d’un rapport, avec accents é è ç œ « » €', `${i * 3} %`]
  const content = Array.from({ length: pages }, (_, page) => ({
    table: { headerRows: 1, widths: [60, '*', 50], body: [['N°', 'Libellé', 'Part'], ...Array.from({ length: 36 }, (_, i) => row(page * 36 + i))] },
    pageBreak: page === 0 ? undefined : ('before' as const),
  }))
  return {
    pageSize: 'A4',
    pageMargins: [48, 56, 48, 52],
    content,
    defaultStyle: { font: 'Roboto', fontSize: 9 },
    footer: (current: number, total: number) => ({ text: `Page ${current} / ${total}`, alignment: 'right', margin: [48, 16] }),
  }
}

async function main(): Promise<void> {
  const [mode, target, requestJson, runsText] = process.argv.slice(2)
  const runs = Number(runsText ?? 5)
  const times: number[] = []
  let pageCount = 0
  if (mode === 'raw') {
    pdfmake.addFonts({ Roboto: FONT_FILES })
    pdfmake.setUrlAccessPolicy(() => false)
    pdfmake.setLocalAccessPolicy(() => true)
    const pages = Number(target)
    for (let i = 0; i <= runs; i++) {
      const start = performance.now()
      let counted = 0
      const definition = rawDocument(pages)
      const footer = definition.footer as (current: number, total: number) => unknown
      definition.footer = ((current: number, total: number) => ((counted = total), footer(current, total))) as TDocumentDefinitions['footer']
      await pdfmake.createPdf(definition).getBuffer()
      if (i > 0) times.push(performance.now() - start)
      pageCount = counted
    }
  } else if (mode === 'idle') {
    const { core, session } = createTestCore(target!, { validateOutput: false })
    const request = JSON.parse(requestJson!) as { campaignId?: number }
    for (let i = 0; i <= runs; i++) {
      const start = performance.now()
      await ok(core, session, 'dashboard.get', {})
      if (request.campaignId) await ok(core, session, 'diagnostic.get', { campaignId: request.campaignId })
      if (i > 0) times.push(performance.now() - start)
    }
    pageCount = 1
    core.close()
  } else {
    const { core, session } = createTestCore(target!, { validateOutput: false })
    for (let i = 0; i <= runs; i++) {
      const start = performance.now()
      const file = await ok(core, session, 'reports.generate', { request: JSON.parse(requestJson!), jobId: 'banc' })
      if (i > 0) times.push(performance.now() - start)
      pageCount = file.pageCount
    }
    core.close()
  }
  times.sort((a, b) => a - b)
  const median = times[Math.floor(times.length / 2)]!
  console.log(JSON.stringify({ medianMs: median, maxMs: times.at(-1), pageCount, maxRssMb: process.resourceUsage().maxRSS / 1024 }))
}

void main()
