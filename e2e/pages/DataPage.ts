import { expect, type Locator, type Page } from '@playwright/test'

/** Paramètres › Données: backups, second location, restore, export and import. */
export class DataPage {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url)
    await this.page.getByRole('link', { name: 'Paramètres' }).click()
    await this.page.getByRole('tab', { name: 'Données' }).click()
    await expect(this.page.getByRole('heading', { name: 'Sauvegardes', exact: true })).toBeVisible()
  }

  get backupsTable(): Locator {
    return this.page.getByRole('table', { name: 'Toutes les sauvegardes' })
  }

  get progress(): Locator {
    return this.page.getByRole('status').filter({ has: this.page.getByRole('progressbar') })
  }

  async backupNow(): Promise<void> {
    await this.page.getByRole('button', { name: 'Sauvegarder maintenant' }).click()
  }

  async restoreRow(index: number): Promise<void> {
    await this.backupsTable
      .getByRole('button', { name: /^Restaurer/ })
      .nth(index)
      .click()
    await this.page.getByRole('dialog').getByRole('button', { name: 'Restaurer cette sauvegarde' }).click()
  }

  async exportCommune(): Promise<void> {
    await this.page.getByRole('button', { name: 'Exporter la commune' }).click()
  }

  async chooseArchive(file: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser')
    await this.page.getByRole('button', { name: 'Choisir le fichier .capcommune…' }).click()
    await (await chooser).setFiles(file)
  }
}
