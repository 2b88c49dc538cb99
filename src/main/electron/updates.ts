/** The part of electron-updater's autoUpdater used here, so the behaviour can be tested without Electron. */
export interface Updater {
  checkForUpdatesAndNotify(): Promise<unknown>
}

/**
 * Looks for a new version in the background, installed apps only (a run from sources has nothing to update).
 * Offline town halls are the norm: a failed check is logged, never shown and never fatal.
 */
export function checkForUpdatesInBackground(
  updater: () => Updater,
  isPackaged: boolean,
  log: (message: string, error?: unknown) => void = (message, error) => console.warn(message, error ?? ''),
): Promise<void> {
  if (!isPackaged) return Promise.resolve()
  try {
    return updater()
      .checkForUpdatesAndNotify()
      .then(
        () => undefined,
        (error: unknown) => log('Recherche de mise à jour impossible', error),
      )
  } catch (error) {
    log('Recherche de mise à jour impossible', error)
    return Promise.resolve()
  }
}
