import { expect, type Locator, type Page } from '@playwright/test'

/** The anonymous comparison: its switch in Paramètres › Portail citoyen and its section of the diagnostic's synthesis. */
export class ComparisonPage {
  constructor(readonly page: Page) {}

  get settings(): Locator {
    return this.page.getByRole('region', { name: 'Comparaison anonyme avec les communes de même taille' })
  }

  get switch(): Locator {
    return this.settings.getByRole('switch', { name: 'Partager anonymement les scores de la commune' })
  }

  get state(): Locator {
    return this.settings.getByTestId('comparison-state')
  }

  get synthesis(): Locator {
    return this.page.getByTestId('peer-comparison')
  }

  get table(): Locator {
    return this.synthesis.getByRole('table', { name: 'Comparaison avec les communes de même taille' })
  }

  /** One domain's row of the synthesis table. */
  row(domainTitle: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('cell', { name: domainTitle, exact: true }) })
  }

  async openSettings(): Promise<void> {
    await this.page.getByRole('link', { name: 'Paramètres' }).click()
    await this.page.getByRole('tab', { name: 'Portail citoyen' }).click()
    await expect(this.settings).toBeVisible()
  }

  async openSynthesis(): Promise<void> {
    await this.page.getByRole('link', { name: 'Diagnostic' }).first().click()
    await this.page.getByRole('tab', { name: 'Synthèse' }).click()
    await expect(this.synthesis).toBeVisible()
  }

  // The switch follows the saved state: it turns once the change is stored, so it is clicked, not `check()`ed.
  async turnOn(): Promise<void> {
    await this.switch.click()
    await expect(this.switch).toBeChecked()
  }

  /** Asks first: the commune's scores are withdrawn from the relay. */
  async turnOff(): Promise<void> {
    await this.switch.click()
    const confirm = this.page.getByRole('dialog', { name: 'Arrêter le partage ?' })
    await expect(confirm).toContainText('Les scores de la commune seront retirés du relais')
    await confirm.getByRole('button', { name: 'Arrêter le partage' }).click()
    await expect(this.switch).not.toBeChecked()
  }

  async refresh(): Promise<void> {
    await this.synthesis.getByRole('button', { name: 'Actualiser la comparaison' }).click()
    await expect(this.page.getByText('Comparaison actualisée.')).toBeVisible()
  }
}
