import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { dataDirArgument, resolveDataDir, resolveMigrationsFolder, resolveNativeBinding, resolveReferentielFile } from './launch'

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))

describe('resolveDataDir', () => {
  const userData = '/home/marie/.config/Cap Commune'

  it('prefers --data-dir, then CAP_COMMUNE_DATA_DIR, then userData', () => {
    const env = { CAP_COMMUNE_DATA_DIR: '/srv/env' }
    expect(resolveDataDir(['.', '--data-dir', '/srv/arg'], env, userData)).toBe('/srv/arg')
    expect(resolveDataDir(['--data-dir=/srv/arg'], env, userData)).toBe('/srv/arg')
    expect(resolveDataDir(['.'], env, userData)).toBe('/srv/env')
    expect(resolveDataDir(['.'], {}, userData)).toBe(userData)
    expect(resolveDataDir([], { CAP_COMMUNE_DATA_DIR: '' }, userData)).toBe(userData)
  })

  it("ignores Chromium's switches and positional arguments", () => {
    expect(dataDirArgument(['--no-sandbox', '--enable-logging', '.', '--inspect=9229'])).toBeUndefined()
    expect(dataDirArgument(['--no-sandbox', '--data-dir', 'D:\\Mairie\\Données', '.'])).toBe('D:\\Mairie\\Données')
  })
})

describe('resolveMigrationsFolder', () => {
  it('uses the resources folder when installed', () => {
    expect(resolveMigrationsFolder({ isPackaged: true, resourcesPath: '/opt/Cap Commune/resources', appPath: '/nowhere' })).toBe(
      join('/opt/Cap Commune/resources', 'migrations'),
    )
  })

  it("uses the repository's folder when running from sources", () => {
    expect(resolveMigrationsFolder({ isPackaged: false, resourcesPath: '/usr/lib/electron/resources', appPath: repoRoot })).toBe(
      join(repoRoot, 'migrations'),
    )
  })
})

describe('resolveReferentielFile', () => {
  it('uses the resources folder when installed, the repository otherwise', () => {
    expect(resolveReferentielFile({ isPackaged: true, resourcesPath: '/opt/Cap Commune/resources', appPath: '/nowhere' })).toBe(
      join('/opt/Cap Commune/resources', 'referentiel', 'referentiel.json'),
    )
    expect(resolveReferentielFile({ isPackaged: false, resourcesPath: '/usr/lib/electron/resources', appPath: repoRoot })).toBe(
      join(repoRoot, 'resources', 'referentiel', 'referentiel.json'),
    )
  })
})

describe('resolveNativeBinding', () => {
  const installed = { isPackaged: true, resourcesPath: '/opt/Cap Commune/resources', appPath: '/opt/Cap Commune/resources/app.asar' }
  const shipped = join('/opt/Cap Commune/resources', 'native', 'better_sqlite3.node')

  it('uses the addon shipped for Electron when installed', () => {
    expect(resolveNativeBinding(installed, {}, (path) => path === shipped)).toBe(shipped)
    expect(resolveNativeBinding(installed, {}, () => false)).toBeUndefined()
  })

  it('uses node_modules when running from sources', () => {
    expect(resolveNativeBinding({ ...installed, isPackaged: false }, {}, () => true)).toBeUndefined()
  })

  it('lets CAP_COMMUNE_SQLITE_BINDING choose the addon when running from sources only', () => {
    const env = { CAP_COMMUNE_SQLITE_BINDING: '/tmp/electron-abi/better_sqlite3.node' }
    expect(resolveNativeBinding({ ...installed, isPackaged: false }, env)).toBe('/tmp/electron-abi/better_sqlite3.node')
    // An installed app ignores it: a variable must not load any native library into the main process.
    expect(resolveNativeBinding(installed, env, (path) => path === shipped)).toBe(shipped)
    expect(resolveNativeBinding(installed, env, () => false)).toBeUndefined()
  })
})
