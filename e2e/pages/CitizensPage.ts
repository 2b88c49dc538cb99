import { expect, type Locator, type Page } from '@playwright/test'

/** The « Citoyens » page: the list of contributions, its filters and one contribution opened. */
export class CitizensPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('link', { name: 'Citoyens' }).first().click()
    await expect(this.page.getByRole('heading', { name: 'Citoyens', level: 1 })).toBeVisible()
  }

  get list(): Locator {
    return this.page.getByRole('list', { name: 'Contributions reçues' })
  }

  get filters(): Locator {
    return this.page.getByRole('search', { name: 'Filtrer les contributions' })
  }

  get detail(): Locator {
    return this.page.getByRole('dialog')
  }

  item(title: string): Locator {
    return this.list.getByRole('button', { name: `Ouvrir : ${title}` })
  }

  count(status: string): Locator {
    return this.page.getByTestId(`count-${status}`)
  }

  async choose(filter: string, option: string): Promise<void> {
    await this.filters.getByRole('combobox', { name: filter }).click()
    await this.page.getByRole('option', { name: option }).click()
  }

  async search(words: string): Promise<void> {
    await this.filters.getByRole('textbox', { name: 'Rechercher' }).fill(words)
  }

  async openItem(title: string): Promise<void> {
    await this.item(title).click()
    await expect(this.detail.getByRole('heading', { name: title })).toBeVisible()
  }

  /** The panel's « Suite donnée par la mairie ». */
  get decisions(): Locator {
    return this.detail.getByRole('region', { name: 'Suite donnée par la mairie' })
  }

  async setStatus(label: string): Promise<void> {
    await this.decisions.getByRole('combobox', { name: 'Suite donnée' }).click()
    await this.page.getByRole('option', { name: label, exact: true }).click()
  }

  async answer(text: string): Promise<void> {
    await this.decisions.getByRole('textbox', { name: 'Réponse publique de la mairie' }).fill(text)
    await this.decisions.getByRole('button', { name: 'Enregistrer la réponse' }).click()
    await expect(this.page.getByText('Réponse enregistrée : elle part vers le portail citoyen.')).toBeVisible()
  }

  async closeItem(): Promise<void> {
    await this.detail.getByRole('button', { name: 'Fermer' }).first().click()
    await expect(this.detail).toBeHidden()
  }

  /** A link of the citizen's text in the panel: a button that asks before opening. */
  citizenLink(address: string): Locator {
    return this.detail.getByRole('button', { name: address, exact: true })
  }

  /** The question asked before a citizen's link opens. */
  get linkConfirmation(): Locator {
    return this.page.getByRole('dialog', { name: 'Ouvrir un lien écrit par un habitant ?' })
  }

  /** The panel's « Organisation de la mairie »: project, theme, duplicate, kept on this computer. */
  get links(): Locator {
    return this.detail.getByRole('region', { name: 'Organisation de la mairie' })
  }

  /** Types `words` in a searchable field of the panel's links and picks `option`. */
  async link(field: string, words: string, option: string): Promise<void> {
    const input = this.links.getByRole('combobox', { name: field })
    await input.click()
    await input.fill(words)
    await this.page.getByRole('option', { name: option }).click()
  }

  /** « Transformer en projet », confirmed: lands on the new project's page. */
  async transformIntoProject(): Promise<void> {
    await this.links.getByRole('button', { name: 'Transformer en projet' }).click()
    const confirm = this.page.getByRole('dialog', { name: 'Transformer cette proposition en projet ?' })
    await confirm.getByRole('button', { name: 'Créer le projet' }).click()
    await expect(this.page).toHaveURL(/\/projets\/\d+$/)
  }
}
