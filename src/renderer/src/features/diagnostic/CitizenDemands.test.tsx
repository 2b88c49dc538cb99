/** The diagnostic's « demandes des citoyens »: the portal's contributions per theme, linked to the Citoyens page, beside the local ones. */
import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { CitizenInput, DomainScore, ThemeScore } from '@shared/contract'
import { formatInteger } from '@shared/format'
import { keepEditing, leaveAndExpectQuestion, leaveAtOnce, PageWithMenu } from '../../testing/leave'
import { renderWithApp } from '../../testing/render'
import { DomainScores } from './DomainScores'
import { CitizenRequests } from './ThemeAnswersPage'

const breakdown = { potential: 10, done: 50, programmed: 0, notDone: 50, notAnswered: 0, applicableCriteria: 2, answeredCriteria: 2 }
const theme = (themeId: string, title: string, citizenInputs: number): ThemeScore => ({
  ...breakdown,
  themeId,
  domainId: 'securite',
  title,
  applies: true,
  unmetObligations: 0,
  citizenInputs,
})
const domains: DomainScore[] = [
  {
    ...breakdown,
    domainId: 'securite',
    title: 'Sécurité',
    applies: true,
    unmetObligations: 0,
    themes: [theme('risques', 'Risques majeurs', 1250), theme('voirie', 'Voirie', 0)],
  },
]
const local: CitizenInput = { id: 1, themeId: 'risques', summary: 'Sirène inaudible', receivedOn: '2026-04-02', source: 'local', createdBy: 'Paul' }

describe('diagnostic citizen demands', () => {
  it('shows, per theme, the total and the portal contributions linking to the Citoyens page filtered on the theme', async () => {
    const { user } = renderWithApp(<DomainScores campaignId={3} domains={domains} />, {
      answers: { 'citizenInputs.contributionCounts': () => [{ themeId: 'risques', count: 1249 }] },
    })
    await user.click(screen.getByRole('button', { name: 'Sécurité' }))
    const table = screen.getByRole('table', { name: 'Thèmes du domaine Sécurité' })
    const link = await within(table).findByRole('link', {
      name: `${formatInteger(1249)} contributions du portail sur le thème Risques majeurs : les voir sur la page Citoyens`,
    })
    expect(link.getAttribute('href')).toBe('/citoyens?theme=risques')
    expect(link.textContent).toBe(`dont ${formatInteger(1249)} du portail`)
    expect(within(table).getAllByRole('row')[1]!.textContent).toContain(`${formatInteger(1250)}dont`)
    // A theme with nothing from the portal has no link.
    expect(within(table).getAllByRole('link', { name: /contributions? du portail/ })).toHaveLength(1)
    expect(screen.getByText(/celles masquées ou marquées comme doublons ne comptent pas/)).toBeTruthy()
  })

  it('on a theme’s page, counts both, links to the portal ones and still lets the mairie enter a request', async () => {
    const first = renderWithApp(<CitizenRequests themeId="risques" themeTitle="Risques majeurs" />, {
      answers: { 'citizenInputs.list': () => [local], 'citizenInputs.contributionCounts': () => [{ themeId: 'risques', count: 1 }] },
    })
    expect(await screen.findByRole('heading', { name: '2 demandes de citoyens sur ce thème' })).toBeTruthy()
    const link = screen.getByRole('link', { name: '1 contribution du portail sur le thème Risques majeurs : la voir sur la page Citoyens' })
    expect(link.getAttribute('href')).toBe('/citoyens?theme=risques')
    expect(screen.getByText('1 demande saisie à la mairie')).toBeTruthy()
    expect(screen.getByText(/Sirène inaudible/)).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Ajouter' })).toBeTruthy()
    first.unmount()

    renderWithApp(<CitizenRequests themeId="voirie" themeTitle="Voirie" />, {
      answers: { 'citizenInputs.list': () => [local], 'citizenInputs.contributionCounts': () => [{ themeId: 'risques', count: 1 }] },
    })
    expect(await screen.findByText(/Aucune contribution du portail n’est rattachée à ce thème/)).toBeTruthy()
    expect(screen.getByRole('heading', { name: 'Aucune demande de citoyen sur ce thème' })).toBeTruthy()
    expect(screen.queryByRole('link')).toBeNull()
  })
})

describe('a citizen request being typed on a theme’s page', () => {
  const onThemePage = () =>
    renderWithApp(
      <PageWithMenu path="/diagnostic/3/theme/risques">
        <CitizenRequests themeId="risques" themeTitle="Risques majeurs" />
      </PageWithMenu>,
      {
        route: '/diagnostic/3/theme/risques',
        answers: { 'citizenInputs.list': () => [], 'citizenInputs.contributionCounts': () => [] },
      },
    )
  const summary = () => screen.getByRole('textbox', { name: 'Demande reçue (résumé)' }) as HTMLInputElement

  it('asks before leaving the theme with a request not added, and keeps it', async () => {
    const app = onThemePage()
    await app.user.type(summary(), 'Trottoir dangereux rue de l’école')
    await leaveAndExpectQuestion(app)
    await keepEditing(app)
    expect(summary().value).toBe('Trottoir dangereux rue de l’école')
  })

  it('leaves at once while nothing is typed', async () => {
    const app = onThemePage()
    await leaveAtOnce(app)
  })
})
