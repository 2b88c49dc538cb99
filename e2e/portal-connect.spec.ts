// Type-checked with the relay (src/relay/tsconfig.json): it starts a relay process.
/**
 * Paramètres › Portail citoyen in the browser host (1366×768) against a real relay process on 127.0.0.1 (PGlite): a
 * wrong code said in French, the commune connected with its portal address, the note on where the token is kept,
 * changing relay, disconnecting after a confirmation.
 */
import { PortalSettingsPage } from './pages/PortalSettingsPage'
import { expect, test } from './support/fixtures'
import { relayForSpec } from './support/relay'
import { seedFauxVillecerf } from './support/seed'
import { LeaveQuestion } from './pages/LeaveQuestion'

const relayProcess = relayForSpec()

test('Paramètres › Portail citoyen: connect with a pairing code, see the portal address, disconnect', async ({ page, host, snap }) => {
  const relay = relayProcess()
  await seedFauxVillecerf(host)
  const code = (await relay.admin('commune', 'add', '10145')).at(-1)!

  const settings = new PortalSettingsPage(page)
  await page.goto(host.url)
  await settings.open()
  const form = settings.connectForm
  await expect(form).toBeVisible()
  await expect(page.getByText('sans chiffrement (version navigateur)')).toBeVisible()
  await snap(page, 'portail-01-not-connected')

  // An address typed and not yet used is not lost by going to another page: asked first.
  await form.getByRole('textbox', { name: 'Adresse du relais' }).fill(relay.url)
  const question = new LeaveQuestion(page)
  await question.leaveByMenu('Tableau de bord')
  await snap(page, 'portail-01b-leave-asked')
  await question.keepEditing()
  await expect(form.getByRole('textbox', { name: 'Adresse du relais' })).toHaveValue(relay.url)

  await settings.connect(relay.url, 'ZZZZ-ZZZZ-ZZZZ')
  await expect(form.getByText('Ce code d’appairage est inconnu')).toHaveCount(1)
  await snap(page, 'portail-02-wrong-code')

  await settings.connect(relay.url, code)
  await expect(page.getByRole('status').filter({ hasText: 'Faux-Villecerf est connectée au portail citoyen' })).toBeVisible()
  await expect(page.getByTestId('portal-url')).toHaveText(`${relay.url}/10145`)
  await snap(page, 'portail-03-connected')

  // The portal address is the commune's real page.
  expect((await fetch(`${relay.url}/10145`)).status).toBe(200)

  await page.getByRole('button', { name: 'Changer de relais' }).click()
  await expect(page.getByRole('textbox', { name: 'Adresse du relais' })).toHaveValue(relay.url)
  await snap(page, 'portail-04-change-relay')
  await page.getByRole('button', { name: 'Annuler' }).click()

  await page.getByRole('button', { name: 'Déconnecter' }).click()
  const dialog = page.getByRole('dialog')
  await expect(dialog.getByText('Ce qui est déjà publié reste en ligne')).toBeVisible()
  await snap(page, 'portail-05-disconnect-confirm')
  await dialog.getByRole('button', { name: 'Déconnecter' }).click()
  await expect(page.getByRole('form', { name: 'Connecter la commune au relais' })).toBeVisible()
})
