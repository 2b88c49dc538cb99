import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { renderWithApp } from '../../testing/render'
import { outboxItem } from '../../testing/publications'
import { PortalItemActions, PortalStateCell } from './PortalItemCells'
import classes from './PortalTable.module.css'

const waiting = outboxItem({ id: 9, kind: 'poll', externalId: 'consultation-4', label: 'Horaires de la bibliothèque' })

function renderActions(withdrawn: boolean) {
  const handlers = { onEdit: vi.fn(), onWithdraw: vi.fn(), onRepublish: vi.fn() }
  const app = renderWithApp(<PortalItemActions title="Horaires de la bibliothèque" withdrawn={withdrawn} {...handlers} />)
  return { app, ...handlers }
}

describe('PortalItemActions', () => {
  it('names the item on its button, and offers « Modifier » then « Retirer du portail », each reached with the keyboard', async () => {
    const { app, onEdit, onWithdraw, onRepublish } = renderActions(false)
    const button = await screen.findByRole('button', { name: 'Actions pour « Horaires de la bibliothèque »' })
    expect(button.textContent).toBe('Actions')
    expect(screen.queryByRole('menu')).toBeNull()

    await app.user.tab()
    expect(document.activeElement).toBe(button)
    await app.user.keyboard('{Enter}')
    const menu = await screen.findByRole('menu')
    expect(
      within(menu)
        .getAllByRole('menuitem')
        .map((item) => item.textContent),
    ).toEqual(['Modifier', 'Retirer du portail'])
    // The menu takes the focus; the arrows go from one action to the next.
    await waitFor(() => expect(menu.contains(document.activeElement)).toBe(true))
    await app.user.keyboard('{ArrowDown}')
    expect(document.activeElement).toBe(within(menu).getByRole('menuitem', { name: 'Modifier' }))
    await app.user.keyboard('{ArrowDown}')
    expect(document.activeElement).toBe(within(menu).getByRole('menuitem', { name: 'Retirer du portail' }))
    await app.user.keyboard('{Enter}')
    // Withdrawing is the caller's confirmation: the menu only asks for it, and closes.
    expect(onWithdraw).toHaveBeenCalledTimes(1)
    expect(onEdit).not.toHaveBeenCalled()
    await waitFor(() => expect(screen.queryByRole('menu')).toBeNull())

    await app.user.click(button)
    await app.user.click(within(await screen.findByRole('menu')).getByRole('menuitem', { name: 'Modifier' }))
    expect(onEdit).toHaveBeenCalledTimes(1)
    expect(onRepublish).not.toHaveBeenCalled()
  })

  it('closes with Échap, the focus back on its button', async () => {
    const { app } = renderActions(false)
    const button = await screen.findByRole('button', { name: 'Actions pour « Horaires de la bibliothèque »' })
    await app.user.click(button)
    await screen.findByRole('menu')
    await app.user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('menu')).toBeNull())
    await waitFor(() => expect(document.activeElement).toBe(button))
  })

  it('once withdrawn, offers « Publier de nouveau » instead of « Retirer du portail »', async () => {
    const { app, onRepublish, onWithdraw } = renderActions(true)
    await app.user.click(await screen.findByRole('button', { name: 'Actions pour « Horaires de la bibliothèque »' }))
    const menu = await screen.findByRole('menu')
    expect(
      within(menu)
        .getAllByRole('menuitem')
        .map((item) => item.textContent),
    ).toEqual(['Modifier', 'Publier de nouveau'])
    await app.user.click(within(menu).getByRole('menuitem', { name: 'Publier de nouveau' }))
    expect(onRepublish).toHaveBeenCalledTimes(1)
    expect(onWithdraw).not.toHaveBeenCalled()
  })
})

describe('PortalStateCell', () => {
  it('says the state in a badge that is never cut short, and the outbox line under it, in a column wide enough to read it', async () => {
    renderWithApp(<PortalStateCell withdrawn={false} withdrawnLabel="Retirée du portail" item={waiting} />)
    const badge = await screen.findByText('En attente')
    // Mantine's badge label ends in « … » when squeezed: the shared classes let it widen its column instead.
    expect(badge.classList.contains(classes.badgeLabel!)).toBe(true)
    expect(badge.closest(`.${classes.badge}`)).not.toBeNull()
    const line = screen.getByText('Sera envoyé dès que le relais répondra')
    expect(line.closest(`.${classes.stateCell}`)).not.toBeNull()
  })

  it('shows « Retirée du portail » the same way once withdrawn', async () => {
    renderWithApp(
      <PortalStateCell withdrawn withdrawnLabel="Retirée du portail" item={{ ...waiting, state: 'publie', sentAt: '2026-12-01T09:00:05.000Z' }} />,
    )
    const badge = await screen.findByText('Retirée du portail')
    expect(badge.classList.contains(classes.badgeLabel!)).toBe(true)
    expect(screen.queryByText('Publié')).toBeNull()
  })
})
