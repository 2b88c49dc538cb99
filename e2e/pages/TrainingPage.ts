import { expect, type Locator, type Page } from '@playwright/test'

/** « Formation des élus »: the duties at the top, a card per élu, the budget, the organismes. */
export class TrainingPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: 'Formation des élus' }).click()
    await expect(this.page.getByRole('heading', { level: 1, name: 'Formation des élus' })).toBeVisible()
  }

  get obligations(): Locator {
    return this.page.getByLabel('Obligations de la commune')
  }

  member(fullName: string): Locator {
    return this.page.getByRole('tabpanel').getByLabel(fullName, { exact: true })
  }

  suggestion(fullName: string, title: string): Locator {
    return this.member(fullName).getByLabel(`Formations suggérées pour ${fullName}`).getByLabel(title, { exact: true })
  }

  training(fullName: string, title: string): Locator {
    return this.member(fullName).getByLabel(title, { exact: true })
  }

  async tab(name: 'Les élus' | 'Budget et tableau annuel' | 'Organismes' | 'Droits et sources'): Promise<void> {
    await this.page.getByRole('tab', { name }).click()
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog')
  }

  /** Picks an option of a Mantine select in the open dialog. */
  async choose(label: string, option: string): Promise<void> {
    await this.dialog.getByRole('combobox', { name: label }).click()
    await this.page.getByRole('option', { name: option, exact: true }).click()
  }

  async save(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Enregistrer' }).click()
    await expect(this.dialog).toBeHidden()
  }
}
