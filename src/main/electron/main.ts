import { join } from 'node:path'
import { BrowserWindow, Menu, app, dialog, ipcMain, protocol, safeStorage, session, shell } from 'electron'
import updaterPackage from 'electron-updater'
import { createCore, type Core } from '../core/core'
import { DatabaseOpenError } from '../core/db/errors'
import { PRODUCT_NAME } from '../core/paths'
import { APP_ENTRY_URL, devServerUrlFor } from './app-url'
import { installNavigationGuards, isSafeExternalUrl } from './guards'
import { registerIpc } from './ipc'
import { resolveDataDir, resolveMigrationsFolder, resolveNativeBinding, resolveReferentielFile } from './launch'
import { buildMenuTemplate } from './menu'
import { safeStorageCipher } from './secrets'
import { APP_SCHEME_PRIVILEGES, registerAppProtocol } from './protocol'
import { createUpdates, updateFeed } from './updates'
import { SPELLCHECKER_LANGUAGES, createMainWindowOptions } from './window-options'

/**
 * electron-updater is CommonJS: its exports are reached through the default import. Its autoUpdater is a getter that
 * builds the platform's updater on first access, so it is read only when an installed app checks for updates.
 */
function autoUpdater() {
  const { autoUpdater } = updaterPackage
  return autoUpdater
}

const APP_ID = 'fr.capcommune.app'

/** The only way the app opens a link in the system browser. */
function openExternal(url: string): Promise<void> {
  if (!isSafeExternalUrl(url)) return Promise.reject(new Error(`Lien refusé : ${url}`))
  return shell.openExternal(url)
}

function showStartupError(message: string): void {
  dialog.showErrorBox(`${PRODUCT_NAME} ne peut pas démarrer`, message)
}

function main(): void {
  app.setName(PRODUCT_NAME)
  // A second launch (double-click on the icon) brings back the open window instead of opening the database twice.
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return
  }

  const devServerUrl = devServerUrlFor(app.isPackaged)
  const location = { isPackaged: app.isPackaged, resourcesPath: process.resourcesPath, appPath: app.getAppPath() }
  const dataDir = resolveDataDir(process.argv.slice(1), process.env, app.getPath('userData'))
  let mainWindow: BrowserWindow | null = null
  let core: Core | null = null

  // Every renderer sandboxed, whatever a window's options say; the app scheme registered before 'ready'.
  app.enableSandbox()
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES])
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID)

  // Applied to every web page the app ever creates, windows or not.
  app.on('web-contents-created', (_event, contents) => installNavigationGuards(contents, openExternal, devServerUrl))

  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })

  function createMainWindow(): void {
    const window = new BrowserWindow(createMainWindowOptions(join(app.getAppPath(), 'out', 'preload', 'index.js')))
    mainWindow = window
    window.once('ready-to-show', () => window.show())
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null
    })
    window.loadURL(devServerUrl ?? APP_ENTRY_URL).catch((error: unknown) => console.error("Chargement de l'interface impossible", error))
  }

  function showAbout(): void {
    const options = {
      type: 'info' as const,
      title: `À propos de ${PRODUCT_NAME}`,
      message: PRODUCT_NAME,
      detail: `Version ${app.getVersion()}\nPiloter le mandat municipal.\n\nVos données : ${dataDir}`,
      buttons: ['Fermer'],
    }
    void (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options))
  }

  function openDataFolder(): void {
    void shell.openPath(dataDir).then((failure) => {
      if (failure) dialog.showErrorBox('Dossier des données', `Le dossier ${dataDir} ne peut pas être ouvert : ${failure}`)
    })
  }

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('activate', () => {
    if (core && BrowserWindow.getAllWindows().length === 0) createMainWindow()
  })
  app.on('will-quit', () => {
    core?.close()
    core = null
  })

  void app.whenReady().then(() => {
    try {
      core = createCore({
        dataDir,
        migrationsFolder: resolveMigrationsFolder(location),
        referentielFile: resolveReferentielFile(location),
        appVersion: app.getVersion(),
        nativeBinding: resolveNativeBinding(location, process.env),
        // Documents and evidence open in the computer's own viewer ('' when opened, else the system's reason).
        openFile: (filePath) => shell.openPath(filePath),
        // A citizen's link, once the user confirmed it (app.openLink), in the system browser.
        openExternal,
        // The relay token, encrypted by the system's keystore (after app ready, as safeStorage requires).
        secretCipher: safeStorageCipher(safeStorage),
      })
    } catch (error) {
      // The database is left exactly as it was: the message says what happened and what to do.
      console.error(error)
      showStartupError(
        error instanceof DatabaseOpenError
          ? error.message
          : `Une erreur inattendue empêche l'ouverture de vos données (${dataDir}). Elles n'ont pas été modifiées. Contactez l'assistance.`,
      )
      app.exit(1)
      return
    }
    if (!core.recovery && core.database.migration.backupPath)
      console.log(`Copie de sauvegarde avant mise à jour : ${core.database.migration.backupPath}`)

    const available = session.defaultSession.availableSpellCheckerLanguages
    session.defaultSession.setSpellCheckerLanguages(SPELLCHECKER_LANGUAGES.filter((language) => available.includes(language)))
    registerAppProtocol(protocol, join(app.getAppPath(), 'out', 'renderer'))
    registerIpc({
      ipcMain,
      core,
      session: core.newSession(),
      devServerUrl,
      eventRecipients: () => BrowserWindow.getAllWindows().map((window) => window.webContents),
    })
    const updates = createUpdates({
      feed: updateFeed(app.isPackaged, process.resourcesPath),
      updater: autoUpdater,
      currentVersion: app.getVersion(),
      dialogs: {
        ask: async (message, detail, buttons) => {
          const options = { type: 'info' as const, title: 'Mise à jour de Cap Commune', message, detail, buttons, defaultId: 0, cancelId: 0 }
          return (await (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options))).response
        },
        tell: async (message, detail) => {
          const options = { type: 'info' as const, title: 'Mise à jour de Cap Commune', message, detail, buttons: ['Fermer'] }
          await (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options))
        },
      },
    })
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate({
          isPackaged: app.isPackaged,
          platform: process.platform,
          actions: { showAbout, openDataFolder, checkForUpdates: () => void updates.checkNow() },
        }),
      ),
    )
    createMainWindow()
    // The commune directory loads while the window opens, ready for the setup wizard's first keystroke.
    setImmediate(() => core?.warmUp())
    void updates.checkInBackground()
  })
}

main()
