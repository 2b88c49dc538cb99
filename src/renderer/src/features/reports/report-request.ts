import { COUNCIL_SECTIONS, reportRequestSchema, type CouncilSection, type ReportKind, type ReportRequest } from '@shared/contract'
import type { FormErrors } from '../../lib/validation'

/** What the diagnostic report is compared with: the core's automatic choice, a chosen campaign or snapshot, or nothing. */
export type CompareMode = 'auto' | 'campaign' | 'snapshot' | 'none'
export const COMPARE_MODES: CompareMode[] = ['auto', 'campaign', 'snapshot', 'none']

/**
 * Everything the Rapports page lets the user choose, for the four reports at once: switching from one report to
 * another and back loses nothing.
 */
export interface ReportForm {
  kind: ReportKind
  diagnostic: {
    /** null until the campaigns are loaded; then the latest one. */
    campaignId: number | null
    compare: CompareMode
    compareCampaignId: number | null
    compareSnapshotId: number | null
  }
  project: { projectId: number | null; includeHistory: boolean }
  council: {
    /** ISO date (YYYY-MM-DD). */
    meetingDate: string | null
    subtitle: string
    sections: CouncilSection[]
    /** Kept while « Fiches projet » is unchecked, but only sent when it is checked. */
    projectIds: number[]
    /** null: the latest campaign. */
    campaignId: number | null
    /** ISO date; where « Résultats des consultations » start. null: the core's choice (budget session, else three months). */
    previousMeetingDate: string | null
    /** The user typed or cleared it: the meeting date no longer proposes the last budget session. */
    previousMeetingChosen: boolean
  }
  /** The year of the table of the trainings of élus the commune financed. */
  training: { year: number }
}

export function emptyReportForm(): ReportForm {
  return {
    kind: 'diagnostic',
    diagnostic: { campaignId: null, compare: 'auto', compareCampaignId: null, compareSnapshotId: null },
    project: { projectId: null, includeHistory: true },
    council: {
      meetingDate: null,
      subtitle: '',
      sections: ['dashboard', 'diagnostic', 'polls', 'deadlines'],
      projectIds: [],
      campaignId: null,
      previousMeetingDate: null,
      previousMeetingChosen: false,
    },
    training: { year: new Date().getFullYear() },
  }
}

/**
 * The form as a link opens it, from the page whose report it is: `/rapports?projet=12` (a project's « Fiche PDF »),
 * `?rapport=diagnostic&campagne=3` (the diagnostic page), `?rapport=tableau-de-bord` (the home page),
 * `?rapport=formation&annee=2026` (the Formation page).
 */
export function reportFormFromLink(params: URLSearchParams): ReportForm {
  const form = emptyReportForm()
  const id = (name: string) => {
    const value = Number(params.get(name))
    return Number.isSafeInteger(value) && value > 0 ? value : null
  }
  const projectId = id('projet')
  if (projectId !== null) return { ...form, kind: 'project', project: { ...form.project, projectId } }
  if (params.get('rapport') === 'tableau-de-bord') return { ...form, kind: 'dashboard' }
  if (params.get('rapport') === 'formation') {
    const year = id('annee')
    return { ...form, kind: 'training', training: { year: year ?? form.training.year } }
  }
  if (params.get('rapport') === 'diagnostic') return { ...form, kind: 'diagnostic', diagnostic: { ...form.diagnostic, campaignId: id('campagne') } }
  return form
}

/** The messages of choices the contract cannot check on its own (a select left empty). */
export const REPORT_FORM_MESSAGES = {
  campaign: 'Choisissez la campagne du diagnostic.',
  compareCampaign: 'Choisissez la campagne à comparer.',
  compareSnapshot: 'Choisissez l’instantané à comparer.',
  project: 'Choisissez le projet.',
  meetingDate: 'Indiquez la date de la séance.',
  councilProjects: 'Choisissez au moins un projet, ou décochez « Fiches projet ».',
} as const

/** The last budget session the commune planned before the meeting: the previous meeting the app knows. */
export function lastBudgetSessionBefore(meetingDate: string | null, sessions: { plannedOn: string }[]): string | null {
  if (meetingDate === null) return null
  return (
    sessions
      .map((session) => session.plannedOn)
      .filter((day) => day < meetingDate)
      .sort()
      .at(-1) ?? null
  )
}

export type ReportFormResult = { ok: true; request: ReportRequest } | { ok: false; errors: FormErrors }

/**
 * The request for the chosen report, or the French messages of what is missing, keyed by the form's fields
 * (`campaignId`, `compareCampaignId`, `compareSnapshotId`, `projectId`, `meetingDate`, `subtitle`, `sections`,
 * `projectIds`). The contract's own schema has the last word, with the same messages as the main process.
 */
export function toReportRequest(form: ReportForm): ReportFormResult {
  const errors: FormErrors = {}
  let candidate: unknown

  switch (form.kind) {
    case 'dashboard':
      candidate = { kind: 'dashboard' }
      break
    case 'diagnostic': {
      const { campaignId, compare, compareCampaignId, compareSnapshotId } = form.diagnostic
      if (campaignId === null) errors.campaignId = REPORT_FORM_MESSAGES.campaign
      if (compare === 'campaign' && compareCampaignId === null) errors.compareCampaignId = REPORT_FORM_MESSAGES.compareCampaign
      if (compare === 'snapshot' && compareSnapshotId === null) errors.compareSnapshotId = REPORT_FORM_MESSAGES.compareSnapshot
      const compareWith =
        compare === 'campaign'
          ? { campaignId: compareCampaignId }
          : compare === 'snapshot'
            ? { snapshotId: compareSnapshotId }
            : compare === 'none'
              ? ('none' as const)
              : null
      candidate = { kind: 'diagnostic', campaignId, compareWith }
      break
    }
    case 'project':
      if (form.project.projectId === null) errors.projectId = REPORT_FORM_MESSAGES.project
      candidate = { kind: 'project', projectId: form.project.projectId, includeHistory: form.project.includeHistory }
      break
    case 'training':
      candidate = { kind: 'training', year: form.training.year }
      break
    case 'council': {
      const { meetingDate, subtitle, sections, projectIds, campaignId, previousMeetingDate } = form.council
      const withProjects = sections.includes('projects')
      if (meetingDate === null) errors.meetingDate = REPORT_FORM_MESSAGES.meetingDate
      if (withProjects && projectIds.length === 0) errors.projectIds = REPORT_FORM_MESSAGES.councilProjects
      candidate = {
        kind: 'council',
        meetingDate,
        subtitle,
        // Printed in the contract's order, whatever the order they were ticked in.
        sections: COUNCIL_SECTIONS.filter((s) => sections.includes(s)),
        projectIds: withProjects ? projectIds : [],
        campaignId: sections.includes('diagnostic') ? campaignId : null,
        previousMeetingDate: sections.includes('polls') ? previousMeetingDate : null,
      }
      break
    }
  }

  const parsed = reportRequestSchema.safeParse(candidate)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'kind')
      const key = field === 'compareWith' ? (form.diagnostic.compare === 'snapshot' ? 'compareSnapshotId' : 'compareCampaignId') : field
      errors[key] ??= issue.message
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors }
  return { ok: true, request: parsed.data }
}

/** A fresh identifier for a report's progress events (`report:<jobId>`), as the contract wants it. */
export function newJobId(): string {
  const bytes = new Uint8Array(12)
  crypto.getRandomValues(bytes)
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

/** Searching without caring for case or accents: « ecole » finds « École ». */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
}
