import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { DATA_DIR_ENV, findAppRoot } from '../core/paths'

/** Overrides the better-sqlite3 addon used by the Electron app (a build for Electron's ABI). */
export const SQLITE_BINDING_ENV = 'CAP_COMMUNE_SQLITE_BINDING'
/** Where electron-builder puts resources/native/better_sqlite3.node (see electron-builder.yml). */
export const PACKAGED_SQLITE_BINDING = join('native', 'better_sqlite3.node')

/** `--data-dir DIR` or `--data-dir=DIR` on the command line; Chromium's own switches are ignored. */
export function dataDirArgument(argv: readonly string[]): string | undefined {
  const { values } = parseArgs({
    args: [...argv],
    options: { 'data-dir': { type: 'string' } },
    strict: false,
    allowPositionals: true,
  })
  const value = values['data-dir']
  return typeof value === 'string' && value !== '' ? value : undefined
}

/** The command line first, then CAP_COMMUNE_DATA_DIR, then Electron's userData folder. */
export function resolveDataDir(argv: readonly string[], env: NodeJS.ProcessEnv, userDataPath: string): string {
  return dataDirArgument(argv) ?? (env[DATA_DIR_ENV] || userDataPath)
}

export interface AppLocation {
  isPackaged: boolean
  /** process.resourcesPath: the installed app's resources folder. */
  resourcesPath: string
  /** app.getAppPath(): the repository when running from sources. */
  appPath: string
}

/** Packaged: shipped beside the app as an extra resource. From sources: the repository's migrations folder. */
export function resolveMigrationsFolder(location: AppLocation): string {
  return location.isPackaged ? join(location.resourcesPath, 'migrations') : join(findAppRoot(location.appPath), 'migrations')
}

/** Packaged: the référentiel ships as an extra resource. From sources: the repository's resources folder. */
export function resolveReferentielFile(location: AppLocation): string {
  return location.isPackaged
    ? join(location.resourcesPath, 'referentiel', 'referentiel.json')
    : join(findAppRoot(location.appPath), 'resources', 'referentiel', 'referentiel.json')
}

/**
 * The better-sqlite3 addon for Electron's ABI, or undefined to use the one in node_modules (built for Node, which
 * only works when the app runs from sources with a matching rebuild).
 */
export function resolveNativeBinding(
  location: AppLocation,
  env: NodeJS.ProcessEnv,
  fileExists: (path: string) => boolean = existsSync,
): string | undefined {
  // Never in an installed app: a variable must not be able to load any native library into the main process.
  if (!location.isPackaged) return env[SQLITE_BINDING_ENV] || undefined
  const packaged = join(location.resourcesPath, PACKAGED_SQLITE_BINDING)
  return fileExists(packaged) ? packaged : undefined
}
