/**
 * `planning.ics`: the planning as an iCalendar file for Outlook, Thunderbird or a phone — an all-day event per task
 * due date, per action due date and per legal deadline of the regulatory calendar (the same computation as
 * `calendar.upcoming`, from today to the end of the mandate). With `memberId`: only that person's tasks, plus the
 * legal deadlines. UIDs are built from the commune's INSEE code and the record's id, so importing the file again
 * updates the events instead of duplicating them.
 */
import { ACTION_STATUS_LABELS, TASK_STATUS_LABELS, type ACTION_STATUSES, type MethodOutput } from '../../../shared/contract'
import { AppError } from '../../../shared/errors'
import { formatDate } from '../../../shared/format'
import { foldForSearch } from '../../../shared/text'
import { readBudgetSessions } from '../calendar/budget-sessions'
import { currentMandate } from '../commune/queries'
import { upcomingDeadlines } from '../diagnostic/calendar'
import { communeContext } from '../diagnostic/read'
import type { HandlerContext } from '../handler'
import { prepared } from '../db/sql'
import { taskList } from '../projects/queries'
import { isDone } from '../projects/rules'
import { todayOf } from '../today'
import { writeIcs, type IcsEvent } from './ics'

const ACTIONS_SQL = `SELECT a.id AS id, a.title AS title, a.description AS description, a.due_on AS dueOn, a.status AS status, p.title AS projectTitle
  FROM project_actions a JOIN projects p ON p.id = a.project_id
  WHERE a.due_on IS NOT NULL ORDER BY a.due_on, a.id`

/** Months of legal deadlines: to the end of the mandate (at least a year, at most the calendar's six years). */
function deadlineMonths(today: string, endYear: number | null): number {
  if (endYear === null) return 12
  const [year, month] = today.split('-').map(Number) as [number, number]
  return Math.min(72, Math.max(12, (endYear - year) * 12 + (12 - month) + 1))
}

function slug(text: string): string {
  return foldForSearch(text).replace(/ /g, '-')
}

/** « Fenêtre : du 25 janvier au 25 mars 2027 » for a deadline that is a period. */
function windowLine(deadline: { windowStart: string | null; dueOn: string; fromBudgetSession: boolean }): string {
  if (!deadline.windowStart) return ''
  const bound = deadline.fromBudgetSession ? 'séance budgétaire prévue' : 'date limite légale du budget, faute de date de séance indiquée'
  return `Fenêtre : du ${formatDate(deadline.windowStart)} au ${formatDate(deadline.dueOn)} (${bound})`
}

export function planningIcs(context: HandlerContext, memberId: number | null): MethodOutput<'planning.ics'> {
  const { sqlite } = context
  const now = context.now()
  const today = todayOf(context)
  const insee = (sqlite.prepare('SELECT insee_code AS code FROM commune WHERE id = 1').get() as { code: string } | undefined)?.code ?? 'commune'
  const domain = `${insee}.cap-commune`

  let person: { firstName: string; lastName: string } | null = null
  if (memberId !== null) {
    person =
      (sqlite.prepare('SELECT first_name AS firstName, last_name AS lastName FROM members WHERE id = ?').get(memberId) as
        { firstName: string; lastName: string } | undefined) ?? null
    if (person === null)
      throw new AppError('NOT_FOUND', "Cette personne ne fait plus partie de l'équipe : la liste a peut-être été modifiée entre-temps.")
  }

  const events: IcsEvent[] = []
  const tasks = taskList(context.db, { includeDone: true, withDueDate: true, order: 'dueDate', assigneeMemberId: memberId ?? undefined }, today)
  for (const task of tasks) {
    events.push({
      uid: `tache-${task.id}@${domain}`,
      date: task.dueOn!,
      summary: isDone(task.status) ? `✓ ${task.title}` : task.title,
      description: [
        `Projet : ${task.projectTitle}`,
        `Statut : ${TASK_STATUS_LABELS[task.status]}`,
        task.assigneeName ? `Responsable : ${task.assigneeName}` : '',
        task.description,
      ]
        .filter(Boolean)
        .join('\n'),
      categories: ['Tâche'],
    })
  }
  if (memberId === null) {
    const actions = prepared(sqlite, ACTIONS_SQL).all() as {
      id: number
      title: string
      description: string
      dueOn: string
      status: (typeof ACTION_STATUSES)[number]
      projectTitle: string
    }[]
    for (const action of actions) {
      events.push({
        uid: `action-${action.id}@${domain}`,
        date: action.dueOn,
        summary: `${action.projectTitle} — ${action.title}`,
        description: [`Action du projet « ${action.projectTitle} »`, `Statut : ${ACTION_STATUS_LABELS[action.status]}`, action.description]
          .filter(Boolean)
          .join('\n'),
        categories: ['Action'],
      })
    }
  }
  const mandate = currentMandate(context.db)
  const months = deadlineMonths(today, mandate?.endYear ?? null)
  const deadlines = upcomingDeadlines({
    referentiel: context.referentiel().referentiel,
    context: communeContext(context.db),
    mandate,
    budgetSessions: readBudgetSessions(context.db),
    from: today,
    months,
  })
  for (const deadline of deadlines) {
    const legal = deadline.legalBasis.map((l) => `${l.code} ${l.article}`).join(', ')
    events.push({
      uid: `echeance-${deadline.deadlineId}-${deadline.dueOn}@${domain}`,
      date: deadline.dueOn,
      summary: `Échéance légale : ${deadline.title}`,
      description: [deadline.description, windowLine(deadline), legal ? `Base légale : ${legal}` : ''].filter(Boolean).join('\n'),
      categories: ['Échéance légale'],
    })
  }
  events.sort((a, b) => a.date.localeCompare(b.date) || a.uid.localeCompare(b.uid))

  const name = person ? `Cap Commune — ${person.firstName} ${person.lastName}` : 'Cap Commune'
  const text = writeIcs({ name, stamp: now, events })
  return {
    fileName: person ? `cap-commune-${slug(`${person.firstName} ${person.lastName}`)}.ics` : 'cap-commune.ics',
    mimeType: 'text/calendar;charset=utf-8',
    contentBase64: Buffer.from(text, 'utf8').toString('base64'),
  }
}
