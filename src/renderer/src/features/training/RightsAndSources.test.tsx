import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { TrainingContent } from '@shared/contract'
import { renderWithApp } from '../../testing/render'
import { RightsAndSources } from './RightsAndSources'

/** As resources/formation/formation.json cites the CGCT: its article numbers, with links to the whole code. */
const code = {
  code: 'CGCT',
  url: 'https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006070633/',
  linksTo: 'code',
  checkedOn: '2026-12-01',
} as const
const content = {
  checkedOn: '2026-12-01',
  rights: [
    {
      id: 'droit-formation',
      title: 'Le droit à une formation adaptée à vos fonctions',
      text: 'Chaque conseiller municipal a droit à une formation.',
      legalBasis: [{ ...code, article: 'L2123-12' }],
    },
  ],
  ruleSources: [
    {
      rule: 'firstYearMonths',
      label: 'Formation des élus délégués la première année',
      legalBasis: [{ ...code, article: 'L2123-12', summary: 'Une formation est organisée au cours de la première année.' }],
      confirmed: true,
    },
  ],
  sources: [],
  catalogue: [],
} as unknown as TrainingContent

describe('RightsAndSources', () => {
  it('labels the links that open the whole CGCT « Lien vers le code », in the rights and the legal figures', async () => {
    renderWithApp(<RightsAndSources content={content} />, { answers: { 'referentiel.get': () => ({ domains: [] }) as never } })
    const rules = await screen.findByLabelText('Les règles et leurs textes')
    const codeLinks = within(rules).getAllByRole('link', { name: /Ouvrir le code sur Légifrance, où l’article L2123-12/ })
    expect(codeLinks[0]!.textContent).toBe('Lien vers le code')
    const right = screen.getByLabelText(content.rights[0]!.title)
    expect(within(right).getAllByText('Lien vers le code').length).toBeGreaterThan(0)
    // No link to the code is left named after the article, as if it opened it.
    expect(screen.queryByRole('link', { name: 'CGCT, art. L2123-12' })).toBeNull()
  })
})
