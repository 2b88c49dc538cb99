import { expect, type Locator, type Page } from '@playwright/test'

/** Paramètres: commune and mandate, profiles, my profile, data. */
export class SettingsPage {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog')
  }

  async openTab(name: 'Commune et mandat' | 'Profil de la commune' | 'Profils' | 'Mon profil' | 'Données'): Promise<void> {
    await this.page.getByRole('tab', { name }).click()
  }

  get profilesTable(): Locator {
    return this.page.getByRole('table', { name: 'Profils' })
  }

  async createProfile(profile: { displayName: string; member: string; password?: string; admin?: boolean }): Promise<void> {
    await this.page.getByRole('button', { name: 'Nouveau profil' }).click()
    await this.dialog.getByRole('combobox', { name: 'Personne de l’équipe' }).click()
    await this.page.getByRole('option', { name: profile.member }).click()
    await this.dialog.getByRole('textbox', { name: 'Nom du profil' }).fill(profile.displayName)
    if (profile.admin) await this.dialog.getByLabel('Administrateur').check()
    if (profile.password) await this.dialog.getByLabel('Mot de passe (facultatif)').fill(profile.password)
    await this.dialog.getByRole('button', { name: 'Créer le profil' }).click()
    await expect(this.dialog).toBeHidden()
  }
}
