import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { join } from 'node:path'

const ROOT = join(__dirname, '..', '..')
const HOST_ENTRY = join(ROOT, 'out', 'main', 'host.js')

export interface RunningHost {
  /** The address printed by the host, token included. */
  url: string
  origin: string
  token: string
  stop(): Promise<void>
}

/** Starts the built browser host (`node out/main/host.js`) on a free port with the given data folder. */
export async function startHost(dataDir: string): Promise<RunningHost> {
  const child: ChildProcess = spawn(process.execPath, [HOST_ENTRY, '--data-dir', dataDir, '--port', '0'], {
    cwd: ROOT,
    // The mairie's clock, as the browser's (playwright.config.ts): times the core writes in words (the journal, the
    // PDFs) are those of the screens.
    env: { ...process.env, TZ: 'Europe/Paris' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Le serveur local n'a pas démarré :\n${output}`)), 20_000)
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /CAP_COMMUNE_URL=(\S+)/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve(match[1]!)
      }
    })
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`Le serveur local s'est arrêté (code ${code}) :\n${output}`))
    })
  })
  const parsed = new URL(url)
  return {
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token')!,
    async stop() {
      if (child.exitCode !== null) return
      child.kill('SIGTERM')
      await once(child, 'exit')
    },
  }
}
