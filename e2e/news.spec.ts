// Type-checked with the relay (src/relay/tsconfig.json): it starts a relay process.
/**
 * News items and alerts from the browser host (1366×768) to a real relay process on 127.0.0.1 (PGlite): an alert
 * written in « Publications du portail › Actualités » refuses to go without its end date, is sent, appears on top of
 * the commune's portal page; an edit is republished; « Retirer du portail » asks first, then removes it (both in the
 * row's « Actions » menu). The table stays in its frame at 1366 and 1280 px, its badges whole.
 */
import { PublicationsPage } from './pages/PublicationsPage'
import { expectTableFits } from './pages/TableLayout'
import { expect, invoke, test } from './support/fixtures'
import { relayForSpec } from './support/relay'
import { seedFauxVillecerf } from './support/seed'

const relayProcess = relayForSpec()

test('an alert written in the desktop: checked, sent, on top of the portal page, edited, withdrawn', async ({ page, host, snap }) => {
  const relay = relayProcess()
  await seedFauxVillecerf(host)
  const code = (await relay.admin('commune', 'add', '10145')).at(-1)!
  expect((await invoke(host, 'portal.connect', { relayUrl: relay.url, pairingCode: code })).ok).toBe(true)
  const publications = new PublicationsPage(page)

  await page.goto(host.url)
  await publications.openList()
  await page.getByRole('tab', { name: 'Actualités' }).click()
  await expect(page.getByText('Aucune actualité pour l’instant.', { exact: false })).toBeVisible()
  await snap(page, 'news-01-empty')

  await page.getByRole('button', { name: 'Nouvelle actualité' }).click()
  const dialog = page.getByRole('dialog', { name: 'Nouvelle actualité' })
  await dialog.getByLabel('Titre').fill('Coupure d’eau rue des Écoles')
  await dialog.getByLabel('Texte').fill('Mardi de 8 h à 12 h, pour des travaux sur le réseau. Prévoyez des réserves.')
  await dialog.getByRole('combobox', { name: 'Thème' }).click()
  await page.getByRole('option', { name: 'Services de la mairie' }).click()
  await dialog.getByLabel('C’est une alerte : l’envoyer aussitôt par courriel').check()
  await dialog.getByRole('button', { name: 'Publier' }).click()
  await expect(dialog.getByText('Une alerte doit avoir une date de fin.')).toBeVisible()
  await snap(page, 'news-02-alert-needs-end')
  const tomorrow = new Date(Date.now() + 86_400_000)
  const typed = `${String(tomorrow.getDate()).padStart(2, '0')}/${String(tomorrow.getMonth() + 1).padStart(2, '0')}/${tomorrow.getFullYear()}`
  await dialog.getByRole('textbox', { name: 'Fin de l’alerte (incluse)' }).fill(typed)
  await dialog.getByRole('button', { name: 'Publier' }).click()
  await expect(dialog).toBeHidden()

  const title = 'Coupure d’eau rue des Écoles'
  const row = publications.newsRow(title)
  await expect(row).toContainText('Alerte jusqu’au')
  await expect(row).toContainText('Services de la mairie')
  await expect(row).toContainText('Publié', { timeout: 20_000 })
  await expectTableFits(publications.newsTable)
  await snap(page, 'news-03-alert-published')
  await expect.poll(async () => (await (await fetch(`${relay.url}/10145`)).text()).includes('Alerte : Coupure d’eau rue des Écoles')).toBe(true)

  // An edit goes to the portal too.
  await publications.chooseForNews(title, 'Modifier')
  const edit = page.getByRole('dialog', { name: 'Modifier l’actualité' })
  await edit.getByLabel('Texte').fill('Mardi de 8 h à 14 h, pour des travaux sur le réseau.')
  await edit.getByRole('button', { name: 'Enregistrer et republier' }).click()
  await expect(edit).toBeHidden()
  await expect.poll(async () => (await (await fetch(`${relay.url}/10145`)).text()).includes('Mardi de 8 h à 14 h')).toBe(true)

  // Withdrawing asks first.
  await publications.chooseForNews(title, 'Retirer du portail')
  const confirm = page.getByRole('dialog')
  await expect(confirm).toContainText('ne sera plus visible sur le portail')
  await snap(page, 'news-04-withdraw-confirm')
  await confirm.getByRole('button', { name: 'Retirer du portail' }).click()
  await expect(row).toContainText('Retirée du portail')
  await expect
    .poll(async () => (await (await fetch(`${relay.url}/10145`)).text()).includes('Coupure d’eau rue des Écoles'), { timeout: 20_000 })
    .toBe(false)
  expect(await publications.actions.offered(row, title)).toEqual(['Modifier', 'Publier de nouveau'])
  await expectTableFits(publications.newsTable)
  await snap(page, 'news-05-withdrawn')
  await page.setViewportSize({ width: 1280, height: 768 })
  await expectTableFits(publications.newsTable)
  await snap(page, 'news-06-withdrawn-1280')
  await page.setViewportSize({ width: 1366, height: 768 })

  // The outbox list names it and links to the news tab.
  await page.getByRole('tab', { name: 'Tous les envois' }).click()
  await expect(publications.row('Coupure d’eau rue des Écoles')).toContainText('Actualité')
})
