// Type-checked with the relay (src/relay/tsconfig.json): it starts a relay process.
/**
 * The whole journey, both sides for real: the browser host (1366×768) and the citizen portal on a phone (390×844),
 * against one real relay process on 127.0.0.1 (PGlite) and a real SMTP server. The secrétaire connects the commune,
 * prints resident codes, publishes a project and a vote on it; a citizen signs up through the mailed link, sends a
 * proposal with a photo and votes with the code from her letter; « Synchroniser maintenant » brings both to the
 * desktop, where the secrétaire changes the status and answers; the citizen reads the answer in « Mes contributions »,
 * and the vote's result is charted in the desktop. Every assertion is on what one of them sees; a screenshot per step.
 */
import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import sharp from 'sharp'
import { CitizensPage } from './pages/CitizensPage'
import { PollResultsPage } from './pages/PollResultsPage'
import { PollsPage } from './pages/PollsPage'
import { PortalPage } from './pages/PortalPage'
import { PortalSettingsPage } from './pages/PortalSettingsPage'
import { PublicationsPage } from './pages/PublicationsPage'
import { expect, invoke, test } from './support/fixtures'
import { pdfPages } from './support/pdf'
import { relayAndMailForSpec } from './support/relay'
import { seedFauxVillecerf } from './support/seed'

const services = relayAndMailForSpec()

const PROJECT = 'Aménagement de la place de la mairie'
const VOTE = 'Quelle esquisse pour la place ?'
const CHOICES = ['Esquisse A : une fontaine', 'Esquisse B : des arbres', 'Esquisse C : un kiosque']
const PROPOSAL = 'Des bancs près du lavoir'
const ANSWER = 'Merci : deux bancs seront posés au printemps, le conseil l’a voté.'

