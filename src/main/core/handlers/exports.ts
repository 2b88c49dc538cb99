/**
 * Spreadsheets of the projects and of the tasks for the mairie (XLSX or CSV for French Excel): French headers and
 * labels, dates JJ/MM/AAAA, amounts in euros. Returned as base64 with a dated file name (projets-2026-11-29.xlsx).
 */
import type Database from 'better-sqlite3'
import {
  FUNDER_LABELS,
  PRIORITY_LABELS,
  PROJECT_STATUS_LABELS,
  TASK_STATUS_LABELS,
  type MethodOutput,
  type ProjectSummary,
  type Task,
} from '../../../shared/contract'
import type { HandlerContext, HandlersOf } from '../handler'
import {
  prepared,
  PROJECT_SUMMARY_COLUMNS,
  PROJECT_SUMMARY_FROM,
  TASK_COLUMNS,
  TASK_FROM,
  toSummary,
  toTask,
  type SummaryRow,
  type TaskRow,
} from '../exports/queries'
import { CSV_MIME, tableToCsv, tableToXlsx, XLSX_MIME, type Column } from '../exports/table'
import { NO_DOMAIN } from '../projects/domains'
import { localDate, todayOf } from '../today'

type ExportFile = MethodOutput<'exports.projects'>
type Format = 'xlsx' | 'csv'

interface ProjectLine extends ProjectSummary {
  domainTitle: string
  description: string
  themes: string
  fundingRequestedCents: number
  fundingObtainedCents: number
  fundings: string
}

const PROJECTS_SQL = `SELECT ${PROJECT_SUMMARY_COLUMNS}, p.description AS description,
    (SELECT group_concat(theme_id, ',') FROM project_themes pt WHERE pt.project_id = p.id) AS themeIds,
    (SELECT coalesce(sum(CASE WHEN f.status <> 'envisagee' THEN f.requested_cents END), 0) FROM fundings f WHERE f.project_id = p.id) AS fundingRequestedCents,
    (SELECT coalesce(sum(CASE WHEN f.status IN ('accordee', 'versee') THEN coalesce(f.obtained_cents, f.requested_cents) END), 0) FROM fundings f WHERE f.project_id = p.id) AS fundingObtainedCents,
    (SELECT group_concat(DISTINCT f.funder) FROM fundings f WHERE f.project_id = p.id) AS funders
  FROM ${PROJECT_SUMMARY_FROM}
  ORDER BY p.id`

const TASKS_SQL = `SELECT ${TASK_COLUMNS}, a.title AS actionTitle
  FROM ${TASK_FROM} LEFT JOIN project_actions a ON a.id = t.action_id
  ORDER BY p.id, t.due_on IS NULL, t.due_on, t.id`

const PROJECT_COLUMNS: Column<ProjectLine>[] = [
  { header: 'Projet', kind: 'text', width: 40, value: (p) => p.title },
  { header: 'Statut', kind: 'text', width: 14, value: (p) => PROJECT_STATUS_LABELS[p.status] },
  { header: 'Priorité', kind: 'text', width: 12, value: (p) => PRIORITY_LABELS[p.priority] },
  { header: 'Domaine', kind: 'text', width: 28, value: (p) => p.domainTitle },
  { header: 'Thèmes', kind: 'text', width: 28, value: (p) => p.themes },
  { header: 'Référent', kind: 'text', width: 22, value: (p) => p.referentName ?? '' },
  { header: 'Début', kind: 'date', width: 12, value: (p) => p.startOn },
  { header: 'Fin', kind: 'date', width: 12, value: (p) => p.endOn },
  { header: 'Budget prévu', kind: 'money', width: 16, value: (p) => p.budgetPlannedCents },
  { header: 'Montant engagé', kind: 'money', width: 16, value: (p) => p.budgetCommittedCents },
  { header: 'Montant réalisé', kind: 'money', width: 16, value: (p) => p.budgetSpentCents },
  { header: 'Subventions demandées', kind: 'money', width: 18, value: (p) => p.fundingRequestedCents },
  { header: 'Subventions obtenues', kind: 'money', width: 18, value: (p) => p.fundingObtainedCents },
  { header: 'Financeurs', kind: 'text', width: 20, value: (p) => p.fundings },
  { header: 'Avancement (%)', kind: 'number', width: 14, value: (p) => p.progress },
  { header: 'Tâches ouvertes', kind: 'number', width: 14, value: (p) => p.openTasks },
  { header: 'Tâches en retard', kind: 'number', width: 14, value: (p) => p.overdueTasks },
  { header: 'Description', kind: 'text', width: 60, value: (p) => p.description },
  { header: 'Mis à jour le', kind: 'date', width: 14, value: (p) => p.updatedAt.slice(0, 10) },
]

