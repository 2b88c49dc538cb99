import type { Locator, Page } from '@playwright/test'

/** The home page: the commune and its council. */
export class HomePage {
  constructor(readonly page: Page) {}

  get communeCard(): Locator {
    return this.page.getByLabel('Votre commune')
  }

  person(fullName: string): Locator {
    return this.page.getByLabel(fullName, { exact: true })
  }

  async goTo(
    section: 'Tableau de bord' | 'Équipe municipale' | 'Paramètres' | 'Projets' | 'Mes tâches' | 'Planning' | 'Journal des modifications',
  ): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: section }).click()
  }
}
