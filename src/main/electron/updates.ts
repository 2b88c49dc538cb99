/**
 * Updates through electron-updater, on the generic feed written at packaging time into `<resources>/app-update.yml`
 * (scripts/package.mjs, from CAP_COMMUNE_UPDATE_URL). Off when the installation has no feed or its address is not
 * https. Checked quietly at launch; « Rechercher les mises à jour » (menu Aide) checks on demand and says the
 * result; once a new version is downloaded, one small question offers to restart now or at the next closing.
 * Offline town halls are the norm: a failed background check is logged, never shown and never fatal.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/** The part of electron-updater's autoUpdater used here, so the behaviour can be tested without Electron. */
export interface Updater {
  autoDownload: boolean
  autoInstallOnAppQuit: boolean
  checkForUpdates(): Promise<{ updateInfo: { version: string } } | null>
  quitAndInstall(): void
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown
}

export interface UpdateDialogs {
  /** Returns the index of the button chosen. */
  ask(message: string, detail: string, buttons: string[]): Promise<number>
  tell(message: string, detail: string): Promise<void>
}

/** The https feed of this installation, or null (running from sources, no app-update.yml, not https). */
export function updateFeed(
  isPackaged: boolean,
  resourcesPath: string,
  read: (path: string) => string = (p) => readFileSync(p, 'utf8'),
): string | null {
  if (!isPackaged) return null
  let text: string
  try {
    text = read(join(resourcesPath, 'app-update.yml'))
  } catch {
    return null
  }
  const url = /^url:\s*['"]?([^'"\s]+)['"]?\s*$/m.exec(text)?.[1] ?? null
  return url && url.startsWith('https://') ? url : null
}

export interface UpdatesOptions {
  feed: string | null
  updater: () => Updater
  dialogs: UpdateDialogs
  currentVersion: string
  log?: (message: string, error?: unknown) => void
}

export function createUpdates(options: UpdatesOptions) {
  const log = options.log ?? ((message, error) => console.warn(message, error ?? ''))
  let wired: Updater | null = null
  const updater = (): Updater => {
    if (wired) return wired
    wired = options.updater()
    wired.autoDownload = true
    // Installed at the next closing if the user says « Plus tard ».
    wired.autoInstallOnAppQuit = true
    wired.on('update-downloaded', (info) => {
      void options.dialogs
        .ask(
          `La version ${info.version} de Cap Commune est prête.`,
          "Elle s'installera à la prochaine fermeture de Cap Commune. Vous pouvez aussi redémarrer maintenant : votre travail est enregistré.",
          ['Plus tard', 'Redémarrer maintenant'],
        )
        .then((choice) => {
          if (choice === 1) wired?.quitAndInstall()
        })
    })
    return wired
  }

  return {
    enabled: options.feed !== null,
    /** At launch: quiet. */
    async checkInBackground(): Promise<void> {
      if (!options.feed) return
      try {
        await updater().checkForUpdates()
      } catch (error) {
        log('Recherche de mise à jour impossible', error)
      }
    },
    /** « Rechercher les mises à jour »: always says what it found. */
    async checkNow(): Promise<void> {
      if (!options.feed) {
        await options.dialogs.tell(
          'Les mises à jour automatiques ne sont pas configurées.',
          "Cette installation de Cap Commune n'a pas d'adresse de mise à jour. Demandez la dernière version à la personne qui l'a installée.",
        )
        return
      }
      try {
        const result = await updater().checkForUpdates()
        const version = result?.updateInfo.version
        if (!version || version === options.currentVersion) {
          await options.dialogs.tell('Cap Commune est à jour.', `Vous utilisez la dernière version (${options.currentVersion}).`)
        } else {
          await options.dialogs.tell(
            `La version ${version} est disponible.`,
            'Elle se télécharge en arrière-plan ; Cap Commune vous proposera de redémarrer quand elle sera prête.',
          )
        }
      } catch (error) {
        log('Recherche de mise à jour impossible', error)
        await options.dialogs.tell(
          'La recherche de mise à jour a échoué.',
          'Vérifiez la connexion à Internet, puis réessayez. Cap Commune continue de fonctionner normalement.',
        )
      }
    },
  }
}
