// Gives the Electron app its own better-sqlite3 binary, built for Electron's ABI, in resources/native/,
// without touching node_modules/better-sqlite3 (whose Node build the tests use). See README and STACK.md.
//
//   node scripts/electron-sqlite.mjs [--platform win32|linux|darwin] [--arch x64|arm64]
//
// Needs the internet (prebuilt binaries from better-sqlite3's releases, or Electron's headers to compile).
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
export const NATIVE_DIR = join(ROOT, 'resources', 'native')
export const BINDING_PATH = join(NATIVE_DIR, 'better_sqlite3.node')
const STAMP_PATH = join(NATIVE_DIR, 'better_sqlite3.target.json')

function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'))
}

export function electronVersion() {
  return readJson(join(ROOT, 'node_modules', 'electron', 'package.json')).version
}

/** Returns the path of a binding for this Electron version and platform, building it if needed; null if impossible. */
export function ensureElectronSqliteBinding({ platform = process.platform, arch = process.arch, quiet = false } = {}) {
  const target = { electron: electronVersion(), platform, arch }
  if (existsSync(BINDING_PATH) && existsSync(STAMP_PATH) && JSON.stringify(readJson(STAMP_PATH)) === JSON.stringify(target)) {
    return BINDING_PATH
  }
  const work = mkdtempSync(join(tmpdir(), 'cap-commune-sqlite-'))
  try {
    // A private copy of the package: building there leaves node_modules' Node build untouched.
    cpSync(join(ROOT, 'node_modules', 'better-sqlite3'), work, {
      recursive: true,
      filter: (source) => !source.includes(`${join('better-sqlite3', 'build')}`),
    })
    const stdio = quiet ? 'ignore' : 'inherit'
    const prebuilt = spawnSync(
      process.execPath,
      [
        join(ROOT, 'node_modules', 'prebuild-install', 'bin.js'),
        '--runtime',
        'electron',
        '--target',
        target.electron,
        '--platform',
        platform,
        '--arch',
        arch,
      ],
      { cwd: work, stdio, timeout: 120_000 },
    )
    if (prebuilt.status !== 0 && platform === process.platform) {
      spawnSync(
        'npx',
        [
          '--yes',
          'node-gyp',
          'rebuild',
          '--release',
          '--runtime=electron',
          `--target=${target.electron}`,
          `--arch=${arch}`,
          '--dist-url=https://electronjs.org/headers',
        ],
        {
          cwd: work,
          stdio,
          timeout: 600_000,
          env: { ...process.env, npm_config_nodedir: '' },
        },
      )
    }
    const built = join(work, 'build', 'Release', 'better_sqlite3.node')
    if (!existsSync(built)) return null
    mkdirSync(NATIVE_DIR, { recursive: true })
    cpSync(built, BINDING_PATH)
    writeFileSync(STAMP_PATH, JSON.stringify(target))
    return BINDING_PATH
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { platform: { type: 'string' }, arch: { type: 'string' } } })
  const path = ensureElectronSqliteBinding({ platform: values.platform, arch: values.arch })
  if (!path) {
    console.error("Impossible d'obtenir better-sqlite3 pour Electron (accès Internet nécessaire).")
    process.exit(1)
  }
  console.log(path)
}
