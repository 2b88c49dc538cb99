import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { Route, Routes } from 'react-router'
import type { ProjectDetail } from '@shared/contract'
import { failure, renderWithApp, type Answers } from '../../testing/render'
import { ProjectPage } from './ProjectPage'

const project: ProjectDetail = {
  id: 7,
  title: 'Rénover la salle des fêtes',
  status: 'en_cours',
  priority: 'haute',
  domainId: null,
  referentMemberId: null,
  referentName: null,
  startOn: null,
  endOn: null,
  budgetPlannedCents: 0,
  budgetCommittedCents: 0,
  budgetSpentCents: 0,
  progress: null,
  openTasks: 0,
  overdueTasks: 0,
  updatedAt: '2026-11-30T10:00:00.000Z',
  description: '',
  themeIds: [],
  criterionIds: [],
  createdAt: '2026-11-01T10:00:00.000Z',
  createdBy: 'Secrétaire',
  participants: [],
  actions: [],
  tasks: [],
  comments: [],
  attachments: [],
  fundings: [],
  indicators: [],
}

const answers = (remove: Answers['projects.remove']): Answers => ({
  'projects.get': () => project,
  'session.get': () => ({
    profile: { id: 1, displayName: 'Secrétaire', memberId: null, isAdmin: true, hasPassword: false, lastSignInAt: null },
  }),
  'projects.remove': remove,
})

function ProjectRoutes() {
  return (
    <Routes>
      <Route path="/projets" element={<p>Liste des projets</p>} />
      <Route path="/projets/:projectId" element={<ProjectPage />} />
    </Routes>
  )
}

describe('ProjectPage: removing the project', () => {
  it('asks first, removes, and goes to the list', async () => {
    const app = renderWithApp(<ProjectRoutes />, { route: '/projets/7', answers: answers(() => ({ ok: true as const })) })
    await app.user.click(await screen.findByRole('button', { name: 'Supprimer' }))
    expect(await screen.findByText('Supprimer ce projet ?')).toBeTruthy()
    await app.user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Supprimer' }))
    expect(await screen.findByText('Liste des projets')).toBeTruthy()
    expect(app.inputsOf('projects.remove')).toEqual([{ id: 7 }])
    expect(screen.queryByRole('heading', { name: 'Rénover la salle des fêtes' })).toBeNull()
  })

  it('a refused removal says why and stays on the project', async () => {
    const app = renderWithApp(<ProjectRoutes />, {
      route: '/projets/7',
      answers: answers(() => failure('Seul un administrateur peut supprimer un projet.')),
    })
    await app.user.click(await screen.findByRole('button', { name: 'Supprimer' }))
    await app.user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Supprimer' }))
    expect(await screen.findByText('Seul un administrateur peut supprimer un projet.')).toBeTruthy()
    await waitFor(() => expect(screen.queryByText('Liste des projets')).toBeNull())
    expect(screen.getByRole('heading', { name: 'Rénover la salle des fêtes' })).toBeTruthy()
  })
})
