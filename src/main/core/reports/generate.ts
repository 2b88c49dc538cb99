/** From a report request to a PDF file: reads the data, lays the pages out, tells the window how far it is. */
import type { Content } from 'pdfmake/interfaces'
import type { ReportFile, ReportRequest } from '../../../shared/contract'
import { formatDate, frenchDate, todayIso } from '../../../shared/format'
import type { SignedInContext } from '../handler'
import { createReportContext, type ProgressSink, type ReportContext } from './context'
import { dashboardSections, deadlines } from './dashboard-report'
import { diagnosticSections } from './diagnostic-report'
import { h1, reportDocument, type ReportFrame } from './layout'
import { renderPdf } from './pdf'
import { councilPollsSections } from './poll-report'
import { projectSections } from './project-report'
import { trainingSections } from './training-report'

interface Built {
  frame: ReportFrame
  body: Content[]
  /** Long reports get a cover page and a table of contents; a project sheet opens with a title block. */
  tableOfContents: boolean
  fileStem: string
}

const longDate = new Intl.DateTimeFormat('fr-FR', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })

/** A file name that every system accepts: no accents, spaces or punctuation. */
export function fileSlug(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/œ/g, 'oe')
      .replace(/Œ/g, 'OE')
      .replace(/æ/g, 'ae')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'rapport'
  )
}

/**
 * `prefix-name`, without saying the prefix twice: the campaign « Diagnostic de début de mandat » gives
 * « diagnostic-de-debut-de-mandat », not « diagnostic-diagnostic-… ».
 */
export function fileStem(prefix: string, name: string): string {
  const slug = fileSlug(name)
  return slug === prefix || slug.startsWith(`${prefix}-`) ? slug : `${prefix}-${slug}`
}

async function latestCampaignId(context: ReportContext): Promise<number | null> {
  return (await context.read('campaigns.list', {}))[0]?.id ?? null
}

async function build(context: ReportContext, request: ReportRequest, today: string): Promise<Built> {
  switch (request.kind) {
    case 'diagnostic': {
      const { title: name, content: body } = await diagnosticSections(context, {
        campaignId: request.campaignId,
        compareWith: request.compareWith,
        details: true,
      })
      return {
        frame: context.frame('Rapport de diagnostic', `Campagne « ${name} »`),
        body,
        tableOfContents: true,
        fileStem: fileStem('diagnostic', name),
      }
    }
    case 'dashboard': {
      const body = await dashboardSections(context, { portfolio: true })
      return {
        frame: context.frame('Tableau de bord de la commune', `Situation au ${formatDate(today)}`),
        body,
        tableOfContents: true,
        fileStem: 'tableau-de-bord',
      }
    }
    case 'project': {
      const { title, content: body } = await projectSections(context, request.projectId, { includeHistory: request.includeHistory, newPage: false })
      return { frame: context.frame('Fiche projet', title), body, tableOfContents: false, fileStem: fileStem('projet', title) }
    }
    case 'training': {
      const body = await trainingSections(context, request.year, { newPage: false })
      return {
        frame: context.frame('Formation des élus', `Tableau des formations financées par la commune en ${request.year}`),
        body,
        tableOfContents: false,
        fileStem: `formation-des-elus-${request.year}`,
      }
    }
    case 'council': {
      const meeting = frenchDate(longDate, new Date(`${request.meetingDate}T12:00:00`))
      const body: Content[] = []
      for (const section of request.sections) {
        if (section === 'dashboard') body.push(...(await dashboardSections(context, { portfolio: false })))
        if (section === 'diagnostic') {
          const campaignId = request.campaignId ?? (await latestCampaignId(context))
          if (campaignId === null)
            body.push(h1('Synthèse du diagnostic', { newPage: true }), { text: 'Aucune campagne de diagnostic n’a encore été menée.', style: 'note' })
          else body.push(...(await diagnosticSections(context, { campaignId, compareWith: null, details: false })).content)
        }
        if (section === 'projects') {
          if (request.projectIds.length === 0)
            body.push(h1('Fiches projet', { newPage: true }), { text: 'Aucun projet n’a été choisi pour ce dossier.', style: 'note' })
          for (const [index, projectId] of request.projectIds.entries()) {
            await context.step(`Fiche projet ${index + 1} sur ${request.projectIds.length}…`)
            body.push(...(await projectSections(context, projectId, { includeHistory: false, newPage: true })).content)
          }
        }
        if (section === 'polls') body.push(...(await councilPollsSections(context, request.meetingDate, request.previousMeetingDate)))
        if (section === 'training')
          body.push(...(await trainingSections(context, request.trainingYear ?? councilTrainingYear(request.meetingDate), { newPage: true })))
        if (section === 'deadlines')
          body.push(
            h1('Échéances légales à venir', { newPage: true }),
            ...deadlines(await context.read('calendar.upcoming', { from: request.meetingDate, months: 12 })),
          )
      }
      const subtitle = `Séance du ${meeting}${request.subtitle ? ` — ${request.subtitle}` : ''}`
      return {
        frame: context.frame('Dossier de séance du conseil municipal', subtitle),
        body,
        tableOfContents: true,
        fileStem: `dossier-seance-${request.meetingDate}`,
      }
    }
  }
}

/** The accounts of year N are voted by 30 June of N + 1: until then the pack shows the previous year's table. */
export function councilTrainingYear(meetingDate: string): number {
  const year = Number(meetingDate.slice(0, 4))
  return meetingDate.slice(5) < '07-01' ? year - 1 : year
}

function stepsOf(request: ReportRequest): number {
  // Reading, each drawing/layout step announced by the builders, composing the pages, writing the file.
  if (request.kind === 'diagnostic') return 5
  if (request.kind === 'dashboard') return 5
  if (request.kind === 'project') return 3
  if (request.kind === 'training') return 3
  return 3 + request.sections.length * 2 + (request.sections.includes('projects') ? request.projectIds.length : 0)
}

export async function generateReport(handler: SignedInContext, request: ReportRequest, progress: ProgressSink): Promise<ReportFile> {
  const context = await createReportContext(handler, stepsOf(request), progress)
  const now = handler.now()
  const today = todayIso(now)
  await context.step('Lecture des données…')
  const built = await build(context, request, today)
  await context.step('Mise en page…')
  const pdf = await renderPdf(reportDocument(built.frame, built.body, { tableOfContents: built.tableOfContents, cover: built.tableOfContents }))
  progress(1, 1, 'Rapport prêt.')
  return {
    fileName: `${built.fileStem}-${today}.pdf`,
    mimeType: 'application/pdf',
    contentBase64: pdf.bytes.toString('base64'),
    title: `${built.frame.title} — ${built.frame.subtitle}`,
    pageCount: pdf.pageCount,
  }
}
