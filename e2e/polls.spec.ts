// Type-checked with the relay (src/relay/tsconfig.json): it starts a relay process.
/**
 * « Consultations » from the browser host (1366×768) to a real relay process on 127.0.0.1 (PGlite): the empty page
 * says what to do first (and that the commune is not connected yet); a sondage written with two questions (a choice
 * moved with the keyboard) before the commune is connected waits, and its notice says so until the connection sends
 * it, then says it is published, as its row; a vote on a project's options is sent and shown « Publié »; the
 * portal's public pages show them; « Retirer du portail » (in the row's « Actions » menu, reached with the keyboard)
 * asks first and removes the poll, « Publier de nouveau » brings it back, each notice following the send. The table
 * stays in its frame at 1366 and 1280 px, its badges whole and the outbox line in a few lines.
 */
import { PollsPage } from './pages/PollsPage'
import { expectLinesAtMost, expectTableFits } from './pages/TableLayout'
import { expect, invoke, test } from './support/fixtures'
import { relayForSpec } from './support/relay'
import { seedFauxVillecerf } from './support/seed'

const relayProcess = relayForSpec()

async function portalPage(url: string): Promise<{ status: number; html: string }> {
  const response = await fetch(url)
  return { status: response.status, html: await response.text() }
}

test('a sondage and a vote written in the desktop, published, on the portal, withdrawn and published again', async ({ page, host, snap }) => {
  const relay = relayProcess()
  await seedFauxVillecerf(host)
  const project = await invoke(host, 'projects.create', { title: 'Aménagement de la place de la mairie', description: 'Trois esquisses.' })
  expect(project.ok).toBe(true)
  const polls = new PollsPage(page)

  await page.goto(host.url)
  await polls.open()
  await expect(page.getByText('Aucune consultation pour l’instant.', { exact: false })).toBeVisible()
  await expect(page.getByRole('note')).toContainText('La commune n’est pas connectée au portail citoyen')
  await snap(page, 'polls-01-empty-not-connected')

  // A sondage with two questions, written while the commune is not connected yet.
  await polls.startNew()
  const dialog = polls.dialog
  await dialog.getByRole('textbox', { name: 'Titre' }).fill('Horaires de la bibliothèque')
  await dialog.getByRole('textbox', { name: 'Présentation' }).fill('La bibliothèque ouvrira une demi-journée de plus : aidez-nous à choisir.')
  const first = polls.question(1)
  await first.getByRole('textbox', { name: 'Intitulé de la question' }).fill('Quel jour préférez-vous ?')
  await polls.fillChoices(first, ['Mercredi', 'Samedi', 'Dimanche'], 'Ajouter un choix (Question 1)')
  // « Dimanche » goes up with the keyboard.
  await first.getByRole('button', { name: 'Monter le choix 3' }).focus()
  await page.keyboard.press('Enter')
  await expect(first.getByRole('textbox', { name: 'Choix 2', exact: true })).toHaveValue('Dimanche')
  await expect(first.getByRole('button', { name: 'Monter le choix 2' })).toBeFocused()
  await dialog.getByRole('button', { name: 'Ajouter une question' }).click()
  const second = polls.question(2)
  await second.getByRole('textbox', { name: 'Intitulé de la question' }).fill('Une remarque ?')
  await second.getByText('Réponse courte').click()
  await second.getByLabel('Réponse obligatoire').uncheck()
  await dialog.getByLabel('En direct, au fil des réponses').check()
  await second.scrollIntoViewIfNeeded()
  await snap(page, 'polls-02-form-questions')
  await dialog.getByRole('button', { name: 'Publier' }).click()
  await expect(dialog).toBeHidden()

  const sondage = polls.row('Horaires de la bibliothèque')
  const notice = polls.notice('Horaires de la bibliothèque')
  await expect(sondage).toContainText('En attente')
  await expect(notice).toContainText('Consultation enregistrée : elle sera publiée dès que le relais répondra.')
  // « En attente » whole, and « Sera envoyé dès que le relais répondra » in a column wide enough to read it.
  await expectTableFits(polls.table)
  await expectLinesAtMost(sondage.getByText('Sera envoyé dès que le relais répondra'), 3)
  await snap(page, 'polls-03-notice-waiting')

  // Once connected, what waited is sent without anyone asking: the notice says it is published, as the row.
  const code = (await relay.admin('commune', 'add', '10145')).at(-1)!
  expect((await invoke(host, 'portal.connect', { relayUrl: relay.url, pairingCode: code })).ok).toBe(true)
  await expect(sondage).toContainText('Publié', { timeout: 20_000 })
  await expect(notice).toContainText('Consultation publiée sur le portail.')
  await expect(notice).not.toContainText('dès que le relais répondra')
  await snap(page, 'polls-04-notice-published')
  await page.reload()
  await expect(page.getByRole('note')).toHaveCount(0)
  await expect(sondage).toContainText('Sondage')
  await expect(sondage).toContainText('Adresse e-mail vérifiée')
  await expect(sondage).toContainText('Ouverte')
  await expect(sondage).toContainText('Publié')
  await expect(sondage).toContainText('Aucune')

  const sondagePath = `${relay.url}/10145/sondages/consultation-1`
  await expect.poll(async () => (await portalPage(sondagePath)).status).toBe(200)
  const published = await portalPage(sondagePath)
  expect(published.html).toContain('Horaires de la bibliothèque')
  expect(published.html).toContain('Quel jour préférez-vous ?')
  expect(published.html.indexOf('Dimanche')).toBeLessThan(published.html.indexOf('Samedi'))
  expect(published.html).toContain('Une remarque ?')
  expect((await portalPage(`${relay.url}/10145`)).html).toContain('Horaires de la bibliothèque')

  // A vote on the project's options.
  await polls.startNew()
  await dialog.getByText('Vote', { exact: true }).click()
  await dialog.getByRole('textbox', { name: 'Titre' }).fill('Quelle esquisse pour la place ?')
  await dialog.getByRole('combobox', { name: 'Projet soumis au vote' }).click()
  await page.getByRole('option', { name: 'Aménagement de la place de la mairie' }).click()
  await polls.fillChoices(dialog, ['Esquisse A : une fontaine', 'Esquisse B : des arbres', 'Esquisse C : un kiosque'], 'Ajouter un choix')
  await dialog.getByLabel('Habitant vérifié (code remis par la mairie)').check()
  await dialog.getByRole('button', { name: 'Publier' }).click()
  await expect(dialog).toBeHidden()
  const vote = polls.row('Quelle esquisse pour la place ?')
  await expect(vote).toContainText('Projet : Aménagement de la place de la mairie')
  await expect(vote).toContainText('Habitant vérifié')
  await expect(vote).toContainText('Publié', { timeout: 20_000 })
  await expect(polls.notice('Quelle esquisse pour la place ?')).toContainText('Consultation publiée sur le portail.')
  await expectTableFits(polls.table)
  await snap(page, 'polls-05-list-published')
  // A smaller screen: still inside its frame, every action at hand.
  await page.setViewportSize({ width: 1280, height: 768 })
  await expectTableFits(polls.table)
  await expect(polls.actions.button(vote, 'Quelle esquisse pour la place ?')).toBeVisible()
  await snap(page, 'polls-06-list-1280')
  await page.setViewportSize({ width: 1366, height: 768 })
  const votePage = await portalPage(`${relay.url}/10145/sondages/consultation-2`)
  expect(votePage.status).toBe(200)
  // Only verified residents see its options: the page says who may vote.
  expect(votePage.html).toContain('Quelle esquisse pour la place ?')
  expect(votePage.html).toContain('Vote · ouvert jusqu’au')
  expect(votePage.html).toContain('Habitant vérifié')

  // Withdrawing asks first; the poll stays here and can go back. With the keyboard: the menu, its arrows, Entrée.
  expect(await polls.actions.offered(sondage, 'Horaires de la bibliothèque')).toEqual(['Modifier', 'Retirer du portail'])
  await polls.actions.button(sondage, 'Horaires de la bibliothèque').click()
  await expect(polls.actions.menu).toHaveCSS('opacity', '1') // the screenshot after the fade-in
  await snap(page, 'polls-07-actions-menu')
  await page.keyboard.press('Escape')
  await expect(polls.actions.menu).toBeHidden()
  await polls.actions.chooseWithKeyboard(sondage, 'Horaires de la bibliothèque', 'Retirer du portail')
  const confirm = page.getByRole('dialog')
  await expect(confirm).toContainText('les habitants ne pourront plus y répondre')
  await confirm.getByRole('button', { name: 'Retirer du portail' }).click()
  await expect(sondage).toContainText('Retirée du portail')
  await expect.poll(async () => (await portalPage(sondagePath)).status, { timeout: 20_000 }).toBe(404)
  await expect(notice).toContainText('Consultation retirée du portail.')
  await polls.choose('Horaires de la bibliothèque', 'Publier de nouveau')
  await expect(sondage).toContainText('Publié', { timeout: 20_000 })
  await expect(notice).toContainText('Consultation publiée de nouveau sur le portail.')
  await expect.poll(async () => (await portalPage(sondagePath)).status, { timeout: 20_000 }).toBe(200)
})
