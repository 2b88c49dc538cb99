/**
 * The results as a spreadsheet (XLSX, or CSV for French Excel): the participation, then one line per choice with the
 * online, paper and total counts and the share, then the short answers as text. Citizens' words never become formulas.
 */
import type { PollResults } from '../../../shared/contract/poll-results'
import { POLL_KIND_LABELS, QUESTION_KIND_LABELS } from '../../../shared/relay/vocabulary'
import { CSV_MIME, tableToCsv, tableToXlsx, XLSX_MIME, type Column } from '../exports/table'
import { fileSlug } from '../reports/generate'

interface Line {
  question: string
  kind: string
  choice: string
  online: number | null
  paper: number | null
  total: number | null
  percent: number | null
}

/** A cell starting with = + - @ (or a tab/return) would be run as a formula by a spreadsheet: it is kept as text. */
export function inertText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
}

const COLUMNS: Column<Line>[] = [
  { header: 'Question', kind: 'text', width: 40, value: (l) => inertText(l.question) },
  { header: 'Type', kind: 'text', width: 16, value: (l) => l.kind },
  { header: 'Choix ou réponse', kind: 'text', width: 50, value: (l) => inertText(l.choice) },
  { header: 'En ligne', kind: 'number', width: 10, value: (l) => l.online },
  { header: 'Sur papier', kind: 'number', width: 11, value: (l) => l.paper },
  { header: 'Total', kind: 'number', width: 10, value: (l) => l.total },
  { header: 'Part (%)', kind: 'percent', width: 10, value: (l) => l.percent },
]

export function resultLines(results: PollResults): Line[] {
  const { participation } = results
  const lines: Line[] = [
    {
      question: 'Participation',
      kind: '',
      choice: results.provisional ? 'Participants (résultats provisoires)' : 'Participants',
      ...participation,
      percent: null,
    },
  ]
  for (const question of results.questions) {
    const kind = QUESTION_KIND_LABELS[question.kind]
    if (question.kind === 'texte_court') {
      for (const answer of question.texts)
        lines.push({ question: question.label, kind, choice: answer.text, online: null, paper: null, total: null, percent: null })
      if (question.texts.length === 0)
        lines.push({ question: question.label, kind, choice: 'Aucune réponse', online: null, paper: null, total: null, percent: null })
      continue
    }
    for (const option of question.options)
      lines.push({
        question: question.label,
        kind,
        choice: option.label,
        online: option.online,
        paper: option.paper,
        total: option.total,
        percent: option.percent,
      })
    lines.push({ question: question.label, kind, choice: 'Ont répondu à la question', ...question.answered, percent: null })
  }
  return lines
}

export function resultsFileStem(results: PollResults, today: string): string {
  return `resultats-${fileSlug(`${POLL_KIND_LABELS[results.poll.kind]} ${results.poll.title}`)}-${today}`
}

export async function resultsSpreadsheet(results: PollResults, format: 'xlsx' | 'csv', now: Date, today: string) {
  const lines = resultLines(results)
  const stem = resultsFileStem(results, today)
  if (format === 'csv')
    return { fileName: `${stem}.csv`, mimeType: CSV_MIME, contentBase64: Buffer.from(tableToCsv(COLUMNS, lines), 'utf8').toString('base64') }
  const bytes = await tableToXlsx('Résultats', COLUMNS, lines, now)
  return { fileName: `${stem}.xlsx`, mimeType: XLSX_MIME, contentBase64: bytes.toString('base64') }
}
