import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { buildMenuTemplate, type MenuOptions } from './menu'

function template(overrides: Partial<MenuOptions> = {}) {
  const actions = { showAbout: vi.fn(), openDataFolder: vi.fn(), checkForUpdates: vi.fn() }
  return { actions, items: buildMenuTemplate({ isPackaged: true, platform: 'win32', actions, ...overrides }) }
}

/** Every item of the menu, submenus included. */
function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])])
}

function submenuLabels(items: MenuItemConstructorOptions[], menu: string): (string | undefined)[] {
  const found = items.find((item) => item.label === menu)
  return (found?.submenu as MenuItemConstructorOptions[]).filter((item) => item.type !== 'separator').map((item) => item.label)
}

function find(items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions | undefined {
  return flatten(items).find((item) => item.label === label)
}

// Words of Electron's default English menus; "Zoom" and "Services" are French too and so are not listed.
const ENGLISH_WORDS =
  /\b(File|Edit|View|Window|Help|Quit|Exit|Close|Undo|Redo|Cut|Copy|Paste|Select|All|Reload|Force|Toggle|Full|Screen|Actual|Size|In|Out|Developer|Tools|About|Data|Folder|Hide|Others|Show)\b/

describe('buildMenuTemplate', () => {
  for (const platform of ['win32', 'linux', 'darwin'] as const) {
    for (const isPackaged of [true, false]) {
      it(`is entirely in French (${platform}, ${isPackaged ? 'installed' : 'from sources'})`, () => {
        for (const item of flatten(template({ platform, isPackaged }).items)) {
          if (item.type === 'separator') continue
          // An item without a label would show Electron's default label, in the system language.
          expect(item.label, JSON.stringify(item)).toBeTruthy()
          expect(item.label).not.toMatch(ENGLISH_WORDS)
        }
      })
    }
  }

  it('has the French menus and items', () => {
    const { items } = template()
    expect(items.map((item) => item.label)).toEqual(['Fichier', 'Édition', 'Affichage', 'Aide'])
    expect(submenuLabels(items, 'Fichier')).toEqual(['Quitter'])
    expect(submenuLabels(items, 'Édition')).toEqual(['Annuler', 'Rétablir', 'Couper', 'Copier', 'Coller', 'Tout sélectionner'])
    expect(submenuLabels(items, 'Affichage')).toEqual(['Actualiser', 'Zoom avant', 'Zoom arrière', 'Taille réelle', 'Plein écran'])
    expect(submenuLabels(items, 'Aide')).toEqual(['À propos de Cap Commune', 'Rechercher les mises à jour', 'Dossier des données'])
  })

  it('gives the editing and view items their native roles', () => {
    const { items } = template()
    expect(find(items, 'Quitter')?.role).toBe('quit')
    expect(find(items, 'Copier')?.role).toBe('copy')
    expect(find(items, 'Tout sélectionner')?.role).toBe('selectAll')
    expect(find(items, 'Plein écran')?.role).toBe('togglefullscreen')
    expect(find(items, 'Taille réelle')?.role).toBe('resetZoom')
  })

  it('offers the developer tools only when running from sources', () => {
    expect(flatten(template({ isPackaged: true }).items).some((item) => item.role === 'toggleDevTools')).toBe(false)
    const fromSources = template({ isPackaged: false }).items
    expect(find(fromSources, 'Outils de développement')?.role).toBe('toggleDevTools')
  })

  it('runs the about and data folder actions', () => {
    const { items, actions } = template()
    find(items, 'Dossier des données')?.click?.({} as never, undefined, {} as never)
    expect(actions.openDataFolder).toHaveBeenCalledTimes(1)
    find(items, 'À propos de Cap Commune')?.click?.({} as never, undefined, {} as never)
    expect(actions.showAbout).toHaveBeenCalledTimes(1)
    find(items, 'Rechercher les mises à jour')?.click?.({} as never, undefined, {} as never)
    expect(actions.checkForUpdates).toHaveBeenCalledTimes(1)
  })

  it('puts the application menu first on macOS', () => {
    const { items } = template({ platform: 'darwin' })
    expect(items[0]?.label).toBe('Cap Commune')
    expect(submenuLabels(items, 'Cap Commune')).toContain('Quitter')
    expect(submenuLabels(items, 'Cap Commune')).toContain('À propos de Cap Commune')
  })
})
