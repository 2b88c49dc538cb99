/**
 * The `.capcommune` archive: the whole commune in one file, to move it to another computer (docs/sauvegardes.md).
 * A gzip-compressed POSIX tar whose entries are, in this order and nothing else:
 *
 *   manifest.json            the manifest of a backup (kind `export`), first so a reader knows what must follow
 *   cap-commune.sqlite       the database (journal mode DELETE), SHA-256 in the manifest
 *   documents/<sha256>       each stored document once, named by its SHA-256
 *
 * Reading never lets the archive choose a path: each entry is matched against the manifest, written under a name
 * the reader builds, hashed as it is written, and its size bounded by the manifest's. Anything else — another entry,
 * a link, a size or checksum that differs, a truncated or undecodable file — refuses the whole archive.
 */
import { createHash } from 'node:crypto'
import { createReadStream, createWriteStream, existsSync, linkSync, mkdirSync, copyFileSync } from 'node:fs'
import { rename, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { Pack, Parser, type ReadEntry } from 'tar'
import { AppError } from '../../../shared/errors'
import { BACKUP_DATABASE_FILE, MANIFEST_FILE, parseManifest, type Manifest } from './manifest'
import { damaged, tooNew, type Report } from './restore'

export const ARCHIVE_EXTENSION = '.capcommune'
const DOCUMENT_ENTRY = /^documents\/([0-9a-f]{64})$/
/** A manifest listing thousands of documents is a few hundred kilobytes; beyond this it is not ours. */
const MAX_MANIFEST_BYTES = 16 * 1024 * 1024

/** A file name for the archive: « Faux-Villecerf 2026-12-01.capcommune ». */
export function archiveFileName(communeName: string | null, at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  const day = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`
  // eslint-disable-next-line no-control-regex
  const name = (communeName ?? 'Commune').replace(/[\u0000-\u001f\u007f\\/:*?"<>|]/g, '').trim() || 'Commune'
  return `${name} ${day}${ARCHIVE_EXTENSION}`
}

/**
 * Writes the archive from a folder holding manifest.json and cap-commune.sqlite, with the documents taken from
 * `documentsDir`; writes to a temporary name beside `destination`, reads it back, then renames it.
 */
export async function writeArchive(options: {
  sourceDir: string
  manifest: Manifest
  documentsDir: string
  destination: string
  report: Report
}): Promise<{ size: number }> {
  const { sourceDir, manifest, destination, report } = options
  // The documents, under the names the archive gives them: hard links where the disk allows (no copy), else copies.
  const linked = join(sourceDir, 'documents')
  mkdirSync(linked, { recursive: true })
  for (const { sha256 } of manifest.documents) {
    const source = join(options.documentsDir, sha256)
    const target = join(linked, sha256)
    if (existsSync(target)) continue
    try {
      linkSync(source, target)
    } catch {
      copyFileSync(source, target)
    }
  }
  const total = manifest.database.size + manifest.documents.reduce((sum, d) => sum + d.size, 0)
  const temp = `${destination}.${process.pid}.tmp`
  try {
    await new Promise<void>((resolve, reject) => {
      const pack = new Pack({ cwd: sourceDir, gzip: { level: 6 }, portable: true, noDirRecurse: true })
      const out = createWriteStream(temp, { flags: 'wx' })
      let written = 0
      pack.on('data', (chunk: Buffer) => {
        written += chunk.length
      })
      const ticker = setInterval(
        () => report({ step: 'Écriture du fichier', done: 30 + Math.min(1, written / Math.max(1, total)) * 50, total: 100 }),
        250,
      )
      const fail = (error: unknown) => {
        clearInterval(ticker)
        reject(error)
      }
      pack.on('error', fail)
      out.on('error', fail)
      out.on('close', () => {
        clearInterval(ticker)
        resolve()
      })
      pack.pipe(out)
      pack.add(MANIFEST_FILE)
      pack.add(BACKUP_DATABASE_FILE)
      for (const { sha256 } of manifest.documents) pack.add(`documents/${sha256}`)
      pack.end()
    })
    report({ step: 'Vérification du fichier écrit', done: 80, total: 100 })
    await readArchive(temp, null, 'Le fichier exporté', () => undefined)
    await rename(temp, destination)
    return { size: (await stat(destination)).size }
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
}

export interface ReadArchive {
  manifest: Manifest
}

/**
 * Reads an archive from start to end. With `targetDir`, writes the database to `<targetDir>/cap-commune.sqlite` and
 * the documents to `<targetDir>/documents/<sha256>`; without, only checks every checksum. Throws `damaged` or
 * `tooNew` (French) for anything not exactly as the format says.
 */
export async function readArchive(file: string, targetDir: string | null, label: string, report: Report): Promise<ReadArchive> {
  const fileSize = (await stat(file)).size
  if (targetDir) mkdirSync(join(targetDir, 'documents'), { recursive: true })
  return new Promise<ReadArchive>((resolve, reject) => {
    let manifest: Manifest | null = null
    const expected = new Map<string, { sha256: string; size: number }>()
    const seen = new Set<string>()
    let failed = false
    let pending = 0
    let ended = false
    const input = createReadStream(file)
    const parser = new Parser({ strict: true })
    let readBytes = 0

    const fail = (error: AppError) => {
      if (failed) return
      failed = true
      input.destroy()
      parser.abort(error)
      reject(error)
    }
    const finish = () => {
      if (failed || !ended || pending > 0) return
      if (!manifest) return fail(damaged(label, 'la description du contenu manque'))
      const missing = [...expected.keys()].filter((path) => !seen.has(path))
      if (missing.length > 0) return fail(damaged(label, `${missing.length} élément(s) manquant(s) : le fichier est incomplet`))
      resolve({ manifest })
    }

    input.on('data', (chunk) => {
      readBytes += chunk.length
      report({ step: 'Lecture du fichier', done: Math.min(1, readBytes / Math.max(1, fileSize)) * 30, total: 100 })
    })
    input.on('error', (error) => fail(new AppError('NOT_FOUND', `${label} ne peut pas être lu (${error.message}). Rien n'a été modifié.`)))
    parser.on('error', () => fail(damaged(label, 'le fichier est tronqué ou ce n’est pas une archive Cap Commune')))
    parser.on('warn', (_code: string, message: string) => fail(damaged(label, `archive illisible : ${message}`)))
    parser.on('end', () => {
      ended = true
      finish()
    })

    parser.on('entry', (entry: ReadEntry) => {
      if (failed) return entry.resume()
      const path = entry.path
      if (entry.type !== 'File') return fail(damaged(label, `élément inattendu « ${path} »`))
      if (!manifest) {
        if (path !== MANIFEST_FILE || entry.size > MAX_MANIFEST_BYTES) return fail(damaged(label, 'ce n’est pas une archive Cap Commune'))
        const chunks: Buffer[] = []
        pending++
        entry.on('data', (chunk: Buffer) => chunks.push(chunk))
        entry.on('end', () => {
          pending--
          const reading = parseManifest(Buffer.concat(chunks).toString('utf8'))
          if (!reading.ok) {
            if (reading.reason === 'too-new') {
              let version = 'inconnue'
              try {
                version = String((JSON.parse(Buffer.concat(chunks).toString('utf8')) as { app?: { version?: string } }).app?.version ?? version)
              } catch {
                // the version stays « inconnue »
              }
              return fail(tooNew(label, version))
            }
            return fail(damaged(label, 'sa description est illisible'))
          }
          manifest = reading.manifest
          expected.set(BACKUP_DATABASE_FILE, { sha256: manifest.database.sha256, size: manifest.database.size })
          for (const d of manifest.documents) expected.set(`documents/${d.sha256}`, d)
          finish()
        })
        return
      }
      const want = expected.get(path)
      if (!want || seen.has(path) || (path !== BACKUP_DATABASE_FILE && !DOCUMENT_ENTRY.test(path))) {
        return fail(damaged(label, `élément inattendu « ${path.slice(0, 80)} »`))
      }
      if (entry.size !== want.size) return fail(damaged(label, `taille inattendue pour « ${path.slice(0, 80)} »`))
      seen.add(path)
      pending++
      const hash = createHash('sha256')
      const out = targetDir ? createWriteStream(join(targetDir, path), { flags: 'wx' }) : null
      let size = 0
      entry.on('data', (chunk: Buffer) => {
        size += chunk.length
        hash.update(chunk)
        if (out && !out.write(chunk)) {
          entry.pause()
          out.once('drain', () => entry.resume())
        }
      })
      entry.on('end', () => {
        const check = () => {
          pending--
          if (size !== want.size || hash.digest('hex') !== want.sha256)
            return fail(damaged(label, `« ${path.slice(0, 80)} » ne correspond pas à son empreinte`))
          finish()
        }
        if (out) {
          out.on('error', (error) => fail(new AppError('CONFLICT', `${label} n'a pas pu être décompressé (${error.message}). Rien n'a été modifié.`)))
          out.end(check)
        } else check()
      })
    })
    input.pipe(parser)
  })
}
