/**
 * The results of a poll or vote: participation, then per question a chart (online and paper stacked, the screen's
 * configuration) and a table of online / paper / total / share, then the short answers as plain text. A report of its
 * own (`pollResults.pdf`) and a part of the dossier de séance.
 */
import type { Content } from 'pdfmake/interfaces'
import type { PollResults } from '../../../shared/contract/poll-results'
import { pollResultsBarsConfig } from '../../../shared/charts/configs'
import { formatDate, formatInteger, formatPercent } from '../../../shared/format'
import { POLL_KIND_LABELS } from '../../../shared/relay/vocabulary'
import { chartSvg } from './charts'
import { chart, emptyNote, facts, figures, h1, h2, paragraph, table, CONTENT_WIDTH } from './layout'

export function pollTitle(results: PollResults): string {
  return `${POLL_KIND_LABELS[results.poll.kind]} « ${results.poll.title} »`
}

export function pollResultsSections(results: PollResults, options: { newPage: boolean }): Content[] {
  const { participation, poll } = results
  const content: Content[] = [h1(pollTitle(results), { newPage: options.newPage })]
  if (results.provisional)
    content.push(
      paragraph(
        `Résultats provisoires : la consultation ${results.stage === 'a_venir' ? 'n’est pas encore ouverte' : 'est encore ouverte'} (clôture le ${formatDate(poll.closesOn)}).${results.hiddenFromCitizens ? ' Les habitants ne verront les résultats qu’à la clôture.' : ''}`,
      ),
    )
  content.push(
    facts([
      ['Période', `du ${formatDate(poll.opensOn)} au ${formatDate(poll.closesOn)}`],
      ['Bulletins papier', results.paper ? `${formatInteger(results.paper.ballots)}, saisis par ${results.paper.updatedBy}` : 'aucun saisi'],
    ]),
    figures([
      { value: formatInteger(participation.total), label: 'participants' },
      { value: formatInteger(participation.online), label: 'en ligne' },
      { value: formatInteger(participation.paper), label: 'sur papier' },
    ]),
  )
  for (const question of results.questions) {
    const heading = h2(question.label, { toc: false })
    if (question.kind === 'texte_court') {
      content.push(heading)
      if (question.texts.length === 0) content.push(emptyNote('Aucune réponse écrite.'))
      else
        content.push(
          paragraph(
            question.texts.length > 1
              ? `${formatInteger(question.texts.length)} réponses écrites, telles que saisies :`
              : '1 réponse écrite, telle que saisie :',
          ),
          { ul: question.texts.map((t) => ({ text: t.text })), margin: [0, 0, 0, 8] },
        )
      continue
    }
    if (question.answered.total > 0) {
      const rows = question.options.map((o) => ({ label: o.label, online: o.online, paper: o.paper }))
      const drawn = chart('Réponses en ligne et sur papier', chartSvg(pollResultsBarsConfig(rows), CONTENT_WIDTH, rows.length * 30 + 70))
      // The question's title stays with its chart: never alone at the foot of a page.
      content.push({ stack: [heading, drawn], unbreakable: true })
    } else content.push(heading)
    type Row = (typeof question.options)[number] | ({ id: 'total'; label: string; percent: null } & typeof question.answered)
    const rows: Row[] = [...question.options, { id: 'total', label: 'Ont répondu', percent: null, ...question.answered }]
    content.push(
      table<Row>(
        [
          { header: 'Choix', width: '*', cell: (r) => (r.id === 'total' ? { text: r.label, bold: true } : r.label) },
          { header: 'En ligne', width: 50, cell: (r) => formatInteger(r.online) },
          { header: 'Sur papier', width: 55, cell: (r) => formatInteger(r.paper) },
          { header: 'Total', width: 45, cell: (r) => ({ text: formatInteger(r.total), bold: true }) },
          { header: 'Part', width: 45, cell: (r) => (r.percent === null ? '' : formatPercent(r.percent)) },
        ],
        rows,
      ),
    )
  }
  return content
}
