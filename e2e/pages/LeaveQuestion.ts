import { expect, type Page } from '@playwright/test'

/** The question asked before something typed and not saved is lost (components/GuardedModal). */
export class LeaveQuestion {
  static readonly leavingPage = 'Ce que vous avez saisi sur cette page n’est pas enregistré : en la quittant, il sera perdu.'

  constructor(private readonly page: Page) {}

  get dialog() {
    return this.page.getByRole('dialog', { name: 'Abandonner la saisie ?' })
  }

  /** Follows the menu's link `menuItem` and expects to be asked first, in these words, once the dialog has faded in. */
  async leaveByMenu(menuItem: string, sentence = LeaveQuestion.leavingPage): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: menuItem }).click()
    await this.expectAsked(sentence)
  }

  async expectAsked(sentence: string): Promise<void> {
    await expect(this.dialog).toContainText(sentence)
    await expect(this.dialog).toHaveCSS('opacity', '1') // screenshots after the fade-in
  }

  async keepEditing(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Continuer la saisie' }).click()
    await expect(this.dialog).toBeHidden()
  }
}
