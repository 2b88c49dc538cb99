/** The notice that follows a send to the portal, through a project's « Portail citoyen » tab. */
import { screen, waitFor, within } from '@testing-library/react'
import { useState } from 'react'
import { describe, expect, it } from 'vitest'
import type { OutboxItemView, ProjectPublication } from '@shared/contract'
import { outboxItem as outboxItem, unpublishedProject } from '../../testing/publications'
import { renderWithApp } from '../../testing/render'
import { ProjectPortalPanel } from './ProjectPortalPanel'
import { SENT_NOTICE_MS } from './usePortalNotice'

const TITLE = 'Rénovation de la salle des fêtes'

const publishedAt = '2026-12-02T09:00:00.000Z'
const published = (item: OutboxItemView): ProjectPublication =>
  unpublishedProject({ connected: true, published: true, fields: ['summary'], publishedAt, publishedBy: 'Secrétariat', item })
const SENT = { state: 'publie', attempts: 1, sentAt: '2026-12-02T09:00:02.000Z' } as const

/** The project tab, and a way to leave it (as going to another page does) while the app, its notices included, stays. */
function TabThenElsewhere() {
  const [shown, setShown] = useState(true)
  return (
    <>
      <button onClick={() => setShown(false)}>Ailleurs</button>
      {shown && <ProjectPortalPanel projectId={7} projectTitle={TITLE} />}
    </>
  )
}

function render(first: ProjectPublication, answers: { publish?: () => ProjectPublication; withdraw?: () => ProjectPublication }) {
  const state = { publication: first }
  const app = renderWithApp(<TabThenElsewhere />, {
    answers: {
      'publications.project': () => state.publication,
      ...(answers.publish && { 'publications.publishProject': answers.publish }),
      ...(answers.withdraw && { 'publications.withdrawProject': answers.withdraw }),
    },
  })
  /** The relay answered: the outbox says so (data.changed), the tab reads the item again. */
  const relayAnswers = (publication: ProjectPublication) => {
    state.publication = publication
    app.emit('data.changed', { domains: ['portal'] })
  }
  return { app, state, relayAnswers }
}

/** The notice: a status outside the tab (the tab's own state line is one too). */
function notice(): HTMLElement | undefined {
  const panel = screen.queryByRole('region', { name: 'Portail citoyen' })
  return screen.queryAllByRole('status').find((element) => !panel?.contains(element))
}

describe('usePortalNotice', () => {
  it('follows a publication, then its withdrawal, in one notice that closes by itself once the withdrawal is done', async () => {
    const { app, state, relayAnswers } = render(unpublishedProject({ connected: true }), {
      publish: () => (state.publication = published(outboxItem())),
      withdraw: () =>
        (state.publication = unpublishedProject({ connected: true, item: outboxItem({ action: 'delete', updatedAt: '2026-12-02T09:05:00.000Z' }) })),
    })
    await app.user.click(await screen.findByRole('button', { name: 'Publier sur le portail' }))
    await waitFor(() => expect(notice()).toBeDefined())
    expect(within(notice()!).getByText(TITLE)).toBeTruthy()
    expect(within(notice()!).getByText('Publication enregistrée : le projet sera publié dès que le relais répondra.')).toBeTruthy()

    relayAnswers(published(outboxItem(SENT)))
    expect(await within(notice()!).findByText('Projet publié sur le portail.')).toBeTruthy()
    expect(screen.getByRole('status', { name: 'État' }).textContent).toContain('Publié sur le portail')

    // The same outbox item withdrawn: the notice says so instead (not a second notice).
    await app.user.click(screen.getByRole('button', { name: 'Retirer du portail' }))
    await app.user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Retirer du portail' }))
    expect(await within(notice()!).findByText('Le projet sera retiré du portail dès que le relais répondra.')).toBeTruthy()
    expect(screen.getAllByRole('status')).toHaveLength(2)

    relayAnswers(unpublishedProject({ connected: true, item: outboxItem({ ...SENT, action: 'delete', updatedAt: '2026-12-02T09:05:00.000Z' }) }))
    expect(await within(notice()!).findByText('Projet retiré du portail.')).toBeTruthy()
    await waitFor(() => expect(notice()).toBeUndefined(), { timeout: SENT_NOTICE_MS + 5_000 })
  })

  it('says what the write answered while the tab still shows an older version of the item', async () => {
    const before = outboxItem(SENT)
    const { app } = render(published(before), {
      // The answer is newer than what the tab reads back (its refresh not yet up to date).
      publish: () => published(outboxItem({ updatedAt: '2026-12-02T10:00:00.000Z' })),
    })
    await app.user.click(await screen.findByRole('button', { name: 'Mettre à jour les informations publiées' }))
    await waitFor(() => expect(notice()).toBeDefined())
    expect(within(notice()!).getByText('Publication enregistrée : le projet sera publié dès que le relais répondra.')).toBeTruthy()
    expect(within(notice()!).queryByText('Projet publié sur le portail.')).toBeNull()
  })

  it('once closed, stays closed when the item changes; leaving the tab closes a notice still waiting', async () => {
    const { app, state, relayAnswers } = render(unpublishedProject({ connected: true }), {
      publish: () => (state.publication = published(outboxItem())),
    })
    await app.user.click(await screen.findByRole('button', { name: 'Publier sur le portail' }))
    await waitFor(() => expect(notice()).toBeDefined())
    await app.user.click(within(notice()!).getByRole('button', { name: 'Fermer ce message' }))
    await waitFor(() => expect(notice()).toBeUndefined())
    relayAnswers(published(outboxItem({ state: 'erreur', attempts: 1, lastError: 'Le relais ne connaît plus cet ordinateur.' })))
    expect(await screen.findByText('Refusé par le relais : Le relais ne connaît plus cet ordinateur.')).toBeTruthy()
    expect(notice()).toBeUndefined()

    await app.user.click(screen.getByRole('button', { name: 'Mettre à jour les informations publiées' }))
    await waitFor(() => expect(notice()).toBeDefined())
    await app.user.click(screen.getByRole('button', { name: 'Ailleurs' }))
    await waitFor(() => expect(notice()).toBeUndefined())
  })
})
