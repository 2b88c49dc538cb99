import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { CriterionView } from '@shared/contract'
import { failure, renderWithApp } from '../../testing/render'
import { ApplicabilityDecision } from './ApplicabilityDecision'

const obligation: CriterionView = {
  id: 'pave',
  question: 'Le plan de mise en accessibilité de la voirie est-il adopté ?',
  kind: 'obligation',
  weight: 3,
  legalBasis: [],
  help: null,
  nextStep: 'Adopter le PAVE.',
  applicability: { applies: false, reason: 'Ne concerne que les communes de 1 000 habitants ou plus en population totale (la vôtre en compte 215).' },
}

const decided: CriterionView = {
  ...obligation,
  applicability: {
    applies: true,
    reason: '',
    decision: {
      applies: true,
      reason: 'Demande de la préfecture du 2 mars 2026',
      decidedBy: 'Claire Martin',
      decidedAt: '2026-03-04T10:00:00.000Z',
      ruleApplies: false,
      ruleReason: 'Ne concerne que les communes de 1 000 habitants ou plus en population totale (la vôtre en compte 215).',
    },
  },
}

describe('ApplicabilityDecision', () => {
  it('shows the badge, the reason, who and when, and what the rule alone says; an administrator can go back to the rule', async () => {
    const app = renderWithApp(<ApplicabilityDecision criterion={decided} canDecide />, { answers: { 'applicability.undo': () => ({}) } })
    expect(screen.getByText('Applicabilité décidée par la commune')).toBeTruthy()
    expect(screen.getByText('Raison : Demande de la préfecture du 2 mars 2026')).toBeTruthy()
    expect(screen.getByText(/Décidé par Claire Martin le 4 mars 2026\. Sans cette décision : Ne concerne que les communes/)).toBeTruthy()
    await app.user.click(screen.getByRole('button', { name: 'Revenir à la règle' }))
    const dialog = await screen.findByRole('dialog')
    await app.user.click(within(dialog).getByRole('button', { name: 'Revenir à la règle' }))
    await waitFor(() => expect(app.inputsOf('applicability.undo')).toEqual([{ criterionId: 'pave' }]))
  })

  it('hides « Revenir à la règle » from whoever cannot decide', () => {
    renderWithApp(<ApplicabilityDecision criterion={decided} canDecide={false} />)
    expect(screen.getByText('Applicabilité décidée par la commune')).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Revenir à la règle' })).toBeNull()
  })

  it('asks for a reason before declaring an obligation applicable, keeps what was typed when refused, then sends it', async () => {
    let refuse = true
    const app = renderWithApp(<ApplicabilityDecision criterion={obligation} canDecide />, {
      answers: {
        'applicability.decide': (input) =>
          refuse
            ? failure('Cette obligation s’applique déjà à la commune d’après sa règle : il n’y a rien à décider.')
            : { ...decided.applicability.decision!, ...input, question: obligation.question },
      },
    })
    await app.user.click(screen.getByRole('button', { name: 'Déclarer applicable…' }))
    expect(await screen.findByText(/D’après sa règle, cette obligation ne s’applique pas à votre commune/)).toBeTruthy()
    await app.user.click(screen.getByRole('button', { name: 'Déclarer applicable' }))
    expect(await screen.findByText('La raison de la décision est obligatoire.')).toBeTruthy()
    expect(app.inputsOf('applicability.decide')).toEqual([])
    await app.user.type(screen.getByLabelText(/Raison de la décision/), 'Demande de la préfecture')
    await app.user.click(screen.getByRole('button', { name: 'Déclarer applicable' }))
    expect(await screen.findByText(/rien à décider/)).toBeTruthy()
    expect((screen.getByLabelText(/Raison de la décision/) as HTMLTextAreaElement).value).toBe('Demande de la préfecture')
    refuse = false
    await app.user.click(screen.getByRole('button', { name: 'Déclarer applicable' }))
    await waitFor(() =>
      expect(app.inputsOf('applicability.decide').at(-1)).toEqual({ criterionId: 'pave', applies: true, reason: 'Demande de la préfecture' }),
    )
  })
})
