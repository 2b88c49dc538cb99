/**
 * Spreadsheets of the projects and of the tasks for the mairie (XLSX or CSV for French Excel): French headers and
 * labels, dates JJ/MM/AAAA, amounts in euros. Returned as base64 with a dated file name (projets-2026-11-29.xlsx).
 */
import { sql } from 'drizzle-orm'
import {
  FUNDER_LABELS,
  PRIORITY_LABELS,
  PROJECT_STATUS_LABELS,
  TASK_STATUS_LABELS,
  type MethodOutput,
  type ProjectSummary,
  type Task,
} from '../../../shared/contract'
import { todayIso } from '../../../shared/format'
import type { Db } from '../db/open'
import { CSV_MIME, tableToCsv, tableToXlsx, XLSX_MIME, type Column } from '../exports/table'
import type { HandlerContext, HandlersOf } from '../handler'
import { NO_DOMAIN } from '../projects/domains'
import { projectSummaries, taskList } from '../projects/queries'
import { FUNDING_OBTAINED_SQL, FUNDING_REQUESTED_SQL, priorityRank } from '../projects/rules'
import { todayOf } from '../today'

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

/** Per project: its themes, its funding totals (the funding rule) and its funders, in three grouped reads. */
function projectExtras(db: Db) {
  const themes = db.all<{ projectId: number; themeIds: string }>(
    sql`SELECT project_id AS projectId, group_concat(theme_id, ',') AS themeIds FROM project_themes GROUP BY project_id`,
  )
  const fundings = db.all<{ projectId: number; requestedCents: number; obtainedCents: number; funders: string }>(
    sql`SELECT f.project_id AS projectId, ${sql.raw(FUNDING_REQUESTED_SQL)} AS requestedCents, ${sql.raw(FUNDING_OBTAINED_SQL)} AS obtainedCents,
        group_concat(DISTINCT f.funder) AS funders
      FROM fundings f GROUP BY f.project_id`,
  )
  const descriptions = db.all<{ id: number; description: string }>(sql`SELECT id, description FROM projects`)
  return {
    themes: new Map(themes.map((t) => [t.projectId, t.themeIds])),
    fundings: new Map(fundings.map((f) => [f.projectId, f])),
    descriptions: new Map(descriptions.map((d) => [d.id, d.description])),
  }
}

function projectLines(context: Pick<HandlerContext, 'db' | 'referentiel' | 'now'>): ProjectLine[] {
  const loaded = context.referentiel()
  const domains = new Map(loaded.referentiel.domains.map((d) => [d.id, d.title]))
  const extras = projectExtras(context.db)
  const lines = projectSummaries(context.db, { sort: 'title' }, todayOf(context)).items.map((summary) => {
    const funding = extras.fundings.get(summary.id)
    return {
      ...summary,
      description: extras.descriptions.get(summary.id) ?? '',
      domainTitle: summary.domainId === null ? NO_DOMAIN : (domains.get(summary.domainId) ?? summary.domainId),
      themes: (extras.themes.get(summary.id) ?? '')
        .split(',')
        .filter(Boolean)
        .map((id) => loaded.themes.get(id)?.theme.title ?? id)
        .join(', '),
      fundingRequestedCents: funding?.requestedCents ?? 0,
      fundingObtainedCents: funding?.obtainedCents ?? 0,
      fundings: (funding?.funders ?? '')
        .split(',')
        .filter(Boolean)
        .map((f) => FUNDER_LABELS[f as keyof typeof FUNDER_LABELS] ?? f)
        .join(', '),
    }
  })
  // Most urgent first, then the title in French alphabetical order (numbers in order: « Tranche 2 » before « Tranche 10 »).
  return lines.sort((a, b) => priorityRank(a.priority) - priorityRank(b.priority) || collator.compare(a.title, b.title) || a.id - b.id)
}

function taskLines(db: Db, today: string): TaskLine[] {
  const actions = new Map(db.all<{ id: number; title: string }>(sql`SELECT id, title FROM project_actions`).map((a) => [a.id, a.title]))
  const lines = taskList(db, { includeDone: true, order: 'dueDate' }, today).map((task) => ({
    ...task,
    actionTitle: task.actionId === null ? null : (actions.get(task.actionId) ?? null),
  }))
  // By project (French alphabetical order), then due date (undated last) — Array.prototype.sort is stable.
  return lines.sort((a, b) => collator.compare(a.projectTitle, b.projectTitle) || a.projectId - b.projectId)
}

async function write<Row>(format: Format, baseName: string, sheetName: string, columns: Column<Row>[], rows: Row[], now: Date): Promise<ExportFile> {
  const fileName = `${baseName}-${todayIso(now)}.${format}`
  if (format === 'csv') return { fileName, mimeType: CSV_MIME, contentBase64: Buffer.from(tableToCsv(columns, rows), 'utf8').toString('base64') }
  return { fileName, mimeType: XLSX_MIME, contentBase64: (await tableToXlsx(sheetName, columns, rows, now)).toString('base64') }
}

export const exportsHandlers: HandlersOf<'exports'> = {
  'exports.projects': ({ format }, context) => write(format, 'projets', 'Projets', PROJECT_COLUMNS, projectLines(context), context.now()),
  'exports.tasks': ({ format }, context) =>
    write(format, 'taches', 'Tâches', TASK_COLUMNS_OUT, taskLines(context.db, todayOf(context)), context.now()),
}
