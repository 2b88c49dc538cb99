/**
 * The relay as its own process on 127.0.0.1, as the tests and the bench use it: `tsx src/relay/main.ts` with RELAY_PORT=0,
 * started on PGlite (a copy of a migrated template folder, so a test does not wait for initdb) or on a fresh database
 * of the test PostgreSQL cluster. Also the test's admin access: the running relay's admin channel with PGlite, a direct
 * connection with PostgreSQL.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { askRunningRelay } from '../admin/channel'
import { readLock } from '../db/lock'
import { RELAY_ROOT } from '../paths'

export type Driver = 'pglite' | 'postgres'
export const DRIVERS: Driver[] = ['pglite', 'postgres']
export const REPO_ROOT = join(RELAY_ROOT, '..', '..')

export interface Databases {
  /** A migrated PGlite folder to copy; '' starts from an empty folder (the relay migrates it). */
  pgliteTemplate: string
  /** The test cluster's maintenance database URL (`…/postgres`). */
  postgresUrl: string
}

export interface RelayProcess {
  url: string
  driver: Driver
  dataDir: string
  databaseUrl: string | null
  output(): string
  /** Runs `commune …` like `npm run relay -- commune …`, returns the printed lines. */
  admin(...args: string[]): Promise<string[]>
  api(path: string, init?: RequestInit & { token?: string; json?: unknown }): Promise<Response>
  stop(): Promise<void>
  kill(): Promise<void>
}

export async function newPostgresDatabase(postgresUrl: string): Promise<string> {
  const pg = (await import('pg')).default
  const client = new pg.Client({ connectionString: postgresUrl })
  await client.connect()
  const name = `relay_${randomBytes(6).toString('hex')}`
  try {
    await client.query(`CREATE DATABASE ${name}`)
  } finally {
    await client.end()
  }
  return postgresUrl.replace(/\/[^/]*$/, `/${name}`)
}

export interface StartOptions {
  env?: Record<string, string>
  /** Reuse this database (two processes on one PostgreSQL) instead of a new one. */
  databaseUrl?: string
  dataDir?: string
}

export async function startRelayProcess(driver: Driver, databases: Databases, options: StartOptions = {}): Promise<RelayProcess> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'relay-test-'))
  let databaseUrl: string | null = null
  if (driver === 'pglite' && !options.dataDir && databases.pgliteTemplate) cpSync(databases.pgliteTemplate, dataDir, { recursive: true })
  if (driver === 'postgres') databaseUrl = options.databaseUrl ?? (await newPostgresDatabase(databases.postgresUrl))
  // tsx as a loader, in this very process: a signal (even SIGKILL) reaches the relay itself. RELAY_NODE_ARGS (e.g.
  // `--cpu-prof --cpu-prof-dir=/tmp/p`) profiles the relay under the bench; Node refuses --cpu-prof in NODE_OPTIONS.
  const nodeArgs = (process.env.RELAY_NODE_ARGS ?? '').split(' ').filter(Boolean)
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', join(RELAY_ROOT, 'main.ts')], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      RELAY_PORT: '0',
      RELAY_DATA_DIR: dataDir,
      RELAY_DATABASE_URL: databaseUrl ?? '',
      RELAY_DATABASE_POOL: '8',
      TSX_TSCONFIG_PATH: join(RELAY_ROOT, 'tsconfig.json'),
      ...options.env,
    },
  })
  let output = ''
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Le relais n’a pas démarré en 90 s :\n${output}`)), 90_000)
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /RELAY_URL=(\S+)/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve(match[1]!)
      }
    })
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`Le relais s’est arrêté (code ${code}) :\n${output}`))
    })
  })
  const stop = async (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return
    child.kill(signal)
    await once(child, 'exit')
  }
  return {
    url,
    driver,
    dataDir,
    databaseUrl,
    output: () => output,
    async admin(...args) {
      if (driver === 'pglite') {
        const holder = readLock(dataDir)
        if (!holder?.adminSocket) throw new Error('le relais ne tient pas son dossier')
        const reply = await askRunningRelay(holder.adminSocket, args)
        if (!reply.ok) throw new Error(reply.lines.join('\n'))
        return reply.lines
      }
      const { openRelayDatabase } = await import('../db/open')
      const { runAdminCommand } = await import('../admin/commands')
      const database = await openRelayDatabase({ databaseUrl, dataDir, poolSize: 1 })
      try {
        return await runAdminCommand(database.db, args, url)
      } finally {
        await database.close()
      }
    },
    api(path, init = {}) {
      const headers = new Headers(init.headers)
      if (init.token) headers.set('Authorization', `Bearer ${init.token}`)
      let body = init.body
      if (init.json !== undefined) {
        headers.set('Content-Type', 'application/json')
        body = JSON.stringify(init.json)
      }
      return fetch(`${url}${path}`, { ...init, headers, body })
    },
    async stop() {
      await stop('SIGTERM')
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true })
    },
    async kill() {
      await stop('SIGKILL')
    },
  }
}

/** A commune added and paired: its desktop token. */
export async function pairedCommune(relay: RelayProcess, code: string): Promise<string> {
  const lines = await relay.admin('commune', 'add', code)
  const response = await relay.api('/api/v1/pairing', { method: 'POST', json: { code: lines.at(-1) } })
  if (response.status !== 200) throw new Error(`appairage refusé : ${await response.text()}`)
  return ((await response.json()) as { token: string }).token
}
