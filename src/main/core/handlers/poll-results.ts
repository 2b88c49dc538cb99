import { AuditTrail } from '../audit'
import type { HandlersOf } from '../handler'
import { getPollRow, storedQuestions } from '../polls/polls'
import { checkedPaperCounts, deletePaper, paperEntryOf, paperInWords, readResults, writePaper } from '../poll-results/results'
import { resultsFileStem, resultsSpreadsheet } from '../poll-results/spreadsheet'
import type { Db } from '../db/open'
import { todayOf } from '../today'
import { createReportContext } from '../reports/context'
import { reportDocument } from '../reports/layout'
import { renderPdf } from '../reports/pdf'
import { pollResultsSections, pollTitle } from '../reports/poll-report'

/** What the journal keeps of a poll's paper ballots: the poll's title, the number of ballots, the counts in words. */
function audited(db: Db, pollId: number) {
  const row = getPollRow(db, pollId)
  const paper = paperEntryOf(db, pollId)
  return paper ? { poll: row.title, ballots: paper.ballots, counts: paperInWords(storedQuestions(row), paper.counts) } : null
}

export const pollResultsHandlers: HandlersOf<'pollResults'> = {
  'pollResults.get': ({ pollId }, context) => readResults(context.db, pollId, todayOf(context)),

  'pollResults.setPaper': ({ pollId, ballots, counts }, context) => {
    const at = context.now().toISOString()
    context.db.transaction((tx) => {
      const row = getPollRow(tx, pollId)
      const kept = checkedPaperCounts(storedQuestions(row), { ballots, counts })
      const before = audited(tx, pollId)
      writePaper(tx, pollId, ballots, kept, at, context.actor.displayName)
      const after = audited(tx, pollId)!
      const trail = new AuditTrail(tx, context.actor, at)
      if (before) trail.updated('paperBallots', pollId, before, after)
      else trail.created('paperBallots', pollId, after)
    })
    return readResults(context.db, pollId, todayOf(context))
  },

  'pollResults.removePaper': ({ pollId }, context) => {
    const at = context.now().toISOString()
    context.db.transaction((tx) => {
      const before = audited(tx, pollId)
      if (!before) return
      deletePaper(tx, pollId)
      new AuditTrail(tx, context.actor, at).deleted('paperBallots', pollId, before)
    })
    return readResults(context.db, pollId, todayOf(context))
  },

  'pollResults.export': async ({ pollId, format }, context) =>
    resultsSpreadsheet(readResults(context.db, pollId, todayOf(context)), format, context.now(), todayOf(context)),

  'pollResults.pdf': async ({ pollId }, context) => {
    const today = todayOf(context)
    const results = readResults(context.db, pollId, today)
    const report = await createReportContext(context, 1, () => {})
    const title = results.provisional ? 'Résultats provisoires de la consultation' : 'Résultats de la consultation'
    const frame = report.frame(title, pollTitle(results))
    const pdf = await renderPdf(reportDocument(frame, pollResultsSections(results, { newPage: false }), { tableOfContents: false, cover: false }))
    return {
      fileName: `${resultsFileStem(results, today)}.pdf`,
      mimeType: 'application/pdf' as const,
      contentBase64: pdf.bytes.toString('base64'),
      title: `${frame.title} — ${frame.subtitle}`,
      pageCount: pdf.pageCount,
    }
  },
}
