import { expect, type Locator, type Page } from '@playwright/test'

/** Équipe municipale: the table of élus and agents, and its edit dialog. */
export class TeamPage {
  constructor(readonly page: Page) {}

  get table(): Locator {
    return this.page.getByRole('table', { name: 'Membres de l’équipe' })
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog')
  }

  row(fullName: string): Locator {
    return this.table.getByRole('row').filter({ hasText: fullName })
  }

  /** `role` as the list shows it, in the feminine once Madame is chosen (« Adjointe au maire »). */
  async add(person: { civility?: 'Madame' | 'Monsieur'; firstName: string; lastName: string; role: string }): Promise<void> {
    await this.page.getByRole('button', { name: 'Ajouter une personne' }).click()
    if (person.civility) await this.dialog.getByRole('radio', { name: person.civility, exact: true }).check()
    await this.dialog.getByRole('textbox', { name: 'Prénom', exact: true }).fill(person.firstName)
    await this.dialog.getByRole('textbox', { name: 'Nom', exact: true }).fill(person.lastName)
    await this.dialog.getByRole('combobox', { name: 'Rôle' }).click()
    await this.page.getByRole('option', { name: person.role, exact: true }).click()
    await this.dialog.getByRole('button', { name: 'Ajouter une personne' }).click()
    await expect(this.dialog).toBeHidden()
  }

  async edit(fullName: string, changes: { delegation?: string }): Promise<void> {
    await this.page.getByRole('button', { name: `Modifier ${fullName}` }).click()
    if (changes.delegation !== undefined) await this.dialog.getByLabel('Délégation').fill(changes.delegation)
    await this.dialog.getByRole('button', { name: 'Enregistrer' }).click()
    await expect(this.dialog).toBeHidden()
  }

  async askRemoval(fullName: string): Promise<void> {
    await this.page.getByRole('button', { name: `Supprimer ${fullName}` }).click()
    await expect(this.dialog).toContainText('Supprimer cette personne ?')
  }
}
