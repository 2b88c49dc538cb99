// Type-checked with the relay (src/relay/tsconfig.json): it starts a relay process.
/**
 * Publishing a project on the citizen portal from the browser host (1366×768), against a real relay process on
 * 127.0.0.1 (PGlite): while the commune is not connected the publication waits and the screen says where to connect
 * it; once connected, « Envoyer maintenant » puts it on the portal with only the ticked fields (the budget only when
 * ticked); « Retirer du portail » asks first and removes it; a relay that stops answering leaves the item « En
 * attente » with the reason in French.
 */
import { PublicationsPage } from './pages/PublicationsPage'
import { expectTableFits } from './pages/TableLayout'
import { expect, invoke, test } from './support/fixtures'
import { relayForSpec } from './support/relay'
import { seedFauxVillecerf } from './support/seed'

const relayProcess = relayForSpec()

test('a project published on the portal: waits while not connected, sent, shown with the ticked fields, withdrawn', async ({ page, host, snap }) => {
  const relay = relayProcess()
  await seedFauxVillecerf(host)
  const title = 'Rénovation de la salle des fêtes'
  await invoke(host, 'projects.create', {
    title,
    description: 'Isolation, chauffage et accessibilité de la salle.',
    budgetPlannedCents: 18_500_000,
  })
  const code = (await relay.admin('commune', 'add', '10145')).at(-1)!
  const publications = new PublicationsPage(page)

  await page.goto(host.url)
  await publications.openProjectTab(title)
  const panel = publications.projectPanel
  await expect(panel.getByText('Ce projet n’est pas publié sur le portail citoyen.')).toBeVisible()
  await expect(panel.getByRole('note').getByText('La commune n’est pas connectée au portail citoyen')).toBeVisible()
  await expect(panel.getByRole('link', { name: 'Paramètres › Portail citoyen' })).toHaveAttribute('href', '/parametres/portail')
  // The budget is not shown unless ticked.
  await expect(panel.getByRole('checkbox', { name: 'Le budget prévu' })).not.toBeChecked()
  await expect(panel.getByRole('checkbox', { name: 'Le résumé (la description du projet)' })).toBeChecked()
  await snap(page, 'publications-01-project-not-connected')

  await panel.getByRole('checkbox', { name: 'Le budget prévu' }).check()
  await panel.getByRole('checkbox', { name: 'Les dates de début et de fin' }).uncheck()
  await panel.getByRole('button', { name: 'Publier sur le portail' }).click()
  await expect(panel.getByRole('status')).toContainText('En attente d’envoi')
  await expect(panel.getByRole('status')).toContainText('Sera envoyé dès que le relais répondra')
  await expect(panel.getByRole('button', { name: 'Mettre à jour les informations publiées' })).toBeVisible()
  await snap(page, 'publications-02-project-waiting')

  // The list says the same, and where to connect the commune.
  await publications.openList()
  await expect(page.getByRole('note')).toContainText('La commune n’est pas connectée au portail citoyen')
  await expect(publications.row(title)).toContainText('En attente')
  await expect(page.getByTestId('count-en_attente')).toHaveText('1')
  await snap(page, 'publications-03-list-not-connected')

  // Once connected, what waited is sent without anyone asking; nothing is left for « Envoyer maintenant ».
  const connected = await invoke(host, 'portal.connect', { relayUrl: relay.url, pairingCode: code })
  expect(connected.ok).toBe(true)
  await page.reload()
  await expect(page.getByRole('note')).toHaveCount(0)
  await expect(publications.row(title)).toContainText('Publié', { timeout: 20_000 })
  await expect(page.getByRole('button', { name: 'Envoyer maintenant' })).toBeDisabled()
  await expect(publications.row(title)).toContainText('Envoyé le')
  await expect(page.getByTestId('count-publie')).toHaveText('1')
  await expectTableFits(publications.table)
  await snap(page, 'publications-04-list-published')

  const portalPage = await fetch(`${relay.url}/10145/projets/projet-1`)
  expect(portalPage.status).toBe(200)
  const html = await portalPage.text()
  expect(html).toContain('Rénovation de la salle des fêtes')
  expect(html).toContain('Isolation, chauffage et accessibilité de la salle.')
  expect(html).toContain('185\u202f000')

  // From the list back to the project's tab.
  await publications.row(title).getByRole('link', { name: title }).click()
  await expect(panel.getByRole('status')).toContainText('Publié sur le portail')
  await expect(panel.getByText(/Publié le .* par /)).toBeVisible()
  await snap(page, 'publications-05-project-published')

  // Withdrawing asks first.
  await panel.getByRole('button', { name: 'Retirer du portail' }).click()
  const dialog = page.getByRole('dialog')
  await expect(dialog).toContainText('ne sera plus visible par les habitants')
  await snap(page, 'publications-06-withdraw-confirm')
  await dialog.getByRole('button', { name: 'Retirer du portail' }).click()
  await expect(panel.getByText('Ce projet n’est pas publié sur le portail citoyen.')).toBeVisible()
  await expect(panel.getByRole('status')).toContainText(/Retrait en attente d’envoi|Retiré du portail/)
  await expect.poll(async () => (await invoke(host, 'publications.sendNow', {})).ok).toBe(true)
  await expect.poll(async () => (await fetch(`${relay.url}/10145/projets/projet-1`)).status).toBe(404)
  await expect(panel.getByRole('status')).toContainText('Retiré du portail')

  // The relay stops answering: the new publication waits with the reason, in French.
  await relay.stop()
  await panel.getByRole('button', { name: 'Publier sur le portail' }).click()
  await publications.openList()
  await page.getByRole('button', { name: 'Envoyer maintenant' }).click()
  await expect(publications.row(title)).toContainText('Nouvel essai le')
  await expect(publications.row(title)).toContainText('En attente')
  await expect(page.getByText('1 envoi n’a pas abouti : Le relais ne répond pas')).toBeVisible()
  // The relay's reason, long, wraps in its column; the badge stays whole.
  await expectTableFits(publications.table)
  await snap(page, 'publications-07-relay-down')
  await page.setViewportSize({ width: 1280, height: 768 })
  await expectTableFits(publications.table)
  await snap(page, 'publications-08-relay-down-1280')
})
