/**
 * A throwaway PostgreSQL cluster for the relay's tests: initdb in a temporary folder, a free port on 127.0.0.1, run as
 * the `postgres` user when the tests run as root (initdb refuses root). When no PostgreSQL server is installed the
 * tests fail with a message saying what to install — they never skip silently.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const MISSING_POSTGRES =
  'Aucun serveur PostgreSQL pour les tests du relais. Installez-le : « apt-get install -y postgresql » (Debian/Ubuntu, ' +
  'en root ; .ci/run le fait), ou indiquez son dossier bin avec RELAY_TEST_PG_BIN=/usr/lib/postgresql/15/bin.'

function findBinDir(): string {
  const candidates: string[] = []
  if (process.env.RELAY_TEST_PG_BIN) candidates.push(process.env.RELAY_TEST_PG_BIN)
  if (existsSync('/usr/lib/postgresql')) {
    for (const version of readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a)))
      candidates.push(`/usr/lib/postgresql/${version}/bin`)
  }
  try {
    candidates.push(execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim())
  } catch {
    // Not on PATH.
  }
  const found = candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')))
  if (!found) throw new Error(MISSING_POSTGRES)
  return found
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

export interface PostgresCluster {
  /** Connection string of a database of the cluster. */
  url(database?: string): string
  createDatabase(name: string): Promise<string>
  stop(): void
}

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0

function run(bin: string, args: string[]): void {
  const result = asRoot
    ? spawnSync('su', ['postgres', '-s', '/bin/sh', '-c', [bin, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ')], { encoding: 'utf8' })
    : spawnSync(bin, args, { encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`${bin} ${args.join(' ')} a échoué : ${result.stderr || result.stdout || result.error?.message}`)
}

/** `durable: false` (tests) turns fsync off; the bench keeps PostgreSQL's defaults. */
export async function startPostgres({ durable = false }: { durable?: boolean } = {}): Promise<PostgresCluster> {
  const bin = findBinDir()
  const dir = mkdtempSync(join(tmpdir(), 'relay-pg-'))
  if (asRoot) {
    chownSync(
      dir,
      Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })),
      Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })),
    )
    chmodSync(dir, 0o700)
  }
  const data = join(dir, 'data')
  const port = await freePort()
  run(join(bin, 'initdb'), ['-D', data, '-U', 'relay', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync'])
  run(join(bin, 'pg_ctl'), [
    '-D',
    data,
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=300${durable ? '' : ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off'}`,
    '-l',
    join(dir, 'log'),
    '-w',
    'start',
  ])
  const url = (database = 'postgres') => `postgres://relay@127.0.0.1:${port}/${database}`
  let stopped = false
  return {
    url,
    async createDatabase(name) {
      const pg = (await import('pg')).default
      const client = new pg.Client({ connectionString: url() })
      await client.connect()
      try {
        await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`)
      } finally {
        await client.end()
      }
      return url(name)
    },
    stop() {
      if (stopped) return
      stopped = true
      try {
        run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop'])
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
  }
}
