import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { renderWithApp } from '../../testing/render'
import { FundingDialog } from './BudgetPanel'

describe('FundingDialog', () => {
  it('warns, without refusing, when more is asked than the project’s budget', async () => {
    const onClose = vi.fn()
    const app = renderWithApp(<FundingDialog projectId={4} budgetPlannedCents={2_000_000} funding={null} onClose={onClose} />, {
      answers: { 'fundings.create': (input) => ({ id: 1, ...input }) as never },
    })
    const requested = await screen.findByLabelText('Montant demandé')
    await app.user.clear(requested)
    await app.user.type(requested, '15000')
    expect(screen.queryByText('Montant supérieur au budget du projet')).toBeNull()
    await app.user.type(requested, '0')
    expect(await screen.findByText('Montant supérieur au budget du projet')).toBeTruthy()
    expect(screen.getByText(/Vous demandez 150 000,00 € pour un budget prévu de 20 000,00 €/)).toBeTruthy()
    await app.user.click(screen.getByRole('button', { name: 'Ajouter un financement' }))
    await waitFor(() => expect(onClose).toHaveBeenCalled())
    expect(app.inputsOf('fundings.create')).toEqual([expect.objectContaining({ projectId: 4, requestedCents: 15_000_000 })])
  })
})
