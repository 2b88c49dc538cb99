/**
 * Crash safety: a child process writes continuously through the core and is killed with SIGKILL at a random moment,
 * ROUNDS times (30 in npm test, CAP_COMMUNE_CRASH_ROUNDS=100 for the full run). After each kill: the integrity check
 * passes, every write the child had acknowledged is there, and no file of the store holds other bytes than its name
 * says (a half-written file only ever exists under a temporary name, removed at the next start).
 * The child is bundled once with esbuild so that each start costs a fraction of a second.
 */
import Database from 'better-sqlite3'
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { APP_ROOT, TempDirs } from '../index'

// 30 in `npm test` (about a minute on 2 cores); `CAP_COMMUNE_CRASH_ROUNDS=100` for the full run.
const ROUNDS = Number(process.env.CAP_COMMUNE_CRASH_ROUNDS ?? 30)
const temp = new TempDirs('cap-commune-crash-')
let bundle: string

beforeAll(async () => {
  // Inside the repository, so that the bundle finds the app's folder (migrations) and node_modules by itself.
  bundle = join(APP_ROOT, 'node_modules', '.cache', 'cap-commune-crash', `writer-${process.pid}.cjs`)
  await build({
    entryPoints: [join(__dirname, 'writer.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: bundle,
    packages: 'external',
    logLevel: 'silent',
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  })
})
afterAll(() => {
  temp.cleanup()
  rmSync(bundle, { force: true })
})

interface Acknowledged {
  projects: number[]
  tasks: number[]
  attachments: number[]
}

/** Starts the writer, lets it write for `ms` after it is ready, kills it with SIGKILL; returns what it acknowledged. */
function runAndKill(dataDir: string, ms: number): Promise<Acknowledged & { output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, dataDir, APP_ROOT], { cwd: APP_ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
    const acknowledged: Acknowledged = { projects: [], tasks: [], attachments: [] }
    let output = ''
    let pending = ''
    child.stdout.on('data', (chunk: Buffer) => {
      pending += chunk.toString()
      const lines = pending.split('\n')
      pending = lines.pop()!
      for (const line of lines) {
        output += `${line}\n`
        const [kind, id] = line.split(' ')
        if (kind === 'READY') setTimeout(() => child.kill('SIGKILL'), ms)
        else if (kind === 'P') acknowledged.projects.push(Number(id))
        else if (kind === 'T') acknowledged.tasks.push(Number(id))
        else if (kind === 'A') acknowledged.attachments.push(Number(id))
      }
    })
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`l'écrivain s'est arrêté seul (code ${code}) :\n${output}`))
      else resolve({ ...acknowledged, output })
    })
  })
}

function ids(db: Database.Database, table: string): Set<number> {
  return new Set((db.prepare(`SELECT id FROM ${table}`).pluck().all() as number[]).map(Number))
}

/** Rounds run in a few lanes at once (each its own data folder): a child mostly waits for the disk while it starts. */
const LANES = 3

/** One data folder killed `rounds` times; the checks after each kill. */
async function lane(dataDir: string, rounds: number, seed: number): Promise<Acknowledged> {
  const all: Acknowledged = { projects: [], tasks: [], attachments: [] }
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
  for (let round = 0; round < rounds; round++) {
    const got = await runAndKill(dataDir, 50 + Math.floor(random() * 600))
    all.projects.push(...got.projects)
    all.tasks.push(...got.tasks)
    all.attachments.push(...got.attachments)

    const db = new Database(join(dataDir, 'cap-commune.sqlite'))
    try {
      expect(db.pragma('integrity_check', { simple: true }), `tour ${round}`).toBe('ok')
      const projects = ids(db, 'projects')
      const tasks = ids(db, 'tasks')
      const attachments = ids(db, 'attachments')
      expect(
        all.projects.filter((id) => !projects.has(id)),
        `tour ${round} : projets perdus`,
      ).toEqual([])
      expect(
        all.tasks.filter((id) => !tasks.has(id)),
        `tour ${round} : tâches perdues`,
      ).toEqual([])
      expect(
        all.attachments.filter((id) => !attachments.has(id)),
        `tour ${round} : documents perdus`,
      ).toEqual([])
      // Every stored document the database points to is there, whole; no file under a final name holds anything
      // but its content (half-written ones only ever exist as *.tmp).
      const store = join(dataDir, 'pieces-jointes')
      const names = existsSync(store) ? readdirSync(store) : []
      for (const hash of db.prepare('SELECT sha256 FROM attachments').pluck().all() as string[]) expect(names, hash).toContain(hash)
      for (const name of names) {
        if (name.endsWith('.tmp')) continue
        expect(
          createHash('sha256')
            .update(readFileSync(join(store, name)))
            .digest('hex'),
          name,
        ).toBe(name)
      }
    } finally {
      db.close()
    }
  }
  // The next start removes what a kill left half-written.
  const last = await runAndKill(dataDir, 0)
  expect(last.output).toContain('READY')
  return all
}

describe('killed at random moments while writing', () => {
  it(`keeps every acknowledged change and an intact database, ${ROUNDS} kills`, async () => {
    const lanes = Array.from({ length: LANES }, (_, i) => ({ dir: join(temp.make(), 'data'), rounds: Math.ceil(ROUNDS / LANES), seed: 12345 + i }))
    const results = await Promise.all(lanes.map((l) => lane(l.dir, l.rounds, l.seed)))
    const total = (key: keyof Acknowledged) => results.reduce((sum, r) => sum + r[key].length, 0)
    expect(total('projects')).toBeGreaterThan(ROUNDS / 2)
    expect(total('attachments')).toBeGreaterThan(0)
  }, 300_000)
})
