/** The council pack's options: « Date de la séance précédente » proposes the last budget session, and is checked. */
import { screen } from '@testing-library/react'
import { useEffect, useState } from 'react'
import { describe, expect, it } from 'vitest'
import { renderWithApp } from '../../testing/render'
import { CouncilOptions } from './ReportOptions'
import { emptyReportForm, toReportRequest, type ReportForm } from './report-request'

let latest: ReportForm['council'] = emptyReportForm().council

function Council() {
  const [value, setValue] = useState(emptyReportForm().council)
  useEffect(() => {
    latest = value
  }, [value])
  const result = toReportRequest({ ...emptyReportForm(), kind: 'council', council: value })
  return (
    <CouncilOptions
      value={value}
      onChange={(changes) => setValue((current) => ({ ...current, ...changes }))}
      campaigns={[]}
      hasProjects={false}
      errors={result.ok ? {} : result.errors}
    />
  )
}

const answers = { 'calendar.budgetSessions': () => [{ year: 2027, plannedOn: '2026-10-15', legalDeadline: '2027-04-15' }] }

describe('CouncilOptions: the previous meeting', () => {
  it('proposes the budget session before the meeting, then sends the day typed instead', async () => {
    const app = renderWithApp(<Council />, { answers: answers as never })
    const previous = () => screen.getByRole('textbox', { name: /Date de la séance précédente/ }) as HTMLInputElement
    await screen.findByRole('textbox', { name: /Date de la séance précédente/ })
    await new Promise((resolve) => setTimeout(resolve, 50))
    await app.user.type(screen.getByRole('textbox', { name: 'Date de la séance' }), '10/12/2026')
    await app.user.tab()
    expect(previous().value).toBe('15/10/2026')
    expect(latest.previousMeetingDate).toBe('2026-10-15')

    await app.user.clear(previous())
    await app.user.type(previous(), '05/11/2026')
    await app.user.tab()
    expect(latest.previousMeetingDate).toBe('2026-11-05')
    const request = toReportRequest({ ...emptyReportForm(), kind: 'council', council: latest })
    expect(request.ok && request.request.kind === 'council' && request.request.previousMeetingDate).toBe('2026-11-05')
  })

  it('refuses a previous meeting on or after the meeting, in French', async () => {
    const app = renderWithApp(<Council />, { answers: answers as never })
    await app.user.type(await screen.findByRole('textbox', { name: 'Date de la séance' }), '10/12/2026')
    const previous = screen.getByRole('textbox', { name: /Date de la séance précédente/ })
    await app.user.clear(previous)
    await app.user.type(previous, '12/12/2026')
    await app.user.tab()
    expect(await screen.findByText('La séance précédente doit avoir eu lieu avant la date de la séance.')).toBeTruthy()
  })
})
