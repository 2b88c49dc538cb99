/**
 * What a backup (and an exported archive) says about itself, in `manifest.json` beside the database copy.
 * The format is documented in docs/sauvegardes.md; `formatVersion` goes up only when an older Cap Commune could not
 * read it any more, and a reader refuses a version above its own.
 */
import { z } from 'zod'

export const MANIFEST_FILE = 'manifest.json'
export const BACKUP_DATABASE_FILE = 'cap-commune.sqlite'
export const MANIFEST_FORMAT = 'cap-commune'
export const MANIFEST_FORMAT_VERSION = 1

export const BACKUP_KINDS = ['quotidienne', 'manuelle', 'avant-mise-a-jour', 'avant-restauration', 'avant-import', 'export'] as const
export type BackupKind = (typeof BACKUP_KINDS)[number]

const sha256Field = z.string().regex(/^[0-9a-f]{64}$/)
const count = z.number().int().min(0)

export const manifestSchema = z.object({
  format: z.literal(MANIFEST_FORMAT),
  formatVersion: z.number().int().min(1),
  id: z.string().regex(/^[0-9a-z-]{1,80}$/),
  kind: z.enum(BACKUP_KINDS),
  createdAt: z.iso.datetime(),
  /** « Automatique » or the profile that asked for it. */
  madeBy: z.string().max(200),
  app: z.object({ version: z.string().max(40) }),
  schema: z.object({ migrations: count, lastMigration: z.number().int().nullable() }),
  referentiel: z.object({ version: z.string().max(40) }).nullable(),
  commune: z.object({ name: z.string().max(200), inseeCode: z.string().max(10) }).nullable(),
  counts: z.object({
    projects: count,
    tasks: count,
    campaigns: count,
    members: count,
    profiles: count,
    documents: count,
    auditRows: count,
  }),
  lastChange: z.object({ at: z.string().max(40), by: z.string().max(200) }).nullable(),
  database: z.object({ file: z.literal(BACKUP_DATABASE_FILE), size: count, sha256: sha256Field }),
  /** Every stored document the database points to, by content. */
  documents: z.array(z.object({ sha256: sha256Field, size: count })),
  /** Documents the database points to that were already missing from the data folder when the backup was made. */
  missingDocuments: z.array(sha256Field).default([]),
  /** Set once the copy has been read back: integrity check passed and every checksum matched. */
  verifiedAt: z.iso.datetime(),
})
export type Manifest = z.infer<typeof manifestSchema>

/** Only the format fields, to tell « newer than this app » apart from « damaged ». */
const envelopeSchema = z.object({ format: z.literal(MANIFEST_FORMAT), formatVersion: z.number().int() })

export type ManifestReading = { ok: true; manifest: Manifest } | { ok: false; reason: 'unreadable' | 'too-new' }

export function parseManifest(text: string): ManifestReading {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return { ok: false, reason: 'unreadable' }
  }
  const envelope = envelopeSchema.safeParse(json)
  if (!envelope.success) return { ok: false, reason: 'unreadable' }
  if (envelope.data.formatVersion > MANIFEST_FORMAT_VERSION) return { ok: false, reason: 'too-new' }
  const parsed = manifestSchema.safeParse(json)
  return parsed.success ? { ok: true, manifest: parsed.data } : { ok: false, reason: 'unreadable' }
}

/** `2026-12-01-080412-quotidienne`, in the computer's local time: sorts by date, readable in a file explorer. */
export function backupId(at: Date, kind: BackupKind): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  const day = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`
  return `${day}-${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}-${kind}`
}
