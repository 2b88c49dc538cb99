/**
 * Putting a backup (or an imported archive) in place of the live data, in two halves:
 *
 * 1. `stage…`: everything is checked before anything is touched — the manifest (a newer format or schema is refused),
 *    the database copied into a staging folder inside the data folder and read back (integrity check, SHA-256 equal to
 *    the manifest's), every document hashed against the manifest.
 * 2. `applyStaged`: the documents the live store lacks are added (content-addressed: adding never changes anything
 *    the current data use), then, with every call held, the live file is set aside, the staged one renamed into place
 *    and opened (with migrations when it is older). If opening fails, the previous file goes back.
 *
 * A crash between the two renames is repaired at the next start by `repairInterruptedSwap`.
 */
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs'
import { copyFile, mkdir, rename, rm } from 'node:fs/promises'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { AppError } from '../../../shared/errors'
import { inspect } from './inspect'
import { BACKUP_DATABASE_FILE, type Manifest } from './manifest'
import type { OperationProgress } from './engine'
import { storageMessage } from './storage-errors'

export const LIVE_DATABASE_FILE = 'cap-commune.sqlite'
/** The live file while the staged one takes its place. */
const SET_ASIDE_SUFFIX = '.remplacee'
export const STAGING_PREFIX = '.restauration-'

export interface StagedData {
  dir: string
  databaseFile: string
  manifest: Manifest
  /** Where each document's verified bytes are. */
  documentPath(sha256: string): string
}

export type Report = (progress: Omit<OperationProgress, 'operation'>) => void

/** What is being restored, for the messages: « La sauvegarde du 4 mai 2026 », « Le fichier commune.capcommune ». */
export interface StageOptions {
  dataDir: string
  /** `created_at` of every migration this version knows (drizzle's folderMillis). */
  knownMigrations: ReadonlySet<number>
  nativeBinding?: string
  label: string
  report: Report
}

export function damaged(label: string, detail: string): AppError {
  return new AppError(
    'INVALID_INPUT',
    `${label} est endommagé(e) ou incomplet(ète) (${detail}) : rien n'a été modifié dans vos données. Choisissez une autre sauvegarde ou refaites l'export sur l'ancien ordinateur.`,
  )
}

export function tooNew(label: string, version: string): AppError {
  return new AppError(
    'INVALID_INPUT',
    `${label} vient d'une version plus récente de Cap Commune (${version}) : cette version ne peut pas la lire sans risque. Rien n'a été modifié. Installez la dernière version de Cap Commune, puis recommencez.`,
  )
}

/** The checks on the manifest that need no file: schema known to this version. */
export function checkManifestSchema(manifest: Manifest, options: Pick<StageOptions, 'knownMigrations' | 'label'>): void {
  const last = manifest.schema.lastMigration
  if (last !== null && !options.knownMigrations.has(last)) throw tooNew(options.label, manifest.app.version)
}

export async function newStagingDir(dataDir: string): Promise<string> {
  const dir = join(dataDir, `${STAGING_PREFIX}${randomBytes(6).toString('hex')}`)
  await mkdir(dir, { recursive: true })
  return dir
}

/**
 * Reads back a staged database and the documents against the manifest; throws `damaged` at the first problem.
 * `databaseFile` must already be inside `dir`.
 */
export async function verifyStaged(staged: StagedData, options: StageOptions): Promise<void> {
  const { manifest } = staged
  const { label } = options
  checkManifestSchema(manifest, options)
  options.report({ step: 'Vérification de la base de données', done: 10, total: 100 })
  const checked = await inspect({
    databaseFile: staged.databaseFile,
    check: 'full',
    nativeBinding: options.nativeBinding,
    files: manifest.documents.map((d) => ({ path: staged.documentPath(d.sha256), sha256: d.sha256 })),
  })
  const database = checked.database!
  if (!database.ok) throw damaged(label, `la base ne passe pas la vérification : ${database.problem}`)
  const bad = checked.files.filter((f) => !f.ok)
  if (bad.length > 0) throw damaged(label, `${bad.length} document(s) sur ${manifest.documents.length} absent(s) ou différent(s)`)
  options.report({ step: 'Vérification des documents', done: 30, total: 100 })
}

