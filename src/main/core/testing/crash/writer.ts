/**
 * The child of the crash test (crash.test.ts): opens the core on `argv[2]` and writes without end — projects,
 * tasks, documents — printing one line per write the core acknowledged (`P id`, `T id`, `A id sha256`), until the
 * parent kills it with SIGKILL. Lines are written with writeSync so that what the parent reads was acknowledged.
 */
import { randomBytes } from 'node:crypto'
import { writeSync } from 'node:fs'
import { join } from 'node:path'
import { createCore } from '../../core'
import { fauxVillecerfSetup } from '../index'

const [dataDir, appRoot] = process.argv.slice(2) as [string, string]
const core = createCore({
  dataDir,
  migrationsFolder: join(appRoot, 'migrations'),
  appVersion: '0.0.0-crash',
  referentielFile: join(appRoot, 'src/main/core/referentiel/__fixtures__/referentiel.json'),
  log: () => undefined,
})
const session = core.newSession()
const say = (line: string) => writeSync(1, `${line}\n`)

async function call(method: string, input: unknown): Promise<{ id: number }> {
  const result = await core.invoke(method, input, session)
  if (!result.ok) throw new Error(`${method} : ${result.error.message}`)
  return result.value as { id: number }
}

async function main(): Promise<void> {
  const status = (await core.invoke('app.status', {}, session)) as { ok: true; value: { setupDone: boolean; profiles: { id: number }[] } }
  if (!status.value.setupDone) await call('setup.complete', fauxVillecerfSetup())
  else await call('session.open', { profileId: status.value.profiles[0]!.id })
  say('READY')
  for (let i = 0; ; i++) {
    const project = await call('projects.create', { title: `Projet ${process.pid}-${i}` })
    say(`P ${project.id}`)
    const task = await call('tasks.create', { projectId: project.id, title: `Tâche ${i}` })
    say(`T ${task.id}`)
    if (i % 2 === 0) {
      // 64 to 512 KB of random bytes: long enough to be killed in the middle of writing one.
      const bytes = randomBytes(64 * 1024 * (1 + (i % 8)))
      const attachment = await call('attachments.add', { projectId: project.id, fileName: `piece-${i}.bin`, contentBase64: bytes.toString('base64') })
      say(`A ${attachment.id}`)
    }
  }
}

main().catch((error: unknown) => {
  say(`ERROR ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
