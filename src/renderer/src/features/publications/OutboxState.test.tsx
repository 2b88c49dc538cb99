import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { OutboxItemView } from '@shared/contract'
import { renderWithApp } from '../../testing/render'
import { OutboxStateBadge, OutboxStateDetail } from './OutboxState'

/** Local times, so that the expected French words do not depend on the machine's time zone. */
const at = (day: number, hour: number, minute: number) => new Date(2026, 11, day, hour, minute).toISOString()

function item(values: Partial<OutboxItemView>): OutboxItemView {
  return {
    id: 1,
    kind: 'project',
    action: 'put',
    externalId: 'projet-4',
    label: 'Réfection du lavoir',
    state: 'en_attente',
    lastError: null,
    attempts: 0,
    nextAttemptAt: at(1, 10, 0),
    updatedAt: at(1, 10, 0),
    sentAt: null,
    ...values,
  }
}

function renderState(view: OutboxItemView) {
  const rendered = renderWithApp(
    <div data-testid="state">
      <OutboxStateBadge state={view.state} />
      <OutboxStateDetail item={view} />
    </div>,
  )
  return { ...rendered, text: () => screen.getByTestId('state').textContent ?? '' }
}

/** What the app's own codes look like: none may reach the screen. */
const RAW_CODE = /en_attente|publie\b|erreur\b|contenu_refuse|commune_desactivee|\b4\d\d\b|undefined|null/

describe('OutboxState', () => {
  it('shows a refusal in red with the relay’s reason alone, in French, without a raw code', async () => {
    renderState(
      item({
        state: 'erreur',
        attempts: 1,
        lastError: 'Le relais a refusé : Le résumé contient une adresse de site interdite.',
      }),
    )
    const line = await screen.findByText('Refusé par le relais : Le résumé contient une adresse de site interdite.')
    // Mantine's red, as for every error the app shows.
    expect(line.getAttribute('style')).toContain('var(--mantine-color-red-8)')
    expect(screen.getByText('Erreur')).toBeTruthy()
    expect(screen.getByTestId('state').textContent).not.toMatch(RAW_CODE)
  })

  it('keeps a reason worded by the app itself whole, and says « Refusé par le relais » without one', async () => {
    const first = renderState(
      item({ state: 'erreur', lastError: 'Cette commune est désactivée sur le relais. Contactez l’administrateur du relais.' }),
    )
    expect(
      await screen.findByText('Refusé par le relais : Cette commune est désactivée sur le relais. Contactez l’administrateur du relais.'),
    ).toBeTruthy()
    expect(first.text()).not.toMatch(RAW_CODE)
    first.unmount()
    const second = renderState(item({ state: 'erreur', lastError: null }))
    expect(await screen.findByText('Refusé par le relais.')).toBeTruthy()
    expect(second.text()).not.toMatch(RAW_CODE)
  })

  it('says when a published item was sent', async () => {
    const { text } = renderState(item({ state: 'publie', attempts: 1, sentAt: at(1, 10, 5) }))
    expect(await screen.findByText('Publié')).toBeTruthy()
    expect(screen.getByText('Envoyé le 1er décembre 2026 à 10:05')).toBeTruthy()
    expect(text()).not.toMatch(RAW_CODE)
  })

  it('says an item not sent yet waits for the relay, and when it is tried again after a failure, and why', async () => {
    const waiting = renderState(item({ state: 'en_attente' }))
    expect(await screen.findByText('En attente')).toBeTruthy()
    expect(screen.getByText('Sera envoyé dès que le relais répondra')).toBeTruthy()
    expect(waiting.text()).not.toMatch(RAW_CODE)
    waiting.unmount()

    const retried = renderState(
      item({
        state: 'en_attente',
        attempts: 2,
        nextAttemptAt: at(2, 9, 30),
        lastError: 'Le relais rencontre un problème pour le moment : l’envoi sera retenté.',
      }),
    )
    expect(
      await screen.findByText(
        'Nouvel essai le 2 décembre 2026 à 09:30 (déjà 2 essais) : Le relais rencontre un problème pour le moment : l’envoi sera retenté.',
      ),
    ).toBeTruthy()
    expect(retried.text()).not.toMatch(RAW_CODE)
  })
})
