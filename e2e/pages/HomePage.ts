import type { Locator, Page } from '@playwright/test'

/** The home page: the commune and its council. */
export class HomePage {
  constructor(readonly page: Page) {}

  get communeCard(): Locator {
    return this.page.getByLabel('Votre commune')
  }

  /** « Pour commencer »: the path of four steps, until they are all done. */
  get gettingStarted(): Locator {
    return this.page.getByLabel('Pour commencer', { exact: true })
  }

  step(title: string): Locator {
    return this.gettingStarted.getByLabel(title, { exact: true })
  }

  get deadlines(): Locator {
    return this.page.getByLabel('Prochaines échéances', { exact: true })
  }

  get counters(): Locator {
    return this.page.getByLabel('Les projets en chiffres', { exact: true })
  }

  person(fullName: string): Locator {
    return this.page.getByLabel(fullName, { exact: true })
  }

  async goTo(
    section:
      | 'Tableau de bord'
      | 'Équipe municipale'
      | 'Paramètres'
      | 'Projets'
      | 'Mes tâches'
      | 'Planning'
      | 'Journal des modifications'
      | 'Rapports'
      | 'Formation des élus',
  ): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: section }).click()
  }
}