/** Copies the documents the live store lacks (verified afterwards), then the staged database is ready to swap. */
export async function addMissingDocuments(staged: StagedData, documentsDir: string, report: Report): Promise<void> {
  await mkdir(documentsDir, { recursive: true })
  const needed = staged.manifest.documents.filter((d) => !existsSync(join(documentsDir, d.sha256)))
  const added: { path: string; sha256: string }[] = []
  for (const [i, { sha256 }] of needed.entries()) {
    const target = join(documentsDir, sha256)
    const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`
    try {
      await copyFile(staged.documentPath(sha256), temp)
      await rename(temp, target)
    } catch (error) {
      await rm(temp, { force: true })
      throw error
    }
    added.push({ path: target, sha256 })
    if (i % 10 === 9 || i === needed.length - 1) {
      report({ step: `Copie des documents (${i + 1} sur ${needed.length})`, done: 55 + ((i + 1) / needed.length) * 25, total: 100 })
    }
  }
  const bad = (await inspect({ files: added })).files.filter((f) => !f.ok)
  if (bad.length > 0) {
    for (const file of bad) rmSync(file.path, { force: true })
    throw new AppError('CONFLICT', `${bad.length} document(s) n'ont pas pu être recopiés correctement : vérifiez le disque. Rien n'a été modifié.`)
  }
}

/**
 * The file swap itself, run while the live connection is closed: the live file is set aside (with any -wal/-shm,
 * which belong to it and must never be replayed onto the new one), the staged file takes its name.
 * Returns the undo, for when the new file fails to open.
 */
export function swapDatabaseFiles(dataDir: string, stagedDatabase: string): { undo(): void; done(): void } {
  const live = join(dataDir, LIVE_DATABASE_FILE)
  const aside = `${live}${SET_ASIDE_SUFFIX}`
  rmSync(aside, { force: true })
  if (existsSync(live)) renameSync(live, aside)
  for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${live}${suffix}`, { force: true })
  renameSync(stagedDatabase, live)
  return {
    undo() {
      for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${live}${suffix}`, { force: true })
      if (existsSync(aside)) renameSync(aside, live)
    },
    done() {
      rmSync(aside, { force: true })
    },
  }
}

/** At start: finishes or undoes a swap a crash interrupted, and removes staging folders left behind. */
export function repairInterruptedSwap(dataDir: string): void {
  try {
    for (const entry of readdirSync(dataDir)) if (entry.startsWith(STAGING_PREFIX)) rmSync(join(dataDir, entry), { recursive: true, force: true })
  } catch {
    // No data folder yet.
  }
  const live = join(dataDir, LIVE_DATABASE_FILE)
  const aside = `${live}${SET_ASIDE_SUFFIX}`
  if (existsSync(aside)) {
    // The new file is in place when `live` exists: the swap finished. Otherwise the old one goes back.
    if (existsSync(live)) rmSync(aside, { force: true })
    else renameSync(aside, live)
  }
}

/** The staged copy of a backup's database, inside the data folder so that the final rename stays on one disk. */
export async function stageDatabaseCopy(source: string, dataDir: string, label: string): Promise<{ dir: string; databaseFile: string }> {
  const dir = await newStagingDir(dataDir)
  const databaseFile = join(dir, BACKUP_DATABASE_FILE)
  try {
    await copyFile(source, databaseFile)
  } catch (error) {
    await rm(dir, { recursive: true, force: true })
    throw new AppError(
      'CONFLICT',
      storageMessage(error, dataDir) ?? `${label} n'a pas pu être lue (${(error as Error).message}). Rien n'a été modifié.`,
    )
  }
  return { dir, databaseFile }
}
