/**
 * `npm run relay` starts the relay; `npm run relay -- commune …` runs an admin command. With PGlite, a command asks the
 * running relay through its admin channel (never opening the folder twice), or opens the folder itself when no relay
 * runs. With PostgreSQL it works on the database directly, like any other process.
 */
import { askRunningRelay } from './admin/channel'
import { ADMIN_HELP, runAdminCommand } from './admin/commands'
import { AdminError } from './communes/queries'
import { ConfigError, readConfig, type RelayConfig } from './config'
import { FolderLockedError, readLock } from './db/lock'
import { openRelayDatabase } from './db/open'
import { startRelay } from './server'

async function admin(config: RelayConfig, args: string[]): Promise<number> {
  const portalBase = config.publicUrl ?? `http://127.0.0.1:${config.port || 8787}`
  if (!config.databaseUrl) {
    for (let wait = 0; wait < 40; wait++) {
      const holder = readLock(config.dataDir)
      if (!holder) break
      if (holder.adminSocket) {
        const reply = await askRunningRelay(holder.adminSocket, args)
        ;(reply.ok ? console.log : console.error)(reply.lines.join('\n'))
        return reply.ok ? 0 : 1
      }
      // The relay is starting: its channel opens in a moment.
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
  }
  const database = await openRelayDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 })
  try {
    console.log((await runAdminCommand(database.db, args, portalBase)).join('\n'))
    return 0
  } finally {
    await database.close()
  }
}

async function main(): Promise<number> {
  const args = process.argv.slice(2)
  const config = readConfig()
  if (args[0] === 'help' || args[0] === '--help') {
    console.log(ADMIN_HELP.join('\n'))
    return 0
  }
  if (args.length && args[0] !== 'serve') return admin(config, args)
  const relay = await startRelay(config)
  const stop = () => {
    relay.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  return -1
}

main().then(
  (code) => {
    if (code >= 0) process.exit(code)
  },
  (error: unknown) => {
    if (error instanceof ConfigError || error instanceof FolderLockedError || error instanceof AdminError) console.error(error.message)
    else console.error(`Le relais n’a pas pu démarrer : ${(error as Error).message}`)
    process.exit(1)
  },
)
