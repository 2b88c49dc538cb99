import { screen } from '@testing-library/react'
import { useState } from 'react'
import { describe, expect, it } from 'vitest'
import { keepEditing, leaveAndExpectQuestion, leaveAtOnce, PageWithMenu } from '../testing/leave'
import { renderWithApp } from '../testing/render'
import { useLeaveGuard } from './GuardedModal'

function GuardedField({ label, message }: { label: string; message?: () => string }) {
  const [value, setValue] = useState('')
  useLeaveGuard(value !== '', { message })
  return (
    <label>
      {label}
      <input value={value} onChange={(event) => setValue(event.currentTarget.value)} />
    </label>
  )
}

/** Two forms on one page, as Paramètres › Commune holds the commune's card and its population. */
const renderTwoForms = () =>
  renderWithApp(
    <PageWithMenu path="/page">
      <GuardedField label="Premier formulaire" />
      <GuardedField label="Second formulaire" />
    </PageWithMenu>,
    { route: '/page' },
  )

describe('useLeaveGuard with several forms on one page', () => {
  it.each(['Premier formulaire', 'Second formulaire'])('asks before leaving with « %s » typed', async (label) => {
    const app = renderTwoForms()
    await app.user.type(screen.getByLabelText(label), 'brouillon')
    await app.user.click(screen.getByRole('link', { name: 'Accueil' }))
    expect(await screen.findByText('Abandonner la saisie ?')).toBeTruthy()
    expect(screen.getByText('Ce que vous avez saisi sur cette page n’est pas enregistré : en la quittant, il sera perdu.')).toBeTruthy()
    await app.user.click(screen.getByRole('button', { name: 'Abandonner la saisie' }))
    expect(await screen.findByText('Page d’accueil')).toBeTruthy()
  })

  it('leaves at once while neither is typed in', async () => {
    const app = renderTwoForms()
    await leaveAtOnce(app)
  })
})

describe('useLeaveGuard’s question', () => {
  it('says what the form asks it to say, for the form that would lose something', async () => {
    const app = renderWithApp(
      <PageWithMenu path="/page">
        <GuardedField label="Premier formulaire" message={() => 'Le premier formulaire serait perdu.'} />
        <GuardedField label="Second formulaire" message={() => 'Le second formulaire serait perdu.'} />
      </PageWithMenu>,
      { route: '/page' },
    )
    await app.user.type(screen.getByLabelText('Second formulaire'), 'brouillon')
    await leaveAndExpectQuestion(app)
    expect(screen.getByText('Le second formulaire serait perdu.')).toBeTruthy()
    expect(screen.queryByText('Le premier formulaire serait perdu.')).toBeNull()
    await keepEditing(app)
  })
})
