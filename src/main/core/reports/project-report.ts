/** The sheet of one project: facts, actions and their tasks, budget and funding, indicators, and its history. */
import type { Content } from 'pdfmake/interfaces'
import { indicatorLineConfig } from '../../../shared/charts/configs'
import {
  ACTION_STATUS_LABELS,
  FUNDER_LABELS,
  FUNDING_STATUS_LABELS,
  fundingObtainedCents,
  fundingTotals,
  PRIORITY_LABELS,
  PROJECT_STATUS_LABELS,
  TASK_STATUS_LABELS,
  type AuditEntry,
  type ProjectDetail,
  type Task,
} from '../../../shared/contract'
import { formatCents, formatDate, formatDateOrDash, formatDateTime, formatMeasure, formatPercent, formatPeriod } from '../../../shared/format'
import { chartSvg } from './charts'
import type { ReportContext, ReportPart } from './context'
import { domainTitles } from './dashboard-report'
import { CONTENT_WIDTH, emptyNote, facts, figures, h1, h2, paragraph, table } from './layout'

/** The history printed in a sheet: the most recent changes; the full trail stays in the app's journal. */
export const MAX_HISTORY_ROWS = 400
const HISTORY_PAGE = 200

function projectFacts(project: ProjectDetail, context: ReportContext): Content {
  const domains = domainTitles(context)
  const themes = project.themeIds.map((id) => context.handler.referentiel().themes.get(id)?.theme.title ?? id)
  const period = formatPeriod(project.startOn, project.endOn)
  return facts([
    ['Statut', PROJECT_STATUS_LABELS[project.status]],
    ['Priorité', PRIORITY_LABELS[project.priority]],
    ['Domaine', project.domainId ? (domains.get(project.domainId) ?? project.domainId) : 'Non précisé'],
    ...(themes.length > 0 ? [['Thèmes', themes.join(', ')] as [string, string]] : []),
    ['Élu référent', project.referentName ?? 'Non désigné'],
    ['Période', period],
    ['Avancement', project.progress === null ? 'Aucune tâche' : `${formatPercent(project.progress)} des tâches faites`],
    ['Créé', `le ${formatDate(project.createdAt)} par ${project.createdBy}`],
  ])
}

function checklistText(task: Task): string {
  if (task.checklist.length === 0) return ''
  return `\nListe : ${task.checklist.filter((i) => i.done).length} / ${task.checklist.length} fait${task.checklist.length > 1 ? 's' : ''}`
}

function tasksTable(tasks: Task[]): Content {
  return table(
    [
      { header: 'Tâche', width: '*', cell: (t) => ({ text: [t.title, { text: checklistText(t), style: 'small' }] }) },
      { header: 'Responsable', width: 95, cell: (t) => t.assigneeName ?? 'Personne' },
      {
        header: 'Échéance',
        width: 62,
        cell: (t) => ({ text: formatDateOrDash(t.dueOn), bold: t.overdue, color: t.overdue ? '#b3261e' : undefined }),
      },
      { header: 'Statut', width: 55, cell: (t) => (t.overdue ? `${TASK_STATUS_LABELS[t.status]} (en retard)` : TASK_STATUS_LABELS[t.status]) },
    ],
    tasks,
  )
}

function actionsAndTasks(project: ProjectDetail): Content[] {
  if (project.actions.length === 0 && project.tasks.length === 0) return [emptyNote('Ni action ni tâche pour l’instant.')]
  const content: Content[] = []
  for (const action of project.actions) {
    const tasks = project.tasks.filter((t) => t.actionId === action.id)
    const when = action.dueOn ? ` — échéance ${formatDate(action.dueOn)}` : ''
    content.push({
      text: [
        { text: action.title, bold: true },
        { text: ` (${ACTION_STATUS_LABELS[action.status]}${when})`, style: 'muted' },
      ],
      margin: [0, 6, 0, 2],
    })
    if (action.description) content.push({ text: action.description, style: 'small', margin: [0, 0, 0, 2] })
    content.push(tasks.length === 0 ? emptyNote('Aucune tâche dans cette action.') : tasksTable(tasks))
  }
  const loose = project.tasks.filter((t) => t.actionId === null)
  if (loose.length > 0)
    content.push({ text: project.actions.length > 0 ? 'Autres tâches' : 'Tâches', bold: true, margin: [0, 6, 0, 2] }, tasksTable(loose))
  return content
}

function budgetAndFunding(project: ProjectDetail): Content[] {
  const content: Content[] = [
    figures([
      { value: formatCents(project.budgetPlannedCents), label: 'Budget prévu' },
      { value: formatCents(project.budgetCommittedCents), label: 'Engagé' },
      { value: formatCents(project.budgetSpentCents), label: 'Réalisé' },
    ]),
  ]
  if (project.fundings.length === 0) return [...content, emptyNote('Aucune subvention demandée pour ce projet.')]
  const totals = fundingTotals(project.fundings)
  const t = table(
    [
      {
        header: 'Financeur',
        width: '*',
        cell: (f) => ({ text: [FUNDER_LABELS[f.funder], f.label ? { text: `\n${f.label}`, style: 'small' } : ''] }),
      },
      { header: 'Statut', width: 60, cell: (f) => FUNDING_STATUS_LABELS[f.status] },
      { header: 'Demandé le', width: 62, cell: (f) => formatDateOrDash(f.requestedOn) },
      { header: 'Décision', width: 62, cell: (f) => formatDateOrDash(f.decidedOn) },
      { header: 'Demandé', width: 70, align: 'right', cell: (f) => formatCents(f.requestedCents) },
      { header: 'Obtenu', width: 70, align: 'right', cell: (f) => (fundingObtainedCents(f) ? formatCents(fundingObtainedCents(f)) : '—') },
    ],
    project.fundings,
  )
  t.table.body.push([
    { text: 'Total (demandes envoyées)', bold: true, colSpan: 4, style: 'cell' },
    '',
    '',
    '',
    { text: formatCents(totals.requestedCents), bold: true, alignment: 'right', style: 'cell' },
    { text: formatCents(totals.obtainedCents), bold: true, alignment: 'right', style: 'cell' },
  ])
  content.push(t, {
    text: 'Le total demandé compte les demandes envoyées (pas celles seulement envisagées) ; le montant obtenu, les subventions accordées ou versées (le montant demandé tant que le montant obtenu n’est pas saisi).',
    style: 'small',
  })
  return content
}

