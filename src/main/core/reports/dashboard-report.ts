/**
 * The commune dashboard on paper: priorities, the whole project portfolio as a table, the budget by domain, impact
 * indicators with their charts, overdue tasks and the legal deadlines to come.
 */
import type { Content } from 'pdfmake/interfaces'
import { budgetBarsConfig, indicatorLineConfig } from '../../../shared/charts/configs'
import {
  PRIORITY_LABELS,
  PROJECT_STATUS_LABELS,
  TREND_LABELS,
  type CalendarEntry,
  type Dashboard,
  type ProjectSummary,
} from '../../../shared/contract'
import { formatCents, formatDate, formatDateOrDash, formatInteger, formatMeasure, formatPercent } from '../../../shared/format'
import { chartSvg } from './charts'
import type { ReportContext } from './context'
import { legalBasisText } from '../../../shared/referentiel/legal'
import { chart, CONTENT_WIDTH, emptyNote, figures, h1, h2, paragraph, table } from './layout'

/** Indicators drawn as charts; beyond, they are listed in the table only (a 500-project commune has hundreds). */
const MAX_INDICATOR_CHARTS = 8
const PORTFOLIO_PAGE = 200

export function domainTitles(context: ReportContext): Map<string, string> {
  return new Map(context.handler.referentiel().referentiel.domains.map((d) => [d.id, d.title]))
}

function priorityTable(
  projects: ProjectSummary[],
  domains: Map<string, string>,
  dateLabel: string,
  date: (p: ProjectSummary) => string | null,
): Content {
  return table(
    [
      { header: 'Projet', width: '*', cell: (p) => ({ text: p.title, bold: p.priority === 'prioritaire' }) },
      { header: 'Domaine', width: 100, cell: (p) => (p.domainId ? (domains.get(p.domainId) ?? p.domainId) : '—') },
      { header: 'Priorité', width: 55, cell: (p) => PRIORITY_LABELS[p.priority] },
      { header: 'Référent', width: 80, cell: (p) => p.referentName ?? '—' },
      { header: dateLabel, width: 62, cell: (p) => formatDateOrDash(date(p)) },
      { header: 'Avancement', width: 50, align: 'right', cell: (p) => (p.progress === null ? '—' : formatPercent(p.progress)) },
    ],
    projects,
  )
}

function priorities(dashboard: Dashboard, domains: Map<string, string>): Content[] {
  const { counts } = dashboard
  const content: Content[] = [
    figures([
      { value: formatInteger(counts.inProgress), label: 'Projets en cours' },
      { value: formatInteger(counts.upcoming), label: 'Projets à venir' },
      { value: formatInteger(counts.finished), label: 'Projets terminés' },
      { value: formatInteger(dashboard.overdueCount), label: 'Tâches en retard' },
    ]),
  ]
  if (counts.total === 0) return [...content, emptyNote('Aucun projet n’est encore enregistré : créez les projets du mandat dans l’onglet Projets.')]
  const lists: [string, ProjectSummary[], number, string, (p: ProjectSummary) => string | null][] = [
    ['En cours', dashboard.inProgress, counts.inProgress, 'Fin prévue', (p) => p.endOn],
    ['À venir', dashboard.upcoming, counts.upcoming, 'Début', (p) => p.startOn],
    ['Terminés', dashboard.finished, counts.finished, 'Fin', (p) => p.endOn],
  ]
  for (const [title, projects, total, dateLabel, date] of lists) {
    content.push(h2(`${title} (${formatInteger(total)})`, { toc: false }))
    if (projects.length === 0) content.push(emptyNote('Aucun projet.'))
    else {
      content.push(priorityTable(projects, domains, dateLabel, date))
      if (total > projects.length)
        content.push({
          text: `Les ${projects.length} premiers par priorité ; la liste complète figure dans le portefeuille.`,
          style: 'small',
          margin: [0, -6, 0, 8],
        })
    }
  }
  return content
}

async function allProjects(context: ReportContext): Promise<ProjectSummary[]> {
  const projects: ProjectSummary[] = []
  for (let page = 1; ; page++) {
    const { items, total } = await context.read('projects.list', { sort: 'priority', page, pageSize: PORTFOLIO_PAGE })
    projects.push(...items)
    if (projects.length >= total || items.length === 0) return projects
  }
}

