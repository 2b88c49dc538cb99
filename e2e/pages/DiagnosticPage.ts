import { expect, type Locator, type Page } from '@playwright/test'

/** The autodiagnostic: synthesis, answers per theme, history. */
export class DiagnosticPage {
  constructor(readonly page: Page) {}

  get overallScore(): Locator {
    return this.page.getByTestId('overall-score')
  }

  get weaknesses(): Locator {
    return this.page.getByLabel('Points faibles', { exact: true })
  }

  async openTab(name: 'Synthèse' | 'Répondre par thème' | 'Historique et comparaison'): Promise<void> {
    await this.page.getByRole('tab', { name }).click()
  }

  async startFirstCampaign(name: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Commencer le diagnostic' }).click()
    const dialog = this.page.getByRole('dialog')
    await dialog.getByLabel('Nom de la campagne').fill(name)
    await dialog.getByRole('button', { name: 'Créer la campagne' }).click()
    await expect(dialog).toBeHidden()
  }

  async openTheme(domainTitle: string, themeTitle: string): Promise<void> {
    await this.openTab('Répondre par thème')
    await this.page.getByRole('button', { name: domainTitle, exact: true }).click()
    await this.page.getByRole('link', { name: `Répondre : ${themeTitle}` }).click()
    await expect(this.page.getByRole('heading', { level: 1, name: themeTitle })).toBeVisible()
  }

  criterion(question: string): Locator {
    return this.page.getByLabel(question, { exact: true })
  }

  async answer(question: string, status: 'Fait' | 'Programmé' | 'Pas fait' | 'En partie' | 'Non concerné', comment?: string): Promise<void> {
    const block = this.criterion(question)
    await block.getByText(status, { exact: true }).click()
    if (comment !== undefined) await block.getByLabel('Commentaire').fill(comment)
    // Saved as it is made: no button, a « Enregistré » once it is stored.
    await expect(block.getByRole('status')).toHaveText('Enregistré')
    await expect(block.getByText(/Répondu par/)).toBeVisible()
  }

  async takeSnapshot(label: string): Promise<void> {
    await this.openTab('Historique et comparaison')
    await this.page.getByLabel('Nom de l’instantané').fill(label)
    await this.page.getByRole('button', { name: 'Prendre l’instantané' }).click()
    await expect(this.page.getByText(`L’instantané « ${label} » est enregistré.`)).toBeVisible()
  }
}