function indicators(project: ProjectDetail): Content[] {
  if (project.indicators.length === 0) return [emptyNote('Aucun indicateur d’impact pour ce projet.')]
  const content: Content[] = []
  for (const indicator of project.indicators) {
    const target = indicator.targetValue === null ? 'sans cible' : `cible ${formatMeasure(indicator.targetValue, indicator.unit)}`
    content.push({
      text: [
        { text: indicator.label, bold: true },
        { text: ` — ${target}${indicator.lowerIsBetter ? ' (plus bas, c’est mieux)' : ''}`, style: 'muted' },
      ],
      margin: [0, 6, 0, 2],
    })
    if (indicator.measurements.length === 0) {
      content.push(emptyNote('Aucune mesure enregistrée.'))
      continue
    }
    const svg = chartSvg(
      indicatorLineConfig({ label: indicator.label, unit: indicator.unit, points: indicator.measurements, target: indicator.targetValue }),
      CONTENT_WIDTH * 0.62,
      180,
    )
    content.push({
      columns: [
        { svg: svg.svg, width: svg.width },
        table(
          [
            { header: 'Date', width: 60, cell: (m) => formatDate(m.measuredOn) },
            {
              header: 'Valeur',
              width: '*',
              align: 'right',
              cell: (m) => formatMeasure(m.value, indicator.unit),
            },
          ],
          indicator.measurements.slice(-8),
        ),
      ],
      columnGap: 12,
      unbreakable: true,
    } as Content)
  }
  return content
}

/** One line of the project's history, in the journal's words (shared/audit-labels.ts). */
function historyLine({ display, label }: AuditEntry): string {
  const what = `${display.action} · ${display.entity}${label ? ` « ${label} »` : ''}`
  if (display.field === null) return `${what} — ${display.after !== '—' ? display.after : display.before}`
  // « de … à … » rather than an arrow, which the embedded font does not draw.
  return `${what} — ${display.field} : de ${display.before} à ${display.after}`
}

async function history(context: ReportContext, projectId: number): Promise<Content[]> {
  const entries: AuditEntry[] = []
  let total = 0
  for (let page = 1; entries.length < MAX_HISTORY_ROWS; page++) {
    const result = await context.read('audit.list', { projectId, page, pageSize: HISTORY_PAGE })
    total = result.total
    entries.push(...result.items)
    if (entries.length >= total || result.items.length === 0) break
  }
  if (entries.length === 0) return [emptyNote('Aucune modification enregistrée.')]
  const shown = entries.slice(0, MAX_HISTORY_ROWS)
  return [
    table(
      [
        { header: 'Date', width: 82, cell: (e) => formatDateTime(e.at) },
        { header: 'Par', width: 80, cell: (e) => e.profileName },
        { header: 'Changement', width: '*', cell: (e) => historyLine(e) },
      ],
      shown,
      { fontSize: 7.5 },
    ),
    ...(total > shown.length
      ? [
          {
            text: `Les ${shown.length} modifications les plus récentes sur ${total} ; l’historique complet se consulte dans le journal des modifications de Cap Commune.`,
            style: 'small',
          } as Content,
        ]
      : []),
  ]
}

export interface ProjectSheetOptions {
  includeHistory: boolean
  /** In a council pack, each sheet starts on a new page. */
  newPage: boolean
}

/** The sheet of a project, and its title. */
export async function projectSections(context: ReportContext, projectId: number, options: ProjectSheetOptions): Promise<ReportPart> {
  const project = await context.read('projects.get', { id: projectId })
  const content: Content[] = [h1(project.title, { newPage: options.newPage }), projectFacts(project, context)]
  if (project.description) content.push(h2('Description', { toc: false }), paragraph(project.description))
  if (project.participants.length > 0)
    content.push(
      h2('Participants', { toc: false }),
      table(
        [
          { header: 'Nom', width: 160, cell: (p) => p.name },
          {
            header: 'Rôle dans le projet',
            width: '*',
            cell: (p) => p.role || (p.memberId === null ? 'Participant extérieur' : 'Membre de l’équipe'),
          },
        ],
        project.participants,
      ),
    )
  content.push(h2('Actions et tâches', { toc: false }), ...actionsAndTasks(project))
  content.push(h2('Budget et financements', { toc: false }), ...budgetAndFunding(project))
  content.push(h2('Indicateurs d’impact', { toc: false }), ...indicators(project))
  if (options.includeHistory) content.push(h2('Historique des modifications', { toc: false }), ...(await history(context, projectId)))
  return { title: project.title, content }
}
