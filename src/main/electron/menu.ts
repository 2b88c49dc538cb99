import type { MenuItemConstructorOptions } from 'electron'
import { PRODUCT_NAME } from '../core/paths'

export interface MenuActions {
  showAbout(): void
  openDataFolder(): void
  checkForUpdates(): void
}

export interface MenuOptions {
  /** Developer tools are offered only when running from sources. */
  isPackaged: boolean
  platform: NodeJS.Platform
  actions: MenuActions
}

const separator: MenuItemConstructorOptions = { type: 'separator' }

/**
 * The native menu, in French. Every item carries its own label: Electron's role labels follow the system
 * language, which is not always French on a town hall's computer.
 */
export function buildMenuTemplate({ isPackaged, platform, actions }: MenuOptions): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin'
  const about: MenuItemConstructorOptions = { label: `À propos de ${PRODUCT_NAME}`, click: () => actions.showAbout() }
  const quit: MenuItemConstructorOptions = { label: 'Quitter', role: 'quit' }

  const template: MenuItemConstructorOptions[] = []
  // On macOS the first menu is the application menu, named after the app.
  if (isMac) {
    template.push({
      label: PRODUCT_NAME,
      submenu: [
        about,
        separator,
        { label: 'Services', role: 'services' },
        separator,
        { label: `Masquer ${PRODUCT_NAME}`, role: 'hide' },
        { label: 'Masquer les autres', role: 'hideOthers' },
        { label: 'Tout afficher', role: 'unhide' },
        separator,
        quit,
      ],
    })
  }
  template.push(
    { label: 'Fichier', submenu: isMac ? [{ label: 'Fermer la fenêtre', role: 'close' }] : [quit] },
    {
      label: 'Édition',
      submenu: [
        { label: 'Annuler', role: 'undo' },
        { label: 'Rétablir', role: 'redo' },
        separator,
        { label: 'Couper', role: 'cut' },
        { label: 'Copier', role: 'copy' },
        { label: 'Coller', role: 'paste' },
        separator,
        { label: 'Tout sélectionner', role: 'selectAll' },
      ],
    },
    {
      label: 'Affichage',
      submenu: [
        { label: 'Actualiser', role: 'reload' },
        separator,
        { label: 'Zoom avant', role: 'zoomIn' },
        { label: 'Zoom arrière', role: 'zoomOut' },
        { label: 'Taille réelle', role: 'resetZoom' },
        separator,
        { label: 'Plein écran', role: 'togglefullscreen' },
        ...(isPackaged ? [] : [separator, { label: 'Outils de développement', role: 'toggleDevTools' } as const]),
      ],
    },
    {
      label: 'Aide',
      submenu: [
        ...(isMac ? [] : [about, separator]),
        { label: 'Rechercher les mises à jour', click: () => actions.checkForUpdates() },
        { label: 'Dossier des données', click: () => actions.openDataFolder() },
      ],
    },
  )
  return template
}