test('from the mairie to a citizen’s phone and back: project, vote, sign-up, proposal with a photo, sync, answer, result', async ({
  page,
  browser,
  host,
}, testInfo) => {
  const { relay, smtp } = services()
  const shot = (on: Page, name: string) => on.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: on !== page })
  await seedFauxVillecerf(host)
  // The project itself is written in the desktop's own specs; here it is published.
  expect((await invoke(host, 'projects.create', { title: PROJECT, description: 'Trois esquisses sont proposées aux habitants.' })).ok).toBe(true)

  // 1. The secrétaire connects the commune with the code the relay's operator gave.
  const pairingCode = (await relay.admin('commune', 'add', '10145')).at(-1)!
  const settings = new PortalSettingsPage(page)
  await page.goto(host.url)
  await settings.open()
  await settings.connect(relay.url, pairingCode)
  await expect(page.getByRole('status').filter({ hasText: 'Faux-Villecerf est connectée au portail citoyen' })).toBeVisible()
  await expect(page.getByTestId('portal-url')).toHaveText(`${relay.url}/10145`)
  await shot(page, '01-bureau-commune-connectee')

  // 2. A batch of resident codes; one letter goes to the citizen, her code read from the printed PDF.
  await settings.createBatch('Foyers 2026', 3)
  await expect(settings.batch('Foyers 2026')).toContainText('3')
  await settings.batch('Foyers 2026').scrollIntoViewIfNeeded()
  await shot(page, '02-bureau-codes-habitant')
  const [letter = ''] = await pdfPages(readFileSync(await settings.downloadLetters('Foyers 2026')))
  const residentCode = /\b[A-Z2-9]{4}(?:-[A-Z2-9]{4}){2}\b/.exec(letter)?.[0]
  expect(residentCode, letter).toBeTruthy()

  // 3. The project goes on the portal.
  const publications = new PublicationsPage(page)
  await publications.openProjectTab(PROJECT)
  await publications.projectPanel.getByRole('button', { name: 'Publier sur le portail' }).click()
  await expect(publications.projectPanel.getByRole('status')).toContainText('Publié sur le portail', { timeout: 30_000 })
  await shot(page, '03-bureau-projet-publie')

  // 4. A vote on the project's sketches, for verified residents only.
  const polls = new PollsPage(page)
  await polls.open()
  await polls.startNew()
  await polls.dialog.getByText('Vote', { exact: true }).click()
  await polls.dialog.getByRole('textbox', { name: 'Titre' }).fill(VOTE)
  await polls.dialog.getByRole('combobox', { name: 'Projet soumis au vote' }).click()
  await page.getByRole('option', { name: PROJECT }).click()
  await polls.fillChoices(polls.dialog, CHOICES, 'Ajouter un choix')
  await polls.dialog.getByLabel('Habitant vérifié (code remis par la mairie)').check()
  await polls.dialog.getByRole('button', { name: 'Publier' }).click()
  await expect(polls.dialog).toBeHidden()
  await expect(polls.row(VOTE)).toContainText('Publié', { timeout: 30_000 })
  await shot(page, '04-bureau-vote-publie')

  // 5. On her phone, the citizen finds the project and the vote on the commune's portal.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
  const mobile = await phone.newPage()
  const portal = new PortalPage(mobile, `${relay.url}/10145`)
  await portal.open()
  await expect(mobile.getByRole('link', { name: PROJECT })).toBeVisible()
  await expect(mobile.getByRole('link', { name: VOTE })).toBeVisible()
  await shot(mobile, '05-portail-accueil')

  // 6. She signs up through the link mailed to her.
  await portal.signUp(smtp, 'claire@example.fr', 'Claire M.')
  await shot(mobile, '06-portail-inscrite')

  // 7. A proposal with a photo of the place.
  const photo = testInfo.outputPath('lavoir.jpg')
  await sharp({ create: { width: 1200, height: 900, channels: 3, background: { r: 90, g: 140, b: 200 } } })
    .composite([{ input: { create: { width: 600, height: 300, channels: 3, background: { r: 240, g: 190, b: 40 } } }, top: 300, left: 300 }])
    .jpeg()
    .toFile(photo)
  await portal.submitProposal({
    title: PROPOSAL,
    body: 'Pour que les anciens puissent se reposer pendant la promenade.',
    topic: 'Cadre de vie',
    address: 'Lavoir, rue du Moulin',
    photo,
  })
  await expect(mobile.getByText('Merci : votre contribution est bien reçue.')).toBeVisible()
  const mine = mobile.getByRole('listitem').filter({ has: mobile.getByRole('heading', { name: PROPOSAL }) })
  await expect(mine.getByRole('img', { name: 'Photo 1 de votre contribution' })).toBeVisible()
  await expect(mine).toContainText('Pas encore de réponse de la mairie.')
  await shot(mobile, '07-portail-proposition-envoyee')

  // 8. She votes with the code from her letter (typed in lower case, as people do).
  await portal.open()
  await mobile.getByRole('link', { name: VOTE }).click()
  await portal.voteWithCode(residentCode!.toLowerCase(), CHOICES[1]!)
  await shot(mobile, '08-portail-vote-enregistre')

  // 9. The desktop collects what citizens sent, on « Synchroniser maintenant ».
  const citizens = new CitizensPage(page)
  await citizens.open()
  await page.getByRole('button', { name: 'Synchroniser maintenant' }).click()
  await expect(page.getByText('Synchronisation terminée : 1 nouvelle contribution.')).toBeVisible()
  await expect(citizens.item(PROPOSAL).getByRole('img', { name: 'Photo 1 sur 1' })).toBeVisible()
  await shot(page, '09-bureau-synchronise')

  // 10. The secrétaire opens it, changes its status and answers.
  await citizens.openItem(PROPOSAL)
  await expect(citizens.detail.getByText('Par Claire M. (identifiant')).toBeVisible()
  await expect(citizens.detail.getByText('Lavoir, rue du Moulin')).toBeVisible()
  await citizens.setStatus('Retenue')
  await citizens.answer(ANSWER)
  await expect(citizens.decisions.getByText('Envoyé au portail')).toBeVisible({ timeout: 30_000 })
  await shot(page, '10-bureau-reponse-envoyee')
  await citizens.closeItem()

  // 11. The citizen reads the answer and the new status in « Mes contributions ».
  await mobile.getByRole('link', { name: 'Mes contributions' }).first().click()
  await expect(mobile.getByRole('heading', { name: 'Mes contributions', level: 1 })).toBeVisible()
  await expect(mine).toContainText(`Réponse de la mairie : ${ANSWER}`)
  await expect(mine).toContainText('Retenue')
  await shot(mobile, '11-portail-reponse-lue')
  await phone.close()

  // 12. The vote's result in the desktop: one ballot, for the sketch she chose, in the table and the chart.
  await polls.open()
  await polls
    .row(VOTE)
    .getByRole('link', { name: `Résultats « ${VOTE} »` })
    .click()
  const results = new PollResultsPage(page)
  await results.expectOpen(VOTE)
  const question = page.getByRole('region').filter({ has: page.getByRole('row', { name: new RegExp(CHOICES[1]!) }) })
  await expect(question.getByRole('row', { name: new RegExp(CHOICES[1]!) })).toContainText('100 %')
  await expect(question.getByRole('row', { name: new RegExp(CHOICES[0]!) })).toContainText('0')
  await expect(question.getByRole('img').locator('canvas')).toBeVisible()
  await question.scrollIntoViewIfNeeded()
  await shot(page, '12-bureau-resultat-vote')

  // The code she typed counts as used in the desktop's batches.
  await settings.open()
  await expect(settings.batch('Foyers 2026').getByRole('cell').nth(2)).toHaveText('1')
})