type TaskLine = Task & { actionTitle: string | null }

const TASK_COLUMNS_OUT: Column<TaskLine>[] = [
  { header: 'Projet', kind: 'text', width: 36, value: (t) => t.projectTitle },
  { header: 'Action', kind: 'text', width: 26, value: (t) => t.actionTitle ?? '' },
  { header: 'Tâche', kind: 'text', width: 40, value: (t) => t.title },
  { header: 'Responsable', kind: 'text', width: 22, value: (t) => t.assigneeName ?? '' },
  { header: 'Échéance', kind: 'date', width: 12, value: (t) => t.dueOn },
  { header: 'Statut', kind: 'text', width: 12, value: (t) => TASK_STATUS_LABELS[t.status] },
  { header: 'En retard', kind: 'text', width: 10, value: (t) => (t.overdue ? 'Oui' : 'Non') },
  {
    header: 'Liste de contrôle',
    kind: 'text',
    width: 16,
    value: (t) => (t.checklist.length === 0 ? '' : `${t.checklist.filter((c) => c.done).length}/${t.checklist.length}`),
  },
  { header: 'Créée le', kind: 'date', width: 12, value: (t) => t.createdAt.slice(0, 10) },
  { header: 'Terminée le', kind: 'date', width: 12, value: (t) => (t.completedAt ? t.completedAt.slice(0, 10) : null) },
  { header: 'Description', kind: 'text', width: 60, value: (t) => t.description },
]

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true })

function projectLines(context: Pick<HandlerContext, 'sqlite' | 'referentiel' | 'now'>): ProjectLine[] {
  const loaded = context.referentiel()
  const domains = new Map(loaded.referentiel.domains.map((d) => [d.id, d.title]))
  const rows = prepared(context.sqlite, PROJECTS_SQL).all({ today: todayOf(context) }) as (SummaryRow & {
    description: string
    themeIds: string | null
    fundingRequestedCents: number
    fundingObtainedCents: number
    funders: string | null
  })[]
  const lines = rows.map(({ description, themeIds, fundingRequestedCents, fundingObtainedCents, funders, ...summary }) => ({
    ...toSummary(summary),
    description,
    domainTitle: summary.domainId === null ? NO_DOMAIN : (domains.get(summary.domainId) ?? summary.domainId),
    themes: (themeIds ?? '')
      .split(',')
      .filter(Boolean)
      .map((id) => loaded.themes.get(id)?.theme.title ?? id)
      .join(', '),
    fundingRequestedCents,
    fundingObtainedCents,
    fundings: (funders ?? '')
      .split(',')
      .filter(Boolean)
      .map((f) => FUNDER_LABELS[f as keyof typeof FUNDER_LABELS] ?? f)
      .join(', '),
  }))
  // Priority first (from SQL, stable), then the title in French alphabetical order.
  const rank = (p: ProjectLine) => ['prioritaire', 'haute', 'normale', 'basse'].indexOf(p.priority)
  return lines.sort((a, b) => rank(a) - rank(b) || collator.compare(a.title, b.title) || a.id - b.id)
}

function taskLines(sqlite: Database.Database, today: string): TaskLine[] {
  const lines = (prepared(sqlite, TASKS_SQL).all({ today }) as (TaskRow & { actionTitle: string | null })[]).map(({ actionTitle, ...row }) => ({
    ...toTask(row),
    actionTitle,
  }))
  // By project (French alphabetical order), then due date (undated last) — Array.prototype.sort is stable.
  return lines.sort((a, b) => collator.compare(a.projectTitle, b.projectTitle) || a.projectId - b.projectId)
}

async function write<Row>(format: Format, baseName: string, sheetName: string, columns: Column<Row>[], rows: Row[], now: Date): Promise<ExportFile> {
  const fileName = `${baseName}-${localDate(now)}.${format}`
  if (format === 'csv') return { fileName, mimeType: CSV_MIME, contentBase64: Buffer.from(tableToCsv(columns, rows), 'utf8').toString('base64') }
  return { fileName, mimeType: XLSX_MIME, contentBase64: (await tableToXlsx(sheetName, columns, rows, now)).toString('base64') }
}

export const exportsHandlers: HandlersOf<'exports'> = {
  'exports.projects': ({ format }, context) => write(format, 'projets', 'Projets', PROJECT_COLUMNS, projectLines(context), context.now()),
  'exports.tasks': ({ format }, context) =>
    write(format, 'taches', 'Tâches', TASK_COLUMNS_OUT, taskLines(context.sqlite, todayOf(context)), context.now()),
}
