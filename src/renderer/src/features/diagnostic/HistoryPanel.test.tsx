import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { Campaign, Snapshot } from '@shared/contract'
import { failure, renderWithApp, type Answers } from '../../testing/render'
import { HistoryPanel } from './HistoryPanel'

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
    const app = renderWithApp(<HistoryPanel campaign={campaign} campaigns={[campaign]} />, { answers: answers(() => taken) })
    await app.user.type(await labelField(), 'Avant le conseil de juin')
    await app.user.click(screen.getByRole('button', { name: 'Prendre l’instantané' }))
    expect(await screen.findByText('L’instantané « Avant le conseil de juin » est enregistré.')).toBeTruthy()
    expect(app.inputsOf('snapshots.take')).toEqual([{ campaignId: 4, label: 'Avant le conseil de juin' }])
    await waitFor(async () => expect((await labelField()).value).toBe(''))
  })

  it('shows a refusal in French and keeps the name typed', async () => {
    const app = renderWithApp(<HistoryPanel campaign={campaign} campaigns={[campaign]} />, {
      answers: answers(() => failure('Choisissez un nom plus court.')),
    })
    await app.user.type(await labelField(), 'Conseil')
    await app.user.click(screen.getByRole('button', { name: 'Prendre l’instantané' }))
    expect(await screen.findByText('Choisissez un nom plus court.')).toBeTruthy()
    expect((await labelField()).value).toBe('Conseil')
  })
})
