import { expect, type Locator, type Page } from '@playwright/test'

/** One project's page and its dialogs. */
export class ProjectPage {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog')
  }

  async openTab(
    name: 'Actions et tâches' | 'Budget et financements' | 'Indicateurs' | 'Participants' | 'Échanges et documents' | 'Historique',
  ): Promise<void> {
    await this.page.getByRole('tab', { name }).click()
  }

  /** Types a date the French way in a date field of the open dialog. */
  async fillDate(label: string, frenchDate: string): Promise<void> {
    const input = this.dialog.getByLabel(label, { exact: true })
    await input.fill(frenchDate)
    await input.blur()
  }

  async addAction(title: string, due: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Nouvelle action' }).click()
    await this.dialog.getByLabel('Titre de l’action (jalon)').fill(title)
    await this.fillDate('Échéance', due)
    await this.dialog.getByRole('button', { name: 'Créer l’action' }).click()
    await expect(this.dialog).toBeHidden()
  }

  async addTask(actionTitle: string, task: { title: string; assignee: string; due: string; checklist?: string[] }): Promise<void> {
    await this.page.getByLabel(actionTitle, { exact: true }).getByRole('button', { name: 'Ajouter une tâche' }).click()
    await this.dialog.getByLabel('Titre de la tâche').fill(task.title)
    await this.dialog.getByRole('combobox', { name: 'Confiée à' }).click()
    await this.page.getByRole('option', { name: task.assignee }).click()
    await this.fillDate('Échéance', task.due)
    for (const item of task.checklist ?? []) {
      await this.dialog.getByRole('textbox', { name: 'Ajouter' }).fill(item)
      await this.dialog.getByRole('textbox', { name: 'Ajouter' }).press('Enter')
    }
    await this.dialog.getByRole('button', { name: 'Créer la tâche' }).click()
    await expect(this.dialog).toBeHidden()
  }

  task(title: string): Locator {
    return this.page.getByLabel(title, { exact: true })
  }

  async setTaskStatus(title: string, status: 'À faire' | 'En cours' | 'Bloquée' | 'Faite'): Promise<void> {
    await this.page.getByRole('combobox', { name: `Statut : ${title}` }).click()
    await this.page.getByRole('option', { name: status, exact: true }).click()
  }
}
