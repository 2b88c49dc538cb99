import { expect, type Locator, type Page } from '@playwright/test'

/** The results of one poll or vote: participation, a chart and a table per question, the paper ballots. */
export class PollResultsPage {
  constructor(readonly page: Page) {}

  get paperDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Bulletins papier' })
  }

  question(label: string): Locator {
    return this.page.getByRole('region', { name: label })
  }

  async expectOpen(title: string): Promise<void> {
    await expect(this.page.getByRole('heading', { name: title, level: 1 })).toBeVisible()
  }

  /** Opens « Saisir / Corriger les bulletins papier » and types the ballots, then each choice's count. */
  async enterPaper(ballots: number, counts: Record<string, number>): Promise<void> {
    await this.page.getByRole('button', { name: /(Saisir|Corriger) les bulletins papier/ }).click()
    await expect(this.paperDialog).toBeVisible()
    await this.paperDialog.getByLabel(/Nombre de bulletins papier reçus/).fill(String(ballots))
    for (const [label, count] of Object.entries(counts)) await this.paperDialog.getByLabel(label, { exact: true }).fill(String(count))
    await this.paperDialog.getByRole('button', { name: 'Enregistrer les bulletins' }).click()
  }
}
