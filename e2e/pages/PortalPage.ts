import AxeBuilder from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'
import type { TestSmtp } from '../../src/relay/testing/smtp'

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

  /** Asks for a link, follows the one the mail brings, confirms it and chooses the name shown: signed up. */
  async signUp(smtp: TestSmtp, email: string, displayName: string): Promise<void> {
    await this.requestLink(email)
    const mail = await smtp.waitFor(email)
    await this.page.goto(/(http:\/\/\S+\/connexion\/lien\?jeton=\S+)/.exec(mail.text)![1]!)
    await this.page.getByRole('button', { name: 'Me connecter' }).click()
    await expect(this.page.getByText('Vous êtes connecté·e. Choisissez le nom affiché')).toBeVisible()
    await this.page.getByLabel('Nom affiché avec vos contributions').fill(displayName)
    await this.page.getByRole('button', { name: 'Enregistrer' }).click()
    await expect(this.page.getByText('Vos préférences sont enregistrées.')).toBeVisible()
  }

  /** On a vote kept for verified residents: types the mairie's code, then votes for one choice. */
  async voteWithCode(residentCode: string, choice: string): Promise<void> {
    await expect(this.page.getByText('Ce vote est réservé aux habitants vérifiés')).toBeVisible()
    await this.page.getByLabel('Code habitant').fill(residentCode)
    await this.page.getByRole('button', { name: 'Valider mon code' }).click()
    await this.page.getByRole('radio', { name: choice }).check()
    await this.page.getByRole('button', { name: 'Voter' }).click()
    await expect(this.page.getByRole('heading', { name: 'Votre vote est enregistré' })).toBeVisible()
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
