import { describe, expect, it } from 'vitest'
import { reportGenerateInput } from '@shared/contract'
import {
  emptyReportForm,
  foldForSearch,
  newJobId,
  REPORT_FORM_MESSAGES,
  reportFormFromLink,
  toReportRequest,
  type ReportForm,
} from './report-request'

function form(changes: (f: ReportForm) => void): ReportForm {
  const f = emptyReportForm()
  changes(f)
  return f
}

describe('toReportRequest', () => {
  it('asks for nothing for the dashboard', () => {
    expect(toReportRequest(form((f) => (f.kind = 'dashboard')))).toEqual({ ok: true, request: { kind: 'dashboard' } })
  })

  it('leaves the comparison of a diagnostic to the core unless one is chosen', () => {
    const auto = form((f) => (f.diagnostic.campaignId = 3))
    expect(toReportRequest(auto)).toEqual({ ok: true, request: { kind: 'diagnostic', campaignId: 3, compareWith: null } })

    const snapshot = form((f) => {
      f.diagnostic = { campaignId: 3, compare: 'snapshot', compareCampaignId: 2, compareSnapshotId: 7 }
    })
    expect(toReportRequest(snapshot)).toEqual({ ok: true, request: { kind: 'diagnostic', campaignId: 3, compareWith: { snapshotId: 7 } } })

    const campaign = form((f) => {
      f.diagnostic = { campaignId: 3, compare: 'campaign', compareCampaignId: 2, compareSnapshotId: 7 }
    })
    expect(toReportRequest(campaign)).toEqual({ ok: true, request: { kind: 'diagnostic', campaignId: 3, compareWith: { campaignId: 2 } } })
    const none = form((f) => {
      f.diagnostic = { campaignId: 3, compare: 'none', compareCampaignId: 2, compareSnapshotId: 7 }
    })
    expect(toReportRequest(none)).toEqual({ ok: true, request: { kind: 'diagnostic', campaignId: 3, compareWith: 'none' } })
  })

  it('names the select left empty, in French', () => {
    expect(toReportRequest(form((f) => (f.diagnostic.compare = 'snapshot')))).toEqual({
      ok: false,
      errors: { campaignId: REPORT_FORM_MESSAGES.campaign, compareSnapshotId: REPORT_FORM_MESSAGES.compareSnapshot },
    })
    expect(toReportRequest(form((f) => (f.kind = 'project')))).toEqual({ ok: false, errors: { projectId: 'Choisissez le projet.' } })
  })

  it('sends a project sheet with or without its history', () => {
    const result = toReportRequest(
      form((f) => {
        f.kind = 'project'
        f.project = { projectId: 12, includeHistory: false }
      }),
    )
    expect(result).toEqual({ ok: true, request: { kind: 'project', projectId: 12, includeHistory: false } })
  })

  it('builds a council pack: sections in print order, projects and campaign only for the parts that use them', () => {
    const result = toReportRequest(
      form((f) => {
        f.kind = 'council'
        f.council = {
          ...f.council,
          meetingDate: '2026-12-12',
          subtitle: '  Séance ordinaire ',
          sections: ['deadlines', 'dashboard'],
          projectIds: [4, 5],
          campaignId: 3,
        }
      }),
    )
    expect(result).toEqual({
      ok: true,
      request: {
        kind: 'council',
        meetingDate: '2026-12-12',
        subtitle: 'Séance ordinaire',
        sections: ['dashboard', 'deadlines'],
        projectIds: [],
        campaignId: null,
        trainingYear: null,
        previousMeetingDate: null,
      },
    })

    const withProjects = toReportRequest(
      form((f) => {
        f.kind = 'council'
        f.council = { ...f.council, meetingDate: '2026-12-12', subtitle: '', sections: ['projects', 'diagnostic'], projectIds: [4, 5], campaignId: 3 }
      }),
    )
    expect(withProjects).toMatchObject({ ok: true, request: { sections: ['diagnostic', 'projects'], projectIds: [4, 5], campaignId: 3 } })
  })

  it('refuses a council pack without any part, with the contract’s message, and keeps going through every field', () => {
    const result = toReportRequest(
      form((f) => {
        f.kind = 'council'
        f.council.sections = []
      }),
    )
    expect(result).toEqual({
      ok: false,
      errors: { meetingDate: 'Indiquez la date de la séance.', sections: 'Choisissez au moins une partie à inclure dans le dossier.' },
    })
  })

  it('asks for projects when « Fiches projet » is ticked, and enforces the contract’s limits', () => {
    const none = toReportRequest(
      form((f) => {
        f.kind = 'council'
        f.council = { ...f.council, meetingDate: '2026-12-12', subtitle: '', sections: ['projects'], projectIds: [], campaignId: null }
      }),
    )
    expect(none).toEqual({ ok: false, errors: { projectIds: REPORT_FORM_MESSAGES.councilProjects } })

    const tooMany = toReportRequest(
      form((f) => {
        f.kind = 'council'
        f.council = {
          ...f.council,
          meetingDate: '2026-12-12',
          subtitle: 'x'.repeat(121),
          sections: ['projects'],
          projectIds: Array.from({ length: 61 }, (_, i) => i + 1),
          campaignId: null,
        }
      }),
    )
    expect(tooMany).toEqual({
      ok: false,
      errors: {
        subtitle: 'Le sous-titre ne doit pas dépasser 120 caractères.',
        projectIds: 'Un dossier de séance peut contenir au plus 60 fiches projet.',
      },
    })
  })
})

describe('newJobId', () => {
  it('is accepted by the contract and different every time', () => {
    const a = newJobId()
    const b = newJobId()
    expect(a).not.toBe(b)
    expect(reportGenerateInput.safeParse({ request: { kind: 'dashboard' }, jobId: a }).success).toBe(true)
  })
})

describe('foldForSearch', () => {
  it('ignores case and accents', () => {
    expect(foldForSearch('Rénovation de l’École')).toBe('renovation de l’ecole')
  })
})

describe('reportFormFromLink', () => {
  it('a link from a project opens its sheet; anything else opens the default form', () => {
    expect(reportFormFromLink(new URLSearchParams('projet=12'))).toMatchObject({ kind: 'project', project: { projectId: 12, includeHistory: true } })
    expect(reportFormFromLink(new URLSearchParams('rapport=tableau-de-bord'))).toMatchObject({ kind: 'dashboard' })
    expect(reportFormFromLink(new URLSearchParams('rapport=diagnostic&campagne=3'))).toMatchObject({
      kind: 'diagnostic',
      diagnostic: { campaignId: 3 },
    })
    expect(reportFormFromLink(new URLSearchParams('projet=abc'))).toEqual(emptyReportForm())
    expect(reportFormFromLink(new URLSearchParams(''))).toEqual(emptyReportForm())
  })
})
