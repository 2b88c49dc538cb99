// Type-checked with the relay (src/relay/tsconfig.json): it starts relay processes.
/**
 * The citizen portal on a phone (390×844), against a real relay process (PGlite) and a real SMTP server: sign up
 * through the mailed link, send a proposal with a photo (stored without EXIF), answer a poll, vote with a resident
 * code, check the receipt — axe on every page, keyboard focus visible, screenshots in e2e/.artifacts/portal/.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import sharp from 'sharp'
import { startRelayProcess, pairedCommune, type RelayProcess } from '../src/relay/testing/relay-process'
import { startSmtp, type TestSmtp } from '../src/relay/testing/smtp'
import { project, vote } from '../src/relay/testing/fixtures'
import { PortalPage } from './pages/PortalPage'
import { SCREENSHOT_DIR } from './support/fixtures'

const SHOTS = join(SCREENSHOT_DIR, 'portal')
test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
test.describe.configure({ mode: 'serial', timeout: 180_000 })

let relay: RelayProcess
let smtp: TestSmtp
let token: string
let photo: string
let work: string
let residentCode: string

test.beforeAll(async () => {
  test.setTimeout(180_000)
  mkdirSync(SHOTS, { recursive: true })
  work = mkdtempSync(join(tmpdir(), 'portal-e2e-'))
  smtp = await startSmtp()
  relay = await startRelayProcess('pglite', { pgliteTemplate: '', postgresUrl: '' }, { env: { RELAY_SMTP_URL: smtp.url } })
  token = await pairedCommune(relay, '10145')
  const put = (path: string, json: unknown) => relay.api(path, { method: 'PUT', token, json })
  await put('/api/v1/projects/salle', project)
  await put('/api/v1/news/marche', {
    title: 'Marché de Noël',
    body: 'Samedi 12 décembre sur la place, de 10 h à 18 h.',
    topic: 'culture_sport',
    publishedOn: '2026-12-01',
  })
  await put('/api/v1/news/route', {
    title: 'Route de Paisy fermée',
    body: 'Travaux sur le pont : déviation par Rigny-le-Ferron.',
    topic: 'voirie',
    publishedOn: '2026-12-01',
    isAlert: true,
    alertUntil: new Date(Date.now() + 7 * 86_400_000).toISOString(),
  })
  await put('/api/v1/polls/horaires', {
    kind: 'sondage',
    title: 'Horaires de la mairie',
    description: 'Aidez-nous à choisir les horaires d’ouverture.',
    projectExternalId: null,
    opensAt: '2026-01-01T00:00:00Z',
    closesAt: '2030-01-01T00:00:00Z',
    verification: 'email',
    results: 'en_direct',
    questions: [
      {
        id: 'jour',
        kind: 'choix_multiple',
        label: 'Quels jours vous conviennent ?',
        options: [
          { id: 'mer', label: 'Mercredi' },
          { id: 'sam', label: 'Samedi matin' },
        ],
      },
      { id: 'idee', kind: 'texte_court', label: 'Une remarque ?', required: false },
    ],
  })
  await put('/api/v1/polls/place', { ...vote(), verification: 'habitant', title: 'Aménagement de la place' })
  const batch = (await (await relay.api('/api/v1/resident-code-batches', { method: 'POST', token, json: { label: 'Foyers', count: 2 } })).json()) as {
    codes: string[]
  }
  residentCode = batch.codes[0]!
  photo = join(work, 'lavoir.jpg')
  await sharp({ create: { width: 1600, height: 1200, channels: 3, background: { r: 90, g: 140, b: 200 } } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExif({ IFD0: { Make: 'Téléphone', Model: 'Secret' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 17/1 0/1' } })
    .toFile(photo)
})

test.afterAll(async () => {
  await relay?.stop()
  await smtp?.stop()
  if (work) rmSync(work, { recursive: true, force: true })
})

test('a citizen signs up through the mailed link, sends a proposal with a photo, answers a poll and votes with a resident code', async ({ page }) => {
  const portal = new PortalPage(page, `${relay.url}/10145`)
  const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true })

  await portal.open()
  await expect(page.getByRole('heading', { name: 'Alerte : Route de Paisy fermée' })).toBeVisible()
  await portal.expectAccessible()
  // Keyboard: the first Tab reaches the skip link, visibly.
  await page.keyboard.press('Tab')
  await expect(page.getByRole('link', { name: 'Aller au contenu' })).toBeFocused()
  await expect(page.getByRole('link', { name: 'Aller au contenu' })).toBeInViewport()
  await shot('01-accueil')

  await page.getByRole('link', { name: 'Rénovation de la salle des fêtes' }).click()
  await expect(page.getByText('40 %').first()).toBeVisible()
  await portal.expectAccessible()
  await shot('02-projet')

  await portal.open()
  await portal.requestLink('claire@example.fr')
  await portal.expectAccessible()
  await shot('03-lien-envoye')
  const mail = await smtp.waitFor('claire@example.fr')
  const link = /(http:\/\/\S+\/connexion\/lien\?jeton=\S+)/.exec(mail.text)![1]!
  await page.goto(link)
  await portal.expectAccessible()
  await shot('04-confirmer')
  await page.getByRole('button', { name: 'Me connecter' }).click()
  await expect(page.getByText('Vous êtes connecté·e. Choisissez le nom affiché')).toBeVisible()
  await page.getByLabel('Nom affiché avec vos contributions').fill('Claire M.')
  await page.getByLabel('Voirie et déplacements').check()
  await portal.expectAccessible()
  await shot('05-compte')
  await page.getByRole('button', { name: 'Enregistrer' }).click()
  await expect(page.getByText('Vos préférences sont enregistrées.')).toBeVisible()

  await portal.submitProposal({
    title: 'Des bancs près du lavoir',
    body: 'Pour que les anciens puissent se reposer pendant la promenade.',
    topic: 'Cadre de vie',
    address: 'Lavoir, rue du Moulin',
    photo,
  })
  await expect(page.getByText('Merci : votre contribution est bien reçue.')).toBeVisible()
  await expect(page.getByRole('img', { name: 'Photo 1 de votre contribution' })).toBeVisible()
  await portal.expectAccessible()
  await shot('06-mes-contributions')
  // The card's title starts at its top edge: no empty band above it.
  const card = page.locator('li.card').first()
  const gap = await card.evaluate((li) => li.querySelector('h2, h3')!.getBoundingClientRect().top - li.getBoundingClientRect().top)
  expect(gap).toBeLessThan(24)
  const feed = (await (await relay.api('/api/v1/inputs', { token })).json()) as { items: { type: string; photos?: { id: number }[] }[] }
  const stored = feed.items.find((i) => i.type === 'contribution')!.photos![0]!
  const bytes = Buffer.from(await (await relay.api(`/api/v1/photos/${stored.id}`, { token })).arrayBuffer())
  const meta = await sharp(bytes).metadata()
  expect(meta.exif).toBeUndefined()
  expect([meta.width, meta.height]).toEqual([1200, 1600])

  await portal.open('/sondages/horaires')
  await page.getByRole('checkbox', { name: 'Samedi matin' }).check()
  await page.getByLabel('Votre réponse (500 caractères au plus)').fill('Un samedi sur deux suffirait.')
  await portal.expectAccessible()
  await shot('07-sondage')
  await page.getByRole('button', { name: 'Envoyer ma réponse' }).click()
  await expect(page.getByRole('heading', { name: 'Votre réponse est enregistrée' })).toBeVisible()
  await portal.expectAccessible()

  await portal.open('/sondages/place')
  await expect(page.getByText('Ce vote est réservé aux habitants vérifiés')).toBeVisible()
  await page.getByLabel('Code habitant').fill(residentCode.toLowerCase())
  await portal.expectAccessible()
  await shot('08-code-habitant')
  await page.getByRole('button', { name: 'Valider mon code' }).click()
  await page.getByRole('radio', { name: 'Un jardin' }).check()
  await page.getByRole('button', { name: 'Voter' }).click()
  await expect(page.getByRole('heading', { name: 'Votre vote est enregistré' })).toBeVisible()
  const receipt = await portal.receipt()
  await portal.expectAccessible()
  await shot('09-recu')

  await page.getByRole('link', { name: 'Vérifier ce reçu' }).click()
  await expect(page.getByText('Ce reçu correspond à un vote compté pour « Aménagement de la place »')).toBeVisible()
  expect(receipt).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/)
  await portal.expectAccessible()
  await shot('10-verification-recu')

  await portal.open('/confidentialite')
  await portal.expectAccessible()
  await shot('11-confidentialite')
  await portal.open('/compte/supprimer')
  await portal.expectAccessible()
  await shot('12-supprimer-compte')
})

test('the portal works without JavaScript and says clearly what to fix', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } })
  const page = await context.newPage()
  const portal = new PortalPage(page, `${relay.url}/10145`)
  await portal.open()
  await portal.requestLink('sans-js@example.fr')
  const mail = await smtp.waitFor('sans-js@example.fr')
  await page.goto(/(http:\/\/\S+\/connexion\/lien\?jeton=\S+)/.exec(mail.text)![1]!)
  await page.getByRole('button', { name: 'Me connecter' }).click()
  await page.getByLabel('Nom affiché avec vos contributions').fill('Sans JS')
  await page.getByRole('button', { name: 'Enregistrer' }).click()
  await page.getByRole('link', { name: 'Contribuer' }).click()
  await page.getByLabel('Un besoin ou un signalement (problème, réparation…)').check()
  await page.getByLabel('Sujet').selectOption({ label: 'Voirie et déplacements' })
  await page.getByLabel('Titre').fill('Lampadaire éteint')
  await page.getByLabel('Description').fill('Rue de l’Église.\u202E')
  await page.getByRole('button', { name: 'Envoyer ma contribution' }).click()
  await expect(page.getByRole('alert')).toContainText('La description contient des caractères non autorisés.')
  await expect(page.getByLabel('Titre')).toHaveValue('Lampadaire éteint')
  await page.screenshot({ path: join(SHOTS, '13-erreur-sans-js.png'), fullPage: true })
  await page.getByLabel('Description').fill('Rue de l’Église, depuis lundi.')
  await page.getByRole('button', { name: 'Envoyer ma contribution' }).click()
  await expect(page.getByText('Merci : votre contribution est bien reçue.')).toBeVisible()
  await context.close()
})
