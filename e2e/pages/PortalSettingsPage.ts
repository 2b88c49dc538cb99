import { expect, type Locator, type Page } from '@playwright/test'

/** Paramètres › Portail citoyen: connecting the commune to a relay and its batches of resident codes. */
export class PortalSettingsPage {
  constructor(readonly page: Page) {}

  get connectForm(): Locator {
    return this.page.getByRole('form', { name: 'Connecter la commune au relais' })
  }

  get batches(): Locator {
    return this.page.getByRole('table', { name: 'Codes habitant' })
  }

  async open(): Promise<void> {
    await this.page.getByRole('link', { name: 'Paramètres' }).click()
    await this.page.getByRole('tab', { name: 'Portail citoyen' }).click()
  }

  /** Types the relay's address and the pairing code, then « Connecter ». */
  async connect(relayUrl: string, pairingCode: string): Promise<void> {
    await this.connectForm.getByRole('textbox', { name: 'Adresse du relais' }).fill(relayUrl)
    await this.connectForm.getByRole('textbox', { name: 'Code d’appairage' }).fill(pairingCode)
    await this.connectForm.getByRole('button', { name: 'Connecter' }).click()
  }

  batch(label: string): Locator {
    return this.batches.getByRole('row').filter({ hasText: label })
  }

  /** « Nouveau lot de codes » with this name and number of codes, created. */
  async createBatch(label: string, count: number): Promise<void> {
    await this.page.getByRole('button', { name: 'Nouveau lot de codes' }).click()
    const dialog = this.page.getByRole('dialog', { name: 'Nouveau lot de codes' })
    await dialog.getByLabel('Nom du lot').fill(label)
    await dialog.getByLabel('Nombre de codes').fill(String(count))
    await dialog.getByRole('button', { name: 'Créer les codes' }).click()
    await expect(dialog).toBeHidden()
  }

  /** « Imprimer les lettres » of a batch: the downloaded PDF's path. */
  async downloadLetters(label: string): Promise<string> {
    const downloading = this.page.waitForEvent('download')
    await this.batch(label)
      .getByRole('button', { name: `Imprimer les lettres « ${label} »` })
      .click()
    return (await (await downloading).path())!
  }
}
