/**
 * One folder of backups (the data folder's `sauvegardes/`, or the second location chosen by the user):
 *
 *   <root>/LISEZMOI.txt
 *   <root>/documents/<sha256>                one copy of each stored document, shared by every backup
 *   <root>/2026-12-01-080412-quotidienne/    one backup: manifest.json + cap-commune.sqlite
 *   <root>/.en-cours-<random>/               a backup being written (removed at the next start if left)
 *
 * Documents are content-addressed like the data folder's own store, so a backup adds only the documents the
 * previous ones do not have, and rotation deletes the ones no remaining manifest lists. A backup folder only ever
 * appears under its final name once it is complete and verified (written under `.en-cours-…`, then renamed).
 */
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { copyFile, mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { BACKUP_DATABASE_FILE, MANIFEST_FILE, parseManifest, type Manifest } from './manifest'

export const DOCUMENTS_FOLDER = 'documents'
const STAGING_PREFIX = '.en-cours-'
const BACKUP_FOLDER = /^\d{4}-\d{2}-\d{2}-\d{6}-[a-z-]+(-\d+)?$/
const SHA256 = /^[0-9a-f]{64}$/

const README = `Sauvegardes de Cap Commune
==========================

Chaque dossier daté est une sauvegarde complète et vérifiée : la base de données (cap-commune.sqlite) et sa
description (manifest.json, avec les empreintes SHA-256). Les documents joints sont rangés une seule fois dans
« documents », sous leur empreinte, et partagés par toutes les sauvegardes.

Pour restaurer : Cap Commune › Paramètres › Données › Restaurer. Ne modifiez pas ces fichiers à la main.
Pour changer d'ordinateur, utilisez « Exporter la commune » : un seul fichier .capcommune à importer sur le nouveau poste.
`

export interface StoredBackup {
  id: string
  dir: string
  manifest: Manifest
  /** Bytes of this backup's own files (database + manifest), documents excluded (they are shared). */
  ownSize: number
}

export interface UnreadableBackup {
  id: string
  dir: string
  reason: 'unreadable' | 'too-new'
}

export class BackupStore {
  constructor(readonly root: string) {}

  get documentsDir(): string {
    return join(this.root, DOCUMENTS_FOLDER)
  }

  documentPath(sha256: string): string {
    return join(this.documentsDir, sha256)
  }

  /** Creates the folder (and its LISEZMOI.txt) when needed; throws the system's error when it cannot. */
  ensure(): void {
    mkdirSync(this.documentsDir, { recursive: true })
    const readme = join(this.root, 'LISEZMOI.txt')
    if (!existsSync(readme)) writeFileSync(readme, README)
  }

  /** Leftovers of a backup interrupted by a crash or a power cut: half-written folders and documents. */
  removeLeftovers(): void {
    let entries: string[]
    try {
      entries = readdirSync(this.root)
    } catch {
      return
    }
    for (const entry of entries) if (entry.startsWith(STAGING_PREFIX)) rmSync(join(this.root, entry), { recursive: true, force: true })
    try {
      for (const entry of readdirSync(this.documentsDir)) if (!SHA256.test(entry)) rmSync(join(this.documentsDir, entry), { force: true })
    } catch {
      // No documents folder yet.
    }
  }

  /** A new, empty folder to write a backup into before it is complete. */
  async newStaging(): Promise<string> {
    this.ensure()
    const dir = join(this.root, `${STAGING_PREFIX}${randomBytes(6).toString('hex')}`)
    await mkdir(dir)
    return dir
  }

  /** Every backup of the folder, newest first; damaged ones apart. */
  list(): { backups: StoredBackup[]; unreadable: UnreadableBackup[] } {
    const backups: StoredBackup[] = []
    const unreadable: UnreadableBackup[] = []
    let entries: string[]
    try {
      entries = readdirSync(this.root)
    } catch {
      return { backups, unreadable }
    }
    for (const id of entries
      .filter((name) => BACKUP_FOLDER.test(name))
      .sort()
      .reverse()) {
      const dir = join(this.root, id)
      let text: string
      try {
        text = readFileSync(join(dir, MANIFEST_FILE), 'utf8')
      } catch {
        unreadable.push({ id, dir, reason: 'unreadable' })
        continue
      }
      const reading = parseManifest(text)
      if (!reading.ok || reading.manifest.id !== id) {
        unreadable.push({ id, dir, reason: reading.ok ? 'unreadable' : reading.reason })
        continue
      }
      let ownSize: number
      try {
        ownSize = statSync(join(dir, BACKUP_DATABASE_FILE)).size + Buffer.byteLength(text)
      } catch {
        unreadable.push({ id, dir, reason: 'unreadable' })
        continue
      }
      backups.push({ id, dir, manifest: reading.manifest, ownSize })
    }
    return { backups, unreadable }
  }

  /** A free name for a backup made at this second (two in one second get -2, -3…). */
  freeId(id: string): string {
    let candidate = id
    for (let n = 2; existsSync(join(this.root, candidate)); n++) candidate = `${id}-${n}`
    return candidate
  }

  /** Copies a document into the pool (temporary name, then renamed); false when it was already there. */
  async addDocument(source: string, sha256: string): Promise<{ added: boolean; path: string }> {
    const target = this.documentPath(sha256)
    if (existsSync(target)) return { added: false, path: target }
    const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`
    try {
      await copyFile(source, temp)
      await rename(temp, target)
    } catch (error) {
      await rm(temp, { force: true })
      throw error
    }
    return { added: true, path: target }
  }

  /** Writes the manifest last, then gives the staging folder its final name: the backup exists whole or not at all. */
  async commit(staging: string, manifest: Manifest): Promise<StoredBackup> {
    const text = `${JSON.stringify(manifest, null, 2)}\n`
    await writeFile(join(staging, MANIFEST_FILE), text, { flag: 'wx' })
    const dir = join(this.root, manifest.id)
    await rename(staging, dir)
    const size = (await stat(join(dir, BACKUP_DATABASE_FILE))).size + Buffer.byteLength(text)
    return { id: manifest.id, dir, manifest, ownSize: size }
  }

  async remove(id: string): Promise<void> {
    if (!BACKUP_FOLDER.test(id)) return
    await rm(join(this.root, id), { recursive: true, force: true })
  }

  /** Deletes pool documents that no backup of the folder lists any more. Returns the bytes freed. */
  async collectGarbage(): Promise<number> {
    const { backups, unreadable } = this.list()
    // A manifest that cannot be read may still list documents: keep everything until it is dealt with.
    if (unreadable.length > 0) return 0
    const needed = new Set(backups.flatMap((b) => b.manifest.documents.map((d) => d.sha256)))
    let freed = 0
    let entries: string[]
    try {
      entries = await readdir(this.documentsDir)
    } catch {
      return 0
    }
    for (const entry of entries) {
      if (SHA256.test(entry) && needed.has(entry)) continue
      const path = join(this.documentsDir, entry)
      try {
        freed += (await stat(path)).size
        await rm(path, { force: true })
      } catch {
        // Gone already, or in use: next time.
      }
    }
    return freed
  }

  /** Bytes used by the whole folder (every backup and the shared documents). */
  async totalSize(): Promise<number> {
    let total = 0
    const walk = async (dir: string): Promise<void> => {
      let entries
      try {
        entries = await readdir(dir, { withFileTypes: true })
      } catch {
        return
      }
      for (const entry of entries) {
        const path = join(dir, entry.name)
        if (entry.isDirectory()) await walk(path)
        else if (entry.isFile()) total += (await stat(path).catch(() => ({ size: 0 }))).size
      }
    }
    await walk(this.root)
    return total
  }
}
