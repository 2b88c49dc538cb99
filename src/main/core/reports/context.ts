/**
 * What a report is built from. Every figure is read through the same handlers as the screens (dashboard.get,
 * diagnostic.get, projects.get…), so a printed total is the total the app shows.
 */
import type { Content } from 'pdfmake/interfaces'
import type { MethodInput, MethodOutput } from '../../../shared/contract'
import { formatDate, formatInteger } from '../../../shared/format'
import type { SignedInContext } from '../handler'
import type { ReportFrame } from './layout'
import { readLogo } from './logo'

/** What reports read: the methods of the screens they print. */
export type ReadableMethod =
  | 'commune.get'
  | 'mandate.get'
  | 'dashboard.get'
  | 'campaigns.list'
  | 'answers.list'
  | 'diagnostic.get'
  | 'snapshots.list'
  | 'diagnostic.compare'
  | 'diagnostic.peers'
  | 'calendar.upcoming'
  | 'calendar.budgetSessions'
  | 'projects.list'
  | 'projects.get'
  | 'audit.list'
  | 'training.overview'
  | 'training.yearTable'
  | 'polls.list'
  | 'pollResults.get'

export interface ReportContext {
  handler: SignedInContext
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

export async function createReportContext(handler: SignedInContext, totalSteps: number, progress: ProgressSink): Promise<ReportContext> {
  let done = 0
  const read: ReportContext['read'] = (method, input) => handler.read(method, input)
  const commune = await read('commune.get', {})
  const logo = readLogo(handler.db)
  const population = commune.population === null ? '' : ` — ${formatInteger(commune.population)} habitant${commune.population > 1 ? 's' : ''}`
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
      editedLine: `Édité le ${editedOn} par ${handler.actor.displayName}`,
    }),
  }
}
