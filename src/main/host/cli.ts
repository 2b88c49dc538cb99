import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { createCore } from '../core/core'
import { DatabaseOpenError } from '../core/db/errors'
import { defaultDataDir, findAppRoot, readAppVersion } from '../core/paths'
import { startBrowserHost } from './server'

/** `node out/main/host.js [--data-dir DIR] [--port N]`: Cap Commune in the browser, without Electron. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string', default: '0' },
      token: { type: 'string' },
    },
  })
  const appRoot = findAppRoot()
  const dataDir = values['data-dir'] ?? defaultDataDir()
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`Port invalide : ${values.port}`)
    process.exit(2)
  }

  let core
  try {
    core = createCore({ dataDir, migrationsFolder: join(appRoot, 'migrations'), appVersion: readAppVersion(appRoot) })
  } catch (error) {
    console.error(error instanceof DatabaseOpenError ? error.message : error)
    process.exit(1)
  }
  if (!core.recovery && core.database.migration.backupPath)
    console.log(`Copie de sauvegarde avant mise à jour : ${core.database.migration.backupPath}`)

  const host = await startBrowserHost({ core, rendererDir: join(appRoot, 'out', 'renderer'), port, token: values.token })
  setImmediate(() => core.warmUp())
  console.log(`Données : ${dataDir}`)
  console.log(`Cap Commune est prêt. Ouvrez cette adresse dans votre navigateur : ${host.url}`)
  // Tests and scripts read this line.
  console.log(`CAP_COMMUNE_URL=${host.url}`)

  const stop = () => {
    void host.close().then(() => {
      core.close()
      process.exit(0)
    })
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

void main()
