import { expect, type Locator, type Page } from '@playwright/test'

/**
 * The « Actions » menu of a row of « Consultations » or « Actualités » (features/publications/PortalItemCells):
 * « Modifier », then « Retirer du portail » or « Publier de nouveau ».
 */
export class PortalItemActions {
  constructor(private readonly page: Page) {}

  button(row: Locator, title: string): Locator {
    return row.getByRole('button', { name: `Actions pour « ${title} »` })
  }

  get menu(): Locator {
    return this.page.getByRole('menu')
  }

  /** Opens the row's menu and chooses `action` in it. */
  async choose(row: Locator, title: string, action: string): Promise<void> {
    await this.button(row, title).click()
    await this.menu.getByRole('menuitem', { name: action }).click()
  }

  /** Opens the row's menu with the keyboard (Entrée, then the arrows) and chooses `action` with Entrée. */
  async chooseWithKeyboard(row: Locator, title: string, action: string): Promise<void> {
    await this.button(row, title).focus()
    await this.page.keyboard.press('Enter')
    await expect(this.menu).toBeVisible()
    const item = this.menu.getByRole('menuitem', { name: action })
    for (let step = 0; step < 3; step++) {
      await this.page.keyboard.press('ArrowDown')
      if (await item.evaluate((element) => element === document.activeElement)) break
    }
    await expect(item).toBeFocused()
    await this.page.keyboard.press('Enter')
  }

  /** What the row's menu offers, in order (the menu closed again after). */
  async offered(row: Locator, title: string): Promise<string[]> {
    await this.button(row, title).click()
    await expect(this.menu).toBeVisible()
    const items = (await this.menu.getByRole('menuitem').allTextContents()).map((text) => text.trim())
    await this.page.keyboard.press('Escape')
    await expect(this.menu).toBeHidden()
    return items
  }
}
