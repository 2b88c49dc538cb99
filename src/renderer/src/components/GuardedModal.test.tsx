import { screen } from '@testing-library/react'
import { useState } from 'react'
import { describe, expect, it } from 'vitest'
import { leaveAtOnce, PageWithMenu } from '../testing/leave'
import { renderWithApp } from '../testing/render'
import { useLeaveGuard } from './GuardedModal'

function GuardedField({ label }: { label: string }) {
  const [value, setValue] = useState('')
  useLeaveGuard(value !== '')
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
    await app.user.click(screen.getByRole('button', { name: 'Abandonner la saisie' }))
    expect(await screen.findByText('Page d’accueil')).toBeTruthy()
  })

  it('leaves at once while neither is typed in', async () => {
    const app = renderTwoForms()
    await leaveAtOnce(app)
  })
})
