// `npm start`: builds Cap Commune, then runs it in Electron where its binary is installed or can be fetched,
// else in the browser host (the same app, served on 127.0.0.1), with a clear message and the address.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ensureElectronSqliteBinding } from './electron-sqlite.mjs'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const ELECTRON_DIR = join(ROOT, 'node_modules', 'electron')
const passThrough = process.argv.slice(2)

function run(command, args, options = {}) {
  return spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', ...options })
}

function electronBinary() {
  const pathFile = join(ELECTRON_DIR, 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(ELECTRON_DIR, 'dist', readFileSync(pathFile, 'utf8'))
  return existsSync(binary) ? binary : null
}

function fetchElectron() {
  console.log("Téléchargement d'Electron…")
  run(process.execPath, [join(ELECTRON_DIR, 'install.js')], { timeout: 300_000, stdio: 'ignore' })
  return electronBinary()
}

console.log('Construction de Cap Commune…')
if (run(process.execPath, [join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build']).status !== 0) {
  console.error('La construction a échoué : voir les messages ci-dessus.')
  process.exit(1)
}

const electron = process.env.CAP_COMMUNE_BROWSER ? null : (electronBinary() ?? fetchElectron())
const sqliteBinding = electron ? ensureElectronSqliteBinding({ quiet: true }) : null

if (electron && sqliteBinding) {
  const child = spawn(electron, [ROOT, ...passThrough], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, CAP_COMMUNE_SQLITE_BINDING: sqliteBinding },
  })
  child.on('exit', (code) => process.exit(code ?? 0))
} else {
  console.log('')
  console.log(
    electron
      ? "Electron est installé mais sa version de better-sqlite3 n'a pas pu être obtenue (accès Internet nécessaire) :"
      : "Electron n'est pas installé sur cet ordinateur et n'a pas pu être téléchargé :",
  )
  console.log('Cap Commune démarre dans votre navigateur. Ouvrez l’adresse affichée ci-dessous ; Ctrl+C pour arrêter.')
  console.log('')
  const host = spawn(process.execPath, [join(ROOT, 'out', 'main', 'host.js'), ...passThrough], { cwd: ROOT, stdio: 'inherit' })
  const stop = () => host.kill('SIGTERM')
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  host.on('exit', (code) => process.exit(code ?? 0))
}
