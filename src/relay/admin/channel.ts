/**
 * The local admin channel of a running relay: a Unix socket (a named pipe on Windows) next to the data folder, so that
 * `npm run relay -- commune add …` can act while the relay holds PGlite's folder (a second process must not open it).
 * Only local users who can reach the data folder can connect; one JSON line in, one JSON line out.
 */
import { createHash } from 'node:crypto'
import { chmodSync, rmSync } from 'node:fs'
import { createConnection, createServer, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export function adminSocketPath(dataDir: string): string {
  const id = createHash('sha256').update(dataDir).digest('hex').slice(0, 16)
  if (process.platform === 'win32') return `\\\\.\\pipe\\cap-commune-relay-${id}`
  const inFolder = join(dataDir, 'admin.sock')
  // Unix socket paths are limited to about 100 bytes.
  return Buffer.byteLength(inFolder) < 100 ? inFolder : join(tmpdir(), `cap-commune-relay-${id}.sock`)
}

export interface AdminReply {
  ok: boolean
  lines: string[]
}

export async function serveAdminChannel(path: string, run: (args: string[]) => Promise<AdminReply>): Promise<Server> {
  if (process.platform !== 'win32') rmSync(path, { force: true })
  const server = createServer((socket) => {
    let input = ''
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => {
      input += chunk
      if (input.length > 10_000) socket.destroy()
      const end = input.indexOf('\n')
      if (end < 0) return
      let args: string[] = []
      try {
        const parsed = JSON.parse(input.slice(0, end)) as { args?: unknown }
        if (Array.isArray(parsed.args)) args = parsed.args.map(String).slice(0, 10)
      } catch {
        // Answered as an unknown command.
      }
      void run(args).then((reply) => socket.end(`${JSON.stringify(reply)}\n`))
    })
    socket.on('error', () => undefined)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(path, () => resolve())
  })
  if (process.platform !== 'win32') chmodSync(path, 0o600)
  return server
}

export function askRunningRelay(path: string, args: string[]): Promise<AdminReply> {
  return new Promise((resolve, reject) => {
    const socket = createConnection(path)
    let output = ''
    socket.setEncoding('utf8')
    socket.on('connect', () => socket.write(`${JSON.stringify({ args })}\n`))
    socket.on('data', (chunk: string) => (output += chunk))
    socket.on('end', () => {
      try {
        resolve(JSON.parse(output) as AdminReply)
      } catch {
        reject(new Error('Réponse illisible du relais en cours d’exécution.'))
      }
    })
    socket.on('error', (error) => reject(new Error(`Le relais en cours d’exécution ne répond pas sur ${path} : ${error.message}`)))
  })
}
