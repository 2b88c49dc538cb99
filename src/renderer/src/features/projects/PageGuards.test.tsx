/** The forms of a project's tabs that are not in a dialog: leaving the project with something typed asks first. */
import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { ProjectDetail } from '@shared/contract'
import { keepEditing, leaveAndExpectQuestion, leaveAtOnce, PageWithMenu } from '../../testing/leave'
import { unpublishedProject } from '../../testing/publications'
import { renderWithApp, type Answers } from '../../testing/render'
import { ProjectPortalPanel } from '../publications/ProjectPortalPanel'
import { ParticipantsPanel } from './ParticipantsPanel'

const project = { id: 7, title: 'Rénovation de la salle des fêtes', participants: [] } as unknown as ProjectDetail
const publication = unpublishedProject({ connected: true })
const answers: Answers = { 'members.list': () => [], 'publications.project': () => publication }
const onProjectPage = (panel: React.ReactNode) =>
  renderWithApp(<PageWithMenu path="/projets/7">{panel}</PageWithMenu>, { route: '/projets/7', answers })

describe('Participants: an outside participant being typed', () => {
  it('asks before leaving the project with a name typed, and keeps it', async () => {
    const app = onProjectPage(<ParticipantsPanel project={project} />)
    await app.user.click(screen.getByText('Extérieur (habitant, partenaire…)'))
    await app.user.type(screen.getByRole('textbox', { name: 'Nom' }), 'Association des parents d’élèves')
    await leaveAndExpectQuestion(app)
    await keepEditing(app)
    expect((screen.getByRole('textbox', { name: 'Nom' }) as HTMLInputElement).value).toBe('Association des parents d’élèves')
  })

  it('leaves at once when only the kind was chosen', async () => {
    const app = onProjectPage(<ParticipantsPanel project={project} />)
    await app.user.click(screen.getByText('Extérieur (habitant, partenaire…)'))
    await leaveAtOnce(app)
  })
})

describe('Portail: the fields chosen before publishing', () => {
  it('asks before leaving the project with a field ticked but not published', async () => {
    const app = onProjectPage(<ProjectPortalPanel projectId={7} projectTitle={project.title} />)
    await app.user.click(await screen.findByRole('checkbox', { name: 'Le budget prévu' }))
    await leaveAndExpectQuestion(app)
    await keepEditing(app)
    expect((screen.getByRole('checkbox', { name: 'Le budget prévu' }) as HTMLInputElement).checked).toBe(true)
  })

  it('leaves at once while the fields are those already chosen', async () => {
    const app = onProjectPage(<ProjectPortalPanel projectId={7} projectTitle={project.title} />)
    await screen.findByRole('checkbox', { name: 'Le budget prévu' })
    await leaveAtOnce(app)
  })
})
