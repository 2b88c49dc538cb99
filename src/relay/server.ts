/** Starts one relay process: database (PGlite or PostgreSQL), mail, HTTP server, admin channel and scheduled jobs. */
import type { AddressInfo } from 'node:net'
import type { Server } from 'node:net'
import { createAdaptorServer } from '@hono/node-server'
import { adminSocketPath, serveAdminChannel } from './admin/channel'
import { runAdminCommand } from './admin/commands'
import { createRelayApp } from './app'
import { AdminError } from './communes/queries'
import type { RelayConfig } from './config'
import type { RelayContext } from './context'
import { openRelayDatabase } from './db/open'
import { startScheduler } from './jobs/scheduler'
import { createMailer, createTransport } from './mail/mailer'
import { databasePhotoStore } from './photos/store'

export interface RunningRelay {
  url: string
  context: RelayContext
  close(): Promise<void>
}

export async function startRelay(config: RelayConfig, log: (message: string) => void = (m) => console.log(m)): Promise<RunningRelay> {
  const database = await openRelayDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.poolSize })
  let localUrl = ''
  const transport = await createTransport(config, log)
  const mailer = createMailer(database.db, transport, log)
  const context: RelayContext = {
    config,
    database,
    mailer,
    photos: databasePhotoStore(database.db),
    publicUrl: () => config.publicUrl ?? localUrl,
    log,
  }
  const app = createRelayApp(context)
  const server = createAdaptorServer({ fetch: app.fetch }) as unknown as Server
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    // A deep accept queue: a vote peak opens many connections at once.
    server.listen({ port: config.port, host: config.host, backlog: 4096 }, () => resolve())
  })
  // Longer than clients' and proxies' idle timeouts, so that a reused connection is never closed under a request.
  const http = server as unknown as { keepAliveTimeout: number; headersTimeout: number; requestTimeout: number }
  http.keepAliveTimeout = 65_000
  http.headersTimeout = 66_000
  http.requestTimeout = 120_000
  const { port } = server.address() as AddressInfo
  localUrl = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`

  let admin: Server | null = null
  if (database.lock) {
    const socket = adminSocketPath(config.dataDir)
    admin = await serveAdminChannel(socket, async (args) => {
      try {
        return { ok: true, lines: await runAdminCommand(database.db, args, context.publicUrl()) }
      } catch (error) {
        if (error instanceof AdminError) return { ok: false, lines: [error.message] }
        log(`Commande d’administration : ${(error as Error).message}`)
        return { ok: false, lines: ['La commande a échoué : voyez le journal du relais.'] }
      }
    })
    database.lock.update({ adminSocket: socket })
  }
  const scheduler = config.jobs ? startScheduler(context) : null

  log(
    `Relais Cap Commune — base ${database.driver === 'pglite' ? `intégrée (PGlite, ${config.dataDir})` : 'PostgreSQL'}, courriels : ${transport?.describe ?? 'aucun envoi'}`,
  )
  if (!transport) log('Attention : ni RELAY_SMTP_URL ni RELAY_DEV_MAIL=1 — les courriels (liens de connexion, alertes) restent en file d’attente.')
  log(`RELAY_URL=${localUrl}`)

  let closing: Promise<void> | null = null
  return {
    url: localUrl,
    context,
    close() {
      closing ??= (async () => {
        scheduler?.stop()
        await new Promise<void>((resolve) => (admin ? admin.close(() => resolve()) : resolve()))
        await new Promise<void>((resolve) => {
          server.close(() => resolve())
          ;(server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.()
        })
        mailer.close()
        await database.close()
      })()
      return closing
    },
  }
}