function portfolio(projects: ProjectSummary[], domains: Map<string, string>): Content[] {
  if (projects.length === 0) return [emptyNote('Aucun projet n’est encore enregistré.')]
  // The dashboard's budget leaves abandoned projects out: the total line does too, so both print the same figure.
  const counted = projects.filter((p) => p.status !== 'abandonne')
  const sum = (key: 'budgetPlannedCents' | 'budgetSpentCents') => counted.reduce((total, p) => total + p[key], 0)
  const body = table(
    [
      { header: 'Projet', width: '*', cell: (p) => p.title },
      { header: 'Domaine', width: 78, cell: (p) => (p.domainId ? (domains.get(p.domainId) ?? p.domainId) : '—') },
      { header: 'Statut', width: 48, cell: (p) => PROJECT_STATUS_LABELS[p.status] },
      { header: 'Priorité', width: 48, cell: (p) => PRIORITY_LABELS[p.priority] },
      { header: 'Fin', width: 50, cell: (p) => formatDateOrDash(p.endOn) },
      { header: 'Prévu', width: 58, align: 'right', cell: (p) => formatCents(p.budgetPlannedCents) },
      { header: 'Réalisé', width: 58, align: 'right', cell: (p) => formatCents(p.budgetSpentCents) },
    ],
    projects,
    { fontSize: 7.5 },
  )
  // A closing line with the totals, computed from the very rows printed above.
  body.table.body.push([
    {
      text: `Total${counted.length < projects.length ? ' hors projets abandonnés' : ''} (${formatInteger(counted.length)} projet${counted.length > 1 ? 's' : ''})`,
      bold: true,
      colSpan: 5,
      style: 'cell',
    },
    '',
    '',
    '',
    '',
    { text: formatCents(sum('budgetPlannedCents')), bold: true, alignment: 'right', style: 'cell' },
    { text: formatCents(sum('budgetSpentCents')), bold: true, alignment: 'right', style: 'cell' },
  ])
  return [paragraph('Tous les projets du mandat, par priorité. Les montants sont ceux saisis dans chaque projet.'), body]
}

function budget(dashboard: Dashboard): Content[] {
  const { budget: b, fundings } = dashboard
  const content: Content[] = [
    figures([
      { value: formatCents(b.plannedCents), label: 'Prévu' },
      { value: formatCents(b.committedCents), label: 'Engagé' },
      { value: formatCents(b.spentCents), label: 'Réalisé' },
    ]),
    paragraph(
      `Subventions demandées : ${formatCents(fundings.requestedCents)} ; obtenues : ${formatCents(fundings.obtainedCents)}. Les projets abandonnés ne sont pas comptés.`,
    ),
  ]
  if (b.plannedCents + b.committedCents + b.spentCents === 0)
    return [...content, emptyNote('Aucun budget saisi pour l’instant : indiquez le budget prévu dans chaque projet.')]
  const rows = b.byDomain
  const t = table(
    [
      { header: 'Domaine', width: '*', cell: (r) => r.title },
      { header: 'Prévu', width: 85, align: 'right', cell: (r) => formatCents(r.plannedCents) },
      { header: 'Engagé', width: 85, align: 'right', cell: (r) => formatCents(r.committedCents) },
      { header: 'Réalisé', width: 85, align: 'right', cell: (r) => formatCents(r.spentCents) },
    ],
    rows,
  )
  t.table.body.push([
    { text: 'Total', bold: true, style: 'cell' },
    { text: formatCents(b.plannedCents), bold: true, alignment: 'right', style: 'cell' },
    { text: formatCents(b.committedCents), bold: true, alignment: 'right', style: 'cell' },
    { text: formatCents(b.spentCents), bold: true, alignment: 'right', style: 'cell' },
  ])
  content.push(t)
  const withMoney = rows.filter((r) => r.plannedCents + r.committedCents + r.spentCents > 0)
  if (withMoney.length > 0) {
    const svg = chartSvg(budgetBarsConfig(withMoney.map((r) => ({ label: r.title, ...r }))), CONTENT_WIDTH, withMoney.length * 34 + 64)
    content.push(chart('Budget par domaine', svg))
  }
  return content
}

