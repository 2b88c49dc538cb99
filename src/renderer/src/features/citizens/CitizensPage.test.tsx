import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { CitizensList } from '@shared/contract'
import { renderWithApp } from '../../testing/render'
import { CitizensPage } from './CitizensPage'

// French writes thousands with a narrow no-break space (U+202F).
const NNBSP = '\u202f'

const list: CitizensList = {
  connected: true,
  items: [],
  total: 102345,
  page: 1,
  pageSize: 25,
  statusCounts: { recue: 98765, a_l_etude: 2500, retenue: 1080, realisee: 0, non_retenue: 0 },
  moderationCounts: { en_attente: 1200, publiee: 101145, masquee: 0 },
  everything: 102345,
}

describe('CitizensPage', () => {
  it('writes the counts of a large commune with French thousands', async () => {
    renderWithApp(<CitizensPage />, { answers: { 'citizens.list': () => list }, route: '/citoyens' })
    expect((await screen.findByTestId('count-recue')).textContent).toBe(`98${NNBSP}765`)
    expect(screen.getByTestId('count-a_l_etude').textContent).toBe(`2${NNBSP}500`)
    expect(screen.getByTestId('count-realisee').textContent).toBe('0')
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain(`102${NNBSP}345 contributions`)
  })
})
