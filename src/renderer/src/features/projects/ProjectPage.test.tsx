import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { Link, Route, Routes, useLocation } from 'react-router'
import type { ProjectDetail } from '@shared/contract'
import { unpublishedProject } from '../../testing/publications'
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

describe('ProjectPage: the tabs that keep what is typed', () => {
  const withTabs: Answers = {
    ...answers(() => ({ ok: true as const })),
    'members.list': () => [],
    'publications.project': () => unpublishedProject(),
    'audit.list': () => ({ items: [], total: 0 }),
  }

  it('reads the portal state only once « Portail citoyen » is opened', async () => {
    const app = renderWithApp(<ProjectRoutes />, { route: '/projets/7', answers: withTabs })
    await screen.findByRole('heading', { name: 'Rénover la salle des fêtes' })
    await app.user.click(screen.getByRole('tab', { name: 'Participants' }))
    await app.user.click(screen.getByRole('tab', { name: 'Historique' }))
    expect(app.inputsOf('publications.project')).toEqual([])
    await app.user.click(screen.getByRole('tab', { name: 'Portail citoyen' }))
    expect(await screen.findByRole('checkbox', { name: 'Le budget prévu' })).toBeTruthy()
    expect(app.inputsOf('publications.project')).toEqual([{ projectId: 7 }])
  })

  it('keeps a comment and the fields ticked across a look at another tab', async () => {
    const app = renderWithApp(<ProjectRoutes />, { route: '/projets/7', answers: withTabs })
    await app.user.click(await screen.findByRole('tab', { name: 'Échanges et documents' }))
    await app.user.type(screen.getByRole('textbox', { name: 'Nouveau commentaire' }), 'Devis reçu du menuisier')
    await app.user.click(screen.getByRole('tab', { name: 'Portail citoyen' }))
    await app.user.click(await screen.findByRole('checkbox', { name: 'Le budget prévu' }))
    await app.user.click(screen.getByRole('tab', { name: 'Actions et tâches' }))
    await app.user.click(screen.getByRole('tab', { name: 'Échanges et documents' }))
    expect((screen.getByRole('textbox', { name: 'Nouveau commentaire' }) as HTMLTextAreaElement).value).toBe('Devis reçu du menuisier')
    await app.user.click(screen.getByRole('tab', { name: 'Portail citoyen' }))
    expect((screen.getByRole('checkbox', { name: 'Le budget prévu' }) as HTMLInputElement).checked).toBe(true)
    // The portal state was read once: the tab stayed mounted.
    expect(app.inputsOf('publications.project')).toHaveLength(1)
  })
})

describe('ProjectPage: the tab follows the address', () => {
  const withTabs: Answers = {
    ...answers(() => ({ ok: true as const })),
    'members.list': () => [],
    'publications.project': () => unpublishedProject(),
    'audit.list': () => ({ items: [], total: 0 }),
  }

  /** The page with, beside it, in-app links to the same project and what the address says now. */
  function PageWithLinks() {
    const location = useLocation()
    return (
      <>
        <Link to="/projets/7?onglet=historique">Historique du projet</Link>
        <Link to="/projets/7?onglet=portail">Portail du projet</Link>
        <Link to="/projets/7">Le projet</Link>
        <output aria-label="Adresse">{location.pathname + location.search}</output>
        <ProjectRoutes />
      </>
    )
  }
  const selected = () => screen.getByRole('tab', { selected: true }).textContent
  const address = () => screen.getByRole('status', { name: 'Adresse' }).textContent

  it('opens on the tab of ?onglet=', async () => {
    renderWithApp(<ProjectRoutes />, { route: '/projets/7?onglet=portail', answers: withTabs })
    await screen.findByRole('heading', { name: 'Rénover la salle des fêtes' })
    expect(selected()).toBe('Portail citoyen')
    expect(await screen.findByRole('checkbox', { name: 'Le budget prévu' })).toBeTruthy()
  })

  it('an unknown ?onglet= shows the first tab', async () => {
    renderWithApp(<ProjectRoutes />, { route: '/projets/7?onglet=inconnu', answers: withTabs })
    await screen.findByRole('heading', { name: 'Rénover la salle des fêtes' })
    expect(selected()).toBe('Actions et tâches')
  })

  it('switches when a link to the same project names another tab, and mounts that tab then', async () => {
    const app = renderWithApp(<PageWithLinks />, { route: '/projets/7?onglet=participants', answers: withTabs })
    await screen.findByRole('heading', { name: 'Rénover la salle des fêtes' })
    expect(selected()).toBe('Participants')
    await app.user.click(screen.getByRole('link', { name: 'Portail du projet' }))
    await waitFor(() => expect(selected()).toBe('Portail citoyen'))
    expect(await screen.findByRole('checkbox', { name: 'Le budget prévu' })).toBeTruthy()
    expect(app.inputsOf('publications.project')).toEqual([{ projectId: 7 }])
    await app.user.click(screen.getByRole('link', { name: 'Historique du projet' }))
    await waitFor(() => expect(selected()).toBe('Historique'))
    await app.user.click(screen.getByRole('link', { name: 'Le projet' }))
    await waitFor(() => expect(selected()).toBe('Actions et tâches'))
    // The project was read once: the page stayed, only its tab changed.
    expect(app.inputsOf('projects.get')).toHaveLength(1)
  })

  it('writes the tab clicked into the address, without the task a link had opened', async () => {
    const app = renderWithApp(<PageWithLinks />, { route: '/projets/7?tache=3', answers: withTabs })
    await screen.findByRole('heading', { name: 'Rénover la salle des fêtes' })
    await app.user.click(screen.getByRole('tab', { name: 'Historique' }))
    expect(address()).toBe('/projets/7?onglet=historique')
    expect(selected()).toBe('Historique')
    await app.user.click(screen.getByRole('tab', { name: 'Portail citoyen' }))
    expect(address()).toBe('/projets/7?onglet=portail')
    await app.user.click(screen.getByRole('tab', { name: 'Actions et tâches' }))
    expect(address()).toBe('/projets/7')
    expect(selected()).toBe('Actions et tâches')
  })

  it('another project opens afresh: its own tab, nothing typed for the last one', async () => {
    const app = renderWithApp(
      <>
        <Link to="/projets/7?onglet=echanges">Salle des fêtes</Link>
        <Link to="/projets/8">École</Link>
        <ProjectRoutes />
      </>,
      {
        route: '/projets/8',
        answers: { ...withTabs, 'projects.get': ({ id }) => ({ ...project, id, title: id === 8 ? 'Agrandir l’école' : project.title }) },
      },
    )
    await screen.findByRole('heading', { name: 'Agrandir l’école' })
    await app.user.click(screen.getByRole('link', { name: 'Salle des fêtes' }))
    await app.user.type(await screen.findByRole('textbox', { name: 'Nouveau commentaire' }), 'Devis reçu du menuisier')
    // Back to a project already read (shown at once, from the cache): asked first, then nothing of the other one.
    await app.user.click(screen.getByRole('link', { name: 'École' }))
    await app.user.click(await screen.findByRole('button', { name: 'Abandonner la saisie' }))
    expect(await screen.findByRole('heading', { name: 'Agrandir l’école' })).toBeTruthy()
    expect(selected()).toBe('Actions et tâches')
    await app.user.click(screen.getByRole('tab', { name: 'Échanges et documents' }))
    expect((screen.getByRole('textbox', { name: 'Nouveau commentaire' }) as HTMLTextAreaElement).value).toBe('')
  })
})