function indicators(list: Dashboard['indicators']): Content[] {
  if (list.length === 0)
    return [emptyNote('Aucun indicateur d’impact : ajoutez-en dans un projet (par exemple la consommation de l’éclairage public, en kWh par an).')]
  const content: Content[] = [
    table(
      [
        {
          header: 'Indicateur',
          width: '*',
          cell: (i) => ({
            text: [
              { text: i.label, bold: true },
              { text: `\n${i.projectTitle}`, style: 'small' },
            ],
          }),
        },
        { header: 'Dernière mesure', width: 85, align: 'right', cell: (i) => formatMeasure(i.latest, i.unit) },
        { header: 'Précédente', width: 80, align: 'right', cell: (i) => formatMeasure(i.previous, i.unit) },
        { header: 'Cible', width: 75, align: 'right', cell: (i) => formatMeasure(i.targetValue, i.unit) },
        { header: 'Tendance', width: 55, cell: (i) => TREND_LABELS[i.trend] },
      ],
      list,
    ),
  ]
  const drawable = list.filter((i) => i.measurements.length > 0).slice(0, MAX_INDICATOR_CHARTS)
  const charts = drawable.map((i) =>
    chart(
      `${i.label} — ${i.projectTitle}`,
      chartSvg(indicatorLineConfig({ label: i.label, unit: i.unit, points: i.measurements, target: i.targetValue }), CONTENT_WIDTH / 2 - 8, 180),
    ),
  )
  for (let k = 0; k < charts.length; k += 2) content.push({ columns: [charts[k]!, charts[k + 1] ?? { text: '' }], columnGap: 16 })
  const withoutMeasure = list.filter((i) => i.measurements.length === 0).length
  if (withoutMeasure > 0)
    content.push({
      text: `${withoutMeasure} indicateur${withoutMeasure > 1 ? 's' : ''} sans mesure n’${withoutMeasure > 1 ? 'ont' : 'a'} pas de graphique.`,
      style: 'small',
    })
  const notDrawn = list.filter((i) => i.measurements.length > 0).length - drawable.length
  if (notDrawn > 0) content.push({ text: `Les graphiques des ${notDrawn} autres indicateurs figurent dans les fiches projet.`, style: 'small' })
  return content
}

function overdue(dashboard: Dashboard): Content[] {
  if (dashboard.overdueCount === 0) return [emptyNote('Aucune tâche en retard.')]
  return [
    table(
      [
        { header: 'Tâche', width: '*', cell: (t) => t.title },
        { header: 'Projet', width: 150, cell: (t) => t.projectTitle },
        { header: 'Responsable', width: 90, cell: (t) => t.assigneeName ?? 'Personne' },
        { header: 'Échéance', width: 62, cell: (t) => formatDateOrDash(t.dueOn) },
      ],
      dashboard.overdueTasks,
    ),
    ...(dashboard.overdueCount > dashboard.overdueTasks.length
      ? [
          {
            text: `Les ${dashboard.overdueTasks.length} plus anciennes sur ${formatInteger(dashboard.overdueCount)} tâches en retard.`,
            style: 'small',
          } as Content,
        ]
      : []),
  ]
}

export function deadlines(entries: CalendarEntry[]): Content[] {
  if (entries.length === 0) return [emptyNote('Aucune échéance légale dans les douze prochains mois pour la commune.')]
  return [
    table(
      [
        { header: 'Date', width: 62, cell: (e) => ({ text: formatDate(e.dueOn), bold: true }) },
        { header: 'Échéance', width: '*', cell: (e) => ({ text: [{ text: e.title, bold: true }, `\n${e.description}`] }) },
        { header: 'Base légale', width: 120, cell: (e) => ({ text: legalBasisText(e.legalBasis) || '—', fontSize: 7.5 }) },
      ],
      entries,
    ),
  ]
}

export interface DashboardParts {
  portfolio: boolean
}

/** The dashboard sections; the council pack leaves the full portfolio out. */
export async function dashboardSections(context: ReportContext, parts: DashboardParts, firstOnNewPage = true): Promise<Content[]> {
  const dashboard = await context.read('dashboard.get', {})
  const domains = domainTitles(context)
  const content: Content[] = [h1('Priorités du mandat', { newPage: firstOnNewPage }), ...priorities(dashboard, domains)]
  if (parts.portfolio) {
    await context.step('Lecture du portefeuille de projets…')
    const projects = await allProjects(context)
    content.push(h1('Portefeuille des projets', { newPage: true }), ...portfolio(projects, domains))
  }
  await context.step('Dessin des graphiques du tableau de bord…')
  content.push(h1('Budget du mandat'), ...budget(dashboard))
  content.push(h1('Indicateurs d’impact'), ...indicators(dashboard.indicators))
  content.push(h1('Tâches en retard'), ...overdue(dashboard))
  if (parts.portfolio) content.push(h1('Échéances légales à venir'), ...deadlines(await context.read('calendar.upcoming', { months: 12 })))
  return content
}
