import { expect, type Locator, type Page } from '@playwright/test'
import { PortalItemActions } from './PortalItemActions'

/** The « Consultations » page: the list of polls and votes, and the dialog that writes one. */
export class PollsPage {
  readonly actions: PortalItemActions

  constructor(readonly page: Page) {
    this.actions = new PortalItemActions(page)
  }

  get table(): Locator {
    return this.page.getByRole('table', { name: 'Consultations' })
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: /consultation/ })
  }

  async open(): Promise<void> {
    await this.page.getByRole('link', { name: 'Consultations' }).first().click()
    await expect(this.page.getByRole('heading', { name: 'Consultations', level: 1 })).toBeVisible()
  }

  row(title: string): Locator {
    return this.table.getByRole('row').filter({ hasText: title })
  }

  /** Chooses `action` in the « Actions » menu of the poll `title` (« Modifier », « Retirer du portail »…). */
  async choose(title: string, action: string): Promise<void> {
    await this.actions.choose(this.row(title), title, action)
  }

  /** The notice that follows a poll's send to the portal (titled with the poll's title). */
  notice(title: string): Locator {
    return this.page.getByRole('status').filter({ hasText: title })
  }

  question(n: number): Locator {
    return this.dialog.getByRole('group', { name: `Question ${n}` })
  }

  async startNew(): Promise<void> {
    await this.page.getByRole('button', { name: 'Nouvelle consultation' }).click()
    await expect(this.dialog).toBeVisible()
  }

  /** Types a question's wording and its choices (the form starts each choice question with two empty ones). */
  async fillChoices(scope: Locator, labels: string[], addButton: string): Promise<void> {
    for (const [index, label] of labels.entries()) {
      if (index >= 2) await scope.getByRole('button', { name: addButton }).click()
      await scope.getByRole('textbox', { name: `Choix ${index + 1}`, exact: true }).fill(label)
    }
  }
}
