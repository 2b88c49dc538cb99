import { expect, type Locator, type Page } from '@playwright/test'
import { PortalItemActions } from './PortalItemActions'

/** A project's « Portail citoyen » tab and the « Publications du portail » page. */
export class PublicationsPage {
  readonly actions: PortalItemActions

  constructor(readonly page: Page) {
    this.actions = new PortalItemActions(page)
  }

  get projectPanel(): Locator {
    return this.page.getByRole('region', { name: 'Portail citoyen' })
  }

  get table(): Locator {
    return this.page.getByRole('table', { name: 'Publications du portail' })
  }

  async openProjectTab(projectTitle: string): Promise<void> {
    await this.page.getByRole('link', { name: 'Projets' }).click()
    await this.page.getByRole('link', { name: projectTitle }).click()
    await this.page.getByRole('tab', { name: 'Portail citoyen' }).click()
    await expect(this.projectPanel).toBeVisible()
  }

  async openList(): Promise<void> {
    await this.page.getByRole('link', { name: 'Publications du portail' }).first().click()
    await expect(this.page.getByRole('heading', { name: 'Publications du portail', level: 1 })).toBeVisible()
  }

  row(label: string): Locator {
    return this.table.getByRole('row').filter({ hasText: label })
  }

  /** The « Actualités » tab's table. */
  get newsTable(): Locator {
    return this.page.getByRole('table', { name: 'Actualités et alertes' })
  }

  newsRow(title: string): Locator {
    return this.newsTable.getByRole('row').filter({ hasText: title })
  }

  /** Chooses `action` in the « Actions » menu of the news item `title`. */
  async chooseForNews(title: string, action: string): Promise<void> {
    await this.actions.choose(this.newsRow(title), title, action)
  }
}
