import type { Locator, Page } from '@playwright/test'

/** « Mes tâches »: one person's tasks by group (en retard, à venir, sans échéance), the most urgent first. */
export class MyTasksPage {
  constructor(readonly page: Page) {}

  /** A group by its heading, count included: « En retard (1) ». */
  group(heading: string): Locator {
    return this.page.getByLabel(heading, { exact: true })
  }

  /** The task lines shown (each one links to its task; « Ma formation » below has links of its own). */
  get tasks(): Locator {
    return this.page.getByRole('main').locator('a[href*="tache="]')
  }

  /** « N tâches affichées sur M » and the « Afficher plus » button, while some tasks are not shown. */
  get more(): Locator {
    return this.page.getByLabel('Afficher plus', { exact: true })
  }

  async showMore(): Promise<void> {
    await this.more.getByRole('button', { name: 'Afficher plus' }).click()
  }
}
