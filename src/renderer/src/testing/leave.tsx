/** For tests of a form's leave guard: the page with the menu's way out, and the steps of trying to leave it. */
import { screen, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import { Link, Route, Routes } from 'react-router'
import { expect } from 'vitest'
import type { Rendered } from './render'

/** The form's page at `path`, with a menu link « Accueil » to a home page that says « Page d’accueil ». */
export function PageWithMenu({ path, children }: { path: string; children: ReactNode }) {
  return (
    <>
      <Link to="/">Accueil</Link>
      <Routes>
        <Route path="/" element={<p>Page d’accueil</p>} />
        <Route path={path} element={children} />
      </Routes>
    </>
  )
}

/** Clicks « Accueil » and expects to be asked first. */
export async function leaveAndExpectQuestion(app: Rendered): Promise<void> {
  await app.user.click(screen.getByRole('link', { name: 'Accueil' }))
  expect(await screen.findByText('Abandonner la saisie ?')).toBeTruthy()
}

/** Answers « Continuer la saisie »: the question goes, the page stays. */
export async function keepEditing(app: Rendered): Promise<void> {
  await app.user.click(screen.getByRole('button', { name: 'Continuer la saisie' }))
  await waitFor(() => expect(screen.queryByText('Abandonner la saisie ?')).toBeNull())
  expect(screen.queryByText('Page d’accueil')).toBeNull()
}

/** Clicks « Accueil » and expects to be there at once. */
export async function leaveAtOnce(app: Rendered): Promise<void> {
  await app.user.click(screen.getByRole('link', { name: 'Accueil' }))
  expect(await screen.findByText('Page d’accueil')).toBeTruthy()
}
