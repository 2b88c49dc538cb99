import { screen, waitFor } from '@testing-library/react'
import { useState } from 'react'
import { Link, Route, Routes } from 'react-router'
import { describe, expect, it } from 'vitest'
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
function PageWithTwoForms() {
  return (
    <>
      <Link to="/">Accueil</Link>
      <Routes>
        <Route path="/" element={<p>Page d’accueil</p>} />
        <Route
          path="/page"
          element={
            <section>
              <GuardedField label="Premier formulaire" />
              <GuardedField label="Second formulaire" />
            </section>
          }
        />
      </Routes>
    </>
  )
}

describe('useLeaveGuard with several forms on one page', () => {
  it.each(['Premier formulaire', 'Second formulaire'])('asks before leaving with « %s » typed', async (label) => {
    const app = renderWithApp(<PageWithTwoForms />, { route: '/page' })
    await app.user.type(screen.getByLabelText(label), 'brouillon')
    await app.user.click(screen.getByRole('link', { name: 'Accueil' }))
    expect(await screen.findByText('Abandonner la saisie ?')).toBeTruthy()
    await app.user.click(screen.getByRole('button', { name: 'Abandonner la saisie' }))
    expect(await screen.findByText('Page d’accueil')).toBeTruthy()
  })

  it('leaves at once while neither is typed in', async () => {
    const app = renderWithApp(<PageWithTwoForms />, { route: '/page' })
    await app.user.click(screen.getByRole('link', { name: 'Accueil' }))
    await waitFor(() => expect(screen.getByText('Page d’accueil')).toBeTruthy())
  })
})
