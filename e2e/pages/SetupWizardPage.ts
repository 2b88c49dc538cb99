import { expect, type Locator, type Page } from '@playwright/test'

export interface PersonInput {
  firstName: string
  lastName: string
  /** The label shown in the role list, e.g. "Adjoint au maire". */
  role?: string
  delegation?: string
  email?: string
  phone?: string
}

/** The first-launch wizard. */
export class SetupWizardPage {
  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { name: 'Bienvenue dans Cap Commune' })
  }

  get alert(): Locator {
    return this.page.getByRole('alert')
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url)
    await expect(this.heading).toBeVisible()
  }

  async searchCommune(query: string): Promise<void> {
    await this.page.getByLabel('Nom ou code postal de la commune').fill(query)
  }

  communeOptions(): Locator {
    return this.page.getByRole('option')
  }

  async chooseCommune(query: string, name: string): Promise<void> {
    await this.searchCommune(query)
    await this.communeOptions().filter({ hasText: name }).first().click()
    await expect(this.page.getByLabel('Commune choisie')).toContainText(name)
  }

  async continue(): Promise<void> {
    await this.page.getByRole('button', { name: 'Continuer' }).click()
  }

  personForm(): Locator {
    return this.page.getByRole('form', { name: 'Ajouter à l’équipe' })
  }

  async fillPerson(person: PersonInput): Promise<void> {
    const form = this.personForm()
    await form.getByRole('textbox', { name: 'Prénom', exact: true }).fill(person.firstName)
    await form.getByRole('textbox', { name: 'Nom', exact: true }).fill(person.lastName)
    if (person.role) {
      await form.getByRole('combobox', { name: 'Rôle' }).click()
      await this.page.getByRole('option', { name: person.role, exact: true }).click()
    }
    if (person.delegation !== undefined) await form.getByLabel('Délégation').fill(person.delegation)
    if (person.email !== undefined) await form.getByLabel('Adresse e-mail').fill(person.email)
    if (person.phone !== undefined) await form.getByLabel('Téléphone').fill(person.phone)
  }

  async submitPerson(): Promise<void> {
    await this.personForm().getByRole('button', { name: 'Ajouter à l’équipe' }).click()
  }

  async addPerson(person: PersonInput): Promise<void> {
    await this.fillPerson(person)
    await this.submitPerson()
    await expect(this.teamTable()).toContainText(`${person.firstName} ${person.lastName}`)
  }

  teamTable(): Locator {
    return this.page.getByRole('table', { name: 'Membres de l’équipe' })
  }

  async chooseAdministrator(label: string | RegExp): Promise<void> {
    await this.page.getByRole('radio', { name: label }).check()
  }

  async finish(): Promise<void> {
    await this.page.getByRole('button', { name: 'Terminer et ouvrir Cap Commune' }).click()
  }
}
