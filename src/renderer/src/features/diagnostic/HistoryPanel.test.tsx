import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { Campaign, Snapshot } from '@shared/contract'
import { failure, renderWithApp, type Answers } from '../../testing/render'
import { keepEditing, leaveAndExpectQuestion, leaveAtOnce, PageWithMenu } from '../../testing/leave'
import { HistoryPanel, useSnapshotForm } from './HistoryPanel'

const campaign: Campaign = {
  id: 4,
  name: 'Diagnostic 2026',
  referentielVersion: '2026.2',
  createdAt: '2026-04-01T08:00:00.000Z',
  createdBy: 'Secrétaire',
  closedAt: null,
  answeredPercent: 40,
  score: 35,
}

/** The panel with its name form held above it, as the diagnostic page holds it across its tabs. */
function Panel() {
  const form = useSnapshotForm()
  return <HistoryPanel campaign={campaign} campaigns={[campaign]} form={form} />
}

const answers = (take: Answers['snapshots.take']): Answers => ({ 'snapshots.list': () => [], 'snapshots.take': take })
const labelField = () => screen.findByLabelText('Nom de l’instantané') as Promise<HTMLInputElement>

describe('the diagnostic history: taking a snapshot', () => {
  it('takes it under the name typed, says so and empties the field', async () => {
    const taken: Snapshot = {
      id: 1,
      campaignId: 4,
      campaignName: campaign.name,
      label: 'Avant le conseil de juin',
      takenAt: '2026-06-01T08:00:00.000Z',
      takenBy: 'Secrétaire',
      score: 35,
    }
    const app = renderWithApp(<Panel />, { answers: answers(() => taken) })
    await app.user.type(await labelField(), 'Avant le conseil de juin')
    await app.user.click(screen.getByRole('button', { name: 'Prendre l’instantané' }))
    expect(await screen.findByText('L’instantané « Avant le conseil de juin » est enregistré.')).toBeTruthy()
    expect(app.inputsOf('snapshots.take')).toEqual([{ campaignId: 4, label: 'Avant le conseil de juin' }])
    await waitFor(async () => expect((await labelField()).value).toBe(''))
  })

  it('shows a refusal in French and keeps the name typed', async () => {
    const app = renderWithApp(<Panel />, {
      answers: answers(() => failure('Choisissez un nom plus court.')),
    })
    await app.user.type(await labelField(), 'Conseil')
    await app.user.click(screen.getByRole('button', { name: 'Prendre l’instantané' }))
    expect(await screen.findByText('Choisissez un nom plus court.')).toBeTruthy()
    expect((await labelField()).value).toBe('Conseil')
  })
})

describe('the diagnostic history: a snapshot name being typed', () => {
  const onPage = () =>
    renderWithApp(
      <PageWithMenu path="/diagnostic/4">
        <Panel />
      </PageWithMenu>,
      { answers: answers(() => failure('non appelé')), route: '/diagnostic/4' },
    )

  it('asks before leaving the page with a name typed, and keeps it', async () => {
    const app = onPage()
    await app.user.type(await labelField(), 'Avant le conseil')
    await leaveAndExpectQuestion(app)
    await keepEditing(app)
    expect((await labelField()).value).toBe('Avant le conseil')
  })

  it('leaves at once while no name is typed', async () => {
    const app = onPage()
    await labelField()
    await leaveAtOnce(app)
  })
})
