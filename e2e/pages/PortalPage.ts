import AxeBuilder from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'

/** The citizen portal of one commune, as a citizen uses it on a phone. */
export class PortalPage {
  constructor(
    readonly page: Page,
    readonly base: string,
  ) {}

  async open(path = ''): Promise<void> {
    await this.page.goto(`${this.base}${path}`)
  }

  /** Zero axe violations (WCAG 2.1 A and AA) on the page as it is now. */
  async expectAccessible(): Promise<void> {
    const results = await new AxeBuilder({ page: this.page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
  }

  async requestLink(email: string): Promise<void> {
    await this.page.getByRole('link', { name: 'Se connecter' }).click()
    await this.page.getByLabel('Adresse e-mail').fill(email)
    await this.page.getByRole('button', { name: 'Recevoir le lien de connexion' }).click()
    await expect(this.page.getByRole('heading', { name: 'Consultez votre messagerie' })).toBeVisible()
  }

  async submitProposal(fields: { title: string; body: string; topic: string; address: string; photo: string }): Promise<void> {
    await this.page.getByRole('link', { name: 'Contribuer' }).click()
    await this.page.getByLabel('Une proposition, une idée').check()
    await this.page.getByLabel('Sujet').selectOption({ label: fields.topic })
    await this.page.getByLabel('Titre').fill(fields.title)
    await this.page.getByLabel('Description').fill(fields.body)
    await this.page.getByLabel('Lieu (facultatif)').fill(fields.address)
    await this.page.getByLabel(/^Photos/).setInputFiles(fields.photo)
    await this.page.getByRole('button', { name: 'Envoyer ma contribution' }).click()
  }

  async receipt(): Promise<string> {
    return (await this.page.locator('.receipt').textContent())!.trim()
  }
}
