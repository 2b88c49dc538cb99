// Type-checked with the relay (src/relay/tsconfig.json): it starts a relay process.
/**
 * Resident codes from the browser host (1366×768) against a real relay process on 127.0.0.1 (PGlite): Paramètres ›
 * Portail citoyen › Codes habitant says what to do first, refuses 0 codes in French, makes a batch on the relay,
 * downloads its letters (a PDF, three per page), and revokes it after a confirmation.
 */
import { readFileSync } from 'node:fs'
import { expect, invoke, test } from './support/fixtures'
import { relayForSpec } from './support/relay'
import { seedFauxVillecerf } from './support/seed'

const relayProcess = relayForSpec()

test('an administrator makes a batch of resident codes, prints its letters and revokes it', async ({ page, host, snap }) => {
  const relay = relayProcess()
  await seedFauxVillecerf(host)
  const code = (await relay.admin('commune', 'add', '10145')).at(-1)!
  expect((await invoke(host, 'portal.connect', { relayUrl: relay.url, pairingCode: code })).ok).toBe(true)

  await page.goto(host.url)
  await page.getByRole('link', { name: 'Paramètres' }).click()
  await page.getByRole('tab', { name: 'Portail citoyen' }).click()
  await expect(page.getByText('Aucun lot de codes pour l’instant.', { exact: false })).toBeVisible()

  await page.getByRole('button', { name: 'Nouveau lot de codes' }).click()
  const dialog = page.getByRole('dialog', { name: 'Nouveau lot de codes' })
  await dialog.getByLabel('Nom du lot').fill('Foyers 2026')
  await dialog.getByLabel('Nombre de codes').fill('0')
  await dialog.getByRole('button', { name: 'Créer les codes' }).click()
  await expect(dialog.getByText('Il faut au moins un code.')).toBeVisible()
  await dialog.getByLabel('Nombre de codes').fill('5')
  await dialog.getByRole('button', { name: 'Créer les codes' }).click()
  await expect(dialog).toBeHidden()

  const row = page.getByRole('table', { name: 'Codes habitant' }).getByRole('row').filter({ hasText: 'Foyers 2026' })
  await expect(row).toContainText('5')
  await row.scrollIntoViewIfNeeded()
  await snap(page, 'resident-codes-01-batch')

  const downloading = page.waitForEvent('download')
  await row.getByRole('button', { name: 'Imprimer les lettres « Foyers 2026 »' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/^codes-habitant-foyers-2026-\d{4}-\d{2}-\d{2}\.pdf$/)
  expect(
    readFileSync((await download.path())!)
      .subarray(0, 5)
      .toString(),
  ).toBe('%PDF-')

  await row.getByRole('button', { name: 'Révoquer « Foyers 2026 »' }).click()
  await expect(page.getByText(/Les 5 codes non utilisés du lot « Foyers 2026 » ne fonctionneront plus/)).toBeVisible()
  await snap(page, 'resident-codes-02-revoke-confirm')
  await page.getByRole('dialog').getByRole('button', { name: 'Révoquer' }).click()
  await expect(row).toContainText('Révoqué le')
  await expect(row.getByRole('button', { name: 'Imprimer les lettres « Foyers 2026 »' })).toHaveCount(0)
})
