import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { Answer, CriterionView, MethodInput } from '@shared/contract'
import { failure, renderWithApp } from '../../testing/render'
import { AnswerEditor } from './AnswerEditor'

const criterion: CriterionView = {
  id: 'voirie.pave',
  question: 'Le plan de mise en accessibilité de la voirie est-il adopté ?',
  kind: 'obligation',
  weight: 3,
  legalBasis: [],
  help: null,
  nextStep: 'Adopter le PAVE.',
  applicability: { applies: true, reason: '' },
}

function stored(input: MethodInput<'answers.save'>): Answer {
  return {
    campaignId: input.campaignId,
    criterionId: input.criterionId,
    status: input.status,
    split: input.split ?? null,
    comment: input.comment ?? '',
    answeredBy: 'Claire Martin',
    answeredAt: '2026-12-01T10:00:00.000Z',
    evidence: [],
  }
}

describe('AnswerEditor', () => {
  it('saves the answer chosen and the comment typed, with no button, and says « Enregistré »', async () => {
    const app = renderWithApp(<AnswerEditor campaignId={1} criterion={criterion} answer={undefined} closed={false} />, {
      answers: { 'answers.save': stored },
    })
    expect(screen.queryByText('Enregistré')).toBeNull()
    await app.user.click(screen.getByText('Pas fait'))
    await app.user.type(screen.getByLabelText('Commentaire'), 'Devis demandé au bureau d’études')
    expect(await screen.findByText('Enregistré', {}, { timeout: 3000 })).toBeTruthy()
    // One save for the answer and its comment typed in one go: the last one holds both.
    const saved = app.inputsOf('answers.save')
    expect(saved.at(-1)).toMatchObject({ campaignId: 1, criterionId: 'voirie.pave', status: 'pas_fait', comment: 'Devis demandé au bureau d’études' })
    expect(saved.length).toBeLessThanOrEqual(2)
  })

  it('saves at once what is still waiting when the user leaves', async () => {
    const app = renderWithApp(<AnswerEditor campaignId={1} criterion={criterion} answer={undefined} closed={false} />, {
      answers: { 'answers.save': stored },
    })
    await app.user.click(screen.getByText('Fait'))
    app.unmount()
    await waitFor(() => expect(app.inputsOf('answers.save')).toEqual([expect.objectContaining({ status: 'fait' })]))
  })

  it('does not save a split that does not add up to 100 %, and says the change is not saved', async () => {
    const app = renderWithApp(<AnswerEditor campaignId={1} criterion={criterion} answer={undefined} closed={false} />, {
      answers: { 'answers.save': stored },
    })
    await app.user.click(screen.getByText('En partie'))
    const done = screen.getByLabelText('Part faite')
    await app.user.clear(done)
    await app.user.type(done, '70')
    expect(await screen.findByText('Modifications non enregistrées')).toBeTruthy()
    await new Promise((resolve) => setTimeout(resolve, 900))
    expect(app.inputsOf('answers.save')).toEqual([])
  })

  it('shows the French reason of a refused save and offers to try again', async () => {
    let refuse = true
    const app = renderWithApp(<AnswerEditor campaignId={1} criterion={criterion} answer={undefined} closed={false} />, {
      answers: { 'answers.save': (input) => (refuse ? failure('Cette campagne est clôturée : ses réponses ne changent plus.') : stored(input)) },
    })
    await app.user.click(screen.getByText('Fait'))
    expect(await screen.findByText('Cette campagne est clôturée : ses réponses ne changent plus.', {}, { timeout: 3000 })).toBeTruthy()
    refuse = false
    await app.user.click(screen.getByRole('button', { name: 'Réessayer' }))
    expect(await screen.findByText('Enregistré')).toBeTruthy()
  })
})
