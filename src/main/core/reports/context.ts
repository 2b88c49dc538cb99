/**
 * What a report is built from. Every figure is read through the same handlers as the screens (dashboard.get,
 * diagnostic.get, projects.get…), so a printed total is the total the app shows.
 */
import type { Content } from 'pdfmake/interfaces'
import { contract, type MethodInput, type MethodOutput } from '../../../shared/contract'
import { formatDate, formatInteger } from '../../../shared/format'
import type { HandlerContext } from '../context'
import type { Handler } from '../dispatcher'
import { auditHandlers } from '../handlers/audit'
import { calendarHandlers } from '../handlers/calendar'
import { campaignHandlers } from '../handlers/campaigns'
import { communeHandlers } from '../handlers/commune'
import { dashboardHandlers } from '../handlers/dashboard'
import { diagnosticHandlers } from '../handlers/diagnostic'
import { projectHandlers } from '../handlers/projects'
import type { ReportFrame } from './layout'
import { readLogo } from './logo'

const readers = {
  'commune.get': communeHandlers['commune.get'],
  'mandate.get': communeHandlers['mandate.get'],
  'dashboard.get': dashboardHandlers['dashboard.get'],
  'campaigns.list': campaignHandlers['campaigns.list'],
  'answers.list': campaignHandlers['answers.list'],
  'diagnostic.get': diagnosticHandlers['diagnostic.get'],
  'snapshots.list': diagnosticHandlers['snapshots.list'],
  'diagnostic.compare': diagnosticHandlers['diagnostic.compare'],
  'calendar.upcoming': calendarHandlers['calendar.upcoming'],
  'projects.list': projectHandlers['projects.list'],
  'projects.get': projectHandlers['projects.get'],
  'audit.list': auditHandlers['audit.list'],
}
export type ReadableMethod = keyof typeof readers

export interface ReportContext {
  handler: HandlerContext
  read<M extends ReadableMethod>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>
  /** Tells the user where a long report is (progress events). */
  step(label: string): Promise<void>
  /** The cover and header of a report titled `title`. */
  frame(title: string, subtitle: string): ReportFrame
}

/** Pages of a report and what they are about (a campaign's name, a project's title), read once. */
export interface ReportPart {
  title: string
  content: Content[]
}

export interface ProgressSink {
  (done: number, total: number, label: string): void
}

/** Lets the event loop breathe between steps, so progress events reach the window while the report is built. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve))

export async function createReportContext(handler: HandlerContext, totalSteps: number, progress: ProgressSink): Promise<ReportContext> {
  let done = 0
  const read: ReportContext['read'] = async (method, input) => {
    const parsed = contract[method].input.parse(input)
    const run = readers[method] as unknown as Handler<typeof method>
    return (await run(parsed as never, handler)) as MethodOutput<typeof method>
  }
  const commune = await read('commune.get', {})
  const logo = readLogo(handler.db)
  const population = commune.population === null ? '' : ` — ${formatInteger(commune.population)} habitant${commune.population > 1 ? 's' : ''}`
  const editedBy = handler.actor ? ` par ${handler.actor.displayName}` : ''
  const editedOn = formatDate(handler.now().toISOString())
  return {
    handler,
    read,
    async step(label) {
      done = Math.min(done + 1, totalSteps)
      progress(done, totalSteps, label)
      await breathe()
    },
    frame: (title, subtitle) => ({
      communeName: `Commune de ${commune.name}`,
      communeLine: `${commune.departementName} (${commune.departementCode})${population}`,
      logo: logo ? { dataUrl: `data:image/png;base64,${logo.contentBase64}`, width: logo.width, height: logo.height } : null,
      title,
      subtitle,
      editedLine: `Édité le ${editedOn}${editedBy}`,
    }),
  }
}
