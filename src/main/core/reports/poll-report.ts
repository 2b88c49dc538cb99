/**
 * The results of a poll or vote: participation, then per question a chart (online and paper stacked, the screen's
 * configuration) and a table of online / paper / total / share, then the short answers as plain text. A report of its
 * own (`pollResults.pdf`) and a part of the dossier de séance.
 */
import type { Content } from 'pdfmake/interfaces'
import type { Poll } from '../../../shared/contract'
import type { PollResults } from '../../../shared/contract/poll-results'
import { pollResultsBarsConfig } from '../../../shared/charts/configs'
import { formatDate, formatInteger, formatPercent, formatPeriod } from '../../../shared/format'
import { POLL_KIND_LABELS } from '../../../shared/relay/vocabulary'
import { addMonths } from '../days'
import { chartSvg } from './charts'
import type { ReportContext } from './context'
import { chart, emptyNote, facts, figures, h1, h2, h3, paragraph, table, CONTENT_WIDTH } from './layout'

export function pollTitle(results: Pick<PollResults, 'poll'>): string {
  return `${POLL_KIND_LABELS[results.poll.kind]} « ${results.poll.title} »`
}

/**
 * `level` 1: the poll's own PDF (its title a part of the report); 2: one poll among others in the dossier de séance,
 * under « Résultats des consultations ».
 */
export function pollResultsSections(results: PollResults, options: { newPage: boolean; level?: 1 | 2 }): Content[] {
  const { participation, poll } = results
  const nested = options.level === 2
  const content: Content[] = [nested ? h2(pollTitle(results)) : h1(pollTitle(results), { newPage: options.newPage })]
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
      { value: formatInteger(participation.total), label: participation.total > 1 ? 'participants' : 'participant' },
      { value: formatInteger(participation.online), label: 'en ligne' },
      { value: formatInteger(participation.paper), label: 'sur papier' },
    ]),
  )
  for (const question of results.questions) {
    const heading = nested ? h3(question.label) : h2(question.label, { toc: false })
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

/** The polls and votes a dossier de séance reports on: those whose last day falls in `start`…`end` (both included). */
export interface CouncilPollPeriod {
  start: string
  end: string
  /** Where the period starts, in the words of the PDF's sentence. */
  since: { kind: 'budget'; year: number } | { kind: 'previous' } | { kind: 'quarter' }
}

/**
 * Since the council's previous meeting — the one given, else the budget sessions the commune planned — else the three
 * months before the meeting: the council meets at least once a quarter (CGCT L2121-7). A poll closing on the previous
 * meeting's day was still open during it, so that day is included.
 */
export function councilPollPeriod(
  meetingDate: string,
  budgetSessions: { year: number; plannedOn: string }[],
  previousMeetingDate: string | null = null,
): CouncilPollPeriod {
  if (previousMeetingDate !== null) {
    const budget = budgetSessions.find((session) => session.plannedOn === previousMeetingDate)
    return { start: previousMeetingDate, end: meetingDate, since: budget ? { kind: 'budget', year: budget.year } : { kind: 'previous' } }
  }
  const quarter = addMonths(meetingDate, -3)
  const previous =
    budgetSessions
      .filter((session) => session.plannedOn < meetingDate && session.plannedOn >= quarter)
      .sort((a, b) => a.plannedOn.localeCompare(b.plannedOn))
      .at(-1) ?? null
  return previous
    ? { start: previous.plannedOn, end: meetingDate, since: { kind: 'budget', year: previous.year } }
    : { start: quarter, end: meetingDate, since: { kind: 'quarter' } }
}

function periodStartWords(period: CouncilPollPeriod): string {
  if (period.since.kind === 'budget') return `depuis la séance du vote du budget ${period.since.year}`
  if (period.since.kind === 'previous') return 'depuis la séance précédente du conseil'
  return 'les trois mois précédant la séance'
}

/** « Résultats des consultations »: each poll or vote closed in the period, as its own PDF shows it; those still open, named only. */
export async function councilPollsSections(context: ReportContext, meetingDate: string, previousMeetingDate: string | null): Promise<Content[]> {
  const period = councilPollPeriod(meetingDate, await context.read('calendar.budgetSessions', {}), previousMeetingDate)
  const { items } = await context.read('polls.list', {})
  const published = items.filter((poll) => poll.withdrawnAt === null).sort((a, b) => a.closesOn.localeCompare(b.closesOn) || a.id - b.id)
  const closed: PollResults[] = []
  const stillOpen: Poll[] = []
  for (const poll of published) {
    if (poll.opensOn > period.end) continue
    if (poll.closesOn > period.end) stillOpen.push(poll)
    else if (poll.closesOn >= period.start) {
      const results = await context.read('pollResults.get', { pollId: poll.id })
      // Printed before its last day: the figures would still move, and results « à la clôture » must not leak early.
      if (results.provisional) stillOpen.push(poll)
      else closed.push(results)
    }
  }
  const content: Content[] = [
    h1('Résultats des consultations', { newPage: true }),
    paragraph(`Consultations et votes clos ${formatPeriod(period.start, period.end)} : ${periodStartWords(period)}.`),
  ]
  if (closed.length === 0) content.push(emptyNote(`Aucune consultation ni aucun vote n’a été clos ${formatPeriod(period.start, period.end)}.`))
  for (const results of closed) content.push(...pollResultsSections(results, { newPage: false, level: 2 }))
  if (stillOpen.length > 0)
    content.push(
      h2('Consultations encore ouvertes à l’édition du dossier'),
      paragraph('Leurs résultats ne sont pas encore définitifs : ils seront présentés après la clôture.'),
      {
        ul: stillOpen.map((poll) => `${pollTitle({ poll })} : ${formatPeriod(poll.opensOn, poll.closesOn)}`),
        margin: [0, 0, 0, 8],
      },
    )
  return content
}
