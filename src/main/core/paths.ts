import { existsSync, readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const PRODUCT_NAME = 'Cap Commune'
export const DATA_DIR_ENV = 'CAP_COMMUNE_DATA_DIR'

/** The same folder Electron's app.getPath('userData') gives, so both hosts open the same data. */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (env[DATA_DIR_ENV]) return env[DATA_DIR_ENV]!
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME)
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME)
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), PRODUCT_NAME)
}

/** The project root (the folder of package.json), found from this file whether run from sources or from out/. */
export function findAppRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'migrations'))) return dir
    const parent = dirname(dir)
    if (parent === dir) throw new Error(`Dossier de Cap Commune introuvable depuis ${from}`)
    dir = parent
  }
}

export function readAppVersion(appRoot: string): string {
  return (JSON.parse(readFileSync(join(appRoot, 'package.json'), 'utf8')) as { version: string }).version
}
