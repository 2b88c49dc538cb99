import { z } from 'zod'
import { DATA_DOMAINS, method, methodsOf } from './define'
import { none, okSchema } from './fields'

/* ─── Backups, restore, moving the commune to another computer ─────────────────────── */

export const BACKUP_KIND_LABELS = {
  quotidienne: 'Automatique (quotidienne)',
  manuelle: 'Manuelle',
  'avant-mise-a-jour': 'Avant une mise à jour',
  'avant-restauration': 'Avant une restauration',
  'avant-import': 'Avant une importation',
  export: 'Export',
} as const
export type BackupKindName = keyof typeof BACKUP_KIND_LABELS

/** What a backup or an archive holds, as the lists show it. */
export const dataSummarySchema = z.object({
  createdAt: z.string(),
  kind: z.enum(Object.keys(BACKUP_KIND_LABELS) as [BackupKindName, ...BackupKindName[]]),
  madeBy: z.string(),
  appVersion: z.string(),
  communeName: z.string().nullable(),
  projects: z.number().int(),
  tasks: z.number().int(),
  campaigns: z.number().int(),
  members: z.number().int(),
  documents: z.number().int(),
  lastChange: z.object({ at: z.string(), by: z.string() }).nullable(),
  /** Database + documents, in bytes (documents shared with other backups are counted here too). */
  size: z.number().int(),
})
export type DataSummary = z.infer<typeof dataSummarySchema>

export const backupEntrySchema = dataSummarySchema.extend({
  id: z.string(),
  /** Also present, verified, in the second location. */
  inSecondLocation: z.boolean(),
  missingDocuments: z.number().int(),
})
export type BackupEntry = z.infer<typeof backupEntrySchema>

export const dataOperationSchema = z.object({
  operation: z.enum(['backup', 'restore', 'export', 'import']),
  step: z.string(),
  done: z.number(),
  total: z.number(),
})
export type DataOperationProgress = z.infer<typeof dataOperationSchema>

/** The `progress` events of backups, restores, exports and imports carry this task. */
export const DATA_PROGRESS_TASK = 'donnees'

export const backupStatusSchema = z.object({
  folder: z.string(),
  latest: backupEntrySchema.nullable(),
  running: dataOperationSchema.nullable(),
  lastFailure: z.object({ at: z.string(), message: z.string() }).nullable(),
  secondLocation: z
    .object({ path: z.string(), lastCopyAt: z.string().nullable(), lastAttemptAt: z.string().nullable(), lastProblem: z.string().nullable() })
    .nullable(),
  /** Bytes used by the backups folder. */
  usedBytes: z.number().int(),
  /** What the home page must say (no good backup for a week, second location unreachable for days). */
  warnings: z.array(z.string()),
  /** The host can open a folder or file chooser (the Electron app); the browser host asks for a typed path. */
  canChoose: z.boolean(),
})
export type BackupStatus = z.infer<typeof backupStatusSchema>

export const backupIdInput = z.object({
  id: z.string({ error: 'Choisissez une sauvegarde.' }).regex(/^[0-9a-z-]{1,80}$/, { error: "Cette sauvegarde n'existe pas." }),
})

export const secondLocationInput = z.object({
  /** An absolute folder path (USB key, network share), or null to stop copying. */
  path: z
    .string({ error: 'Indiquez un dossier.' })
    .trim()
    .min(1, { error: 'Indiquez un dossier.' })
    .max(1000, { error: 'Le chemin du dossier est trop long.' })
    .nullable(),
})

export const chosenPathSchema = z.object({ path: z.string().nullable() })

/** A file the main process holds for the renderer (chosen in a dialog, or uploaded to the browser host). */
export const incomingFileSchema = z.object({ fileId: z.string(), fileName: z.string() }).nullable()
export const fileIdInput = z.object({ fileId: z.string().regex(/^[0-9a-f]{24}$/, { error: 'Choisissez à nouveau le fichier.' }) })

export const preparedImportSchema = z.object({ token: z.string(), summary: dataSummarySchema })
export const importTokenInput = z.object({ token: z.string().regex(/^[0-9a-f]{24}$/, { error: 'Choisissez à nouveau le fichier.' }) })

export const exportResultSchema = z.object({
  fileName: z.string(),
  size: z.number().int(),
  /** Where the Electron app saved it; null when the browser must download it (`downloadUrl`). */
  savedTo: z.string().nullable(),
  downloadUrl: z.string().nullable(),
  /** The user closed the save dialog. */
  cancelled: z.boolean(),
})

export const replacedSchema = z.object({ ok: z.literal(true), safetyBackupId: z.string().nullable() })

/** The data folder could not be opened at launch: what happened and the backups that can replace it. */
export const recoverySchema = z.object({ problem: z.string(), backups: z.array(backupEntrySchema) })
export type Recovery = z.infer<typeof recoverySchema>

export const backupsMethods = methodsOf('backups')({
  /** The last backup and its check, what is running, the second location, what the home page must warn about. */
  'backups.status': method({ input: none, output: backupStatusSchema, access: 'profile', reads: ['backups'] }),
  'backups.list': method({ input: none, output: z.array(backupEntrySchema), access: 'profile', reads: ['backups'] }),
  /** « Sauvegarder maintenant »: `progress` events (task `donnees:backup`) while it runs. */
  'backups.create': method({ input: none, output: backupEntrySchema, access: 'profile', changes: ['backups'] }),
  /** Backs up the current state, then puts the backup in its place: everything may have changed. */
  'backups.restore': method({ input: backupIdInput, output: replacedSchema, access: 'admin', changes: DATA_DOMAINS }),
  'backups.setSecondLocation': method({ input: secondLocationInput, output: okSchema, access: 'admin', changes: ['backups'] }),
  /** The Electron app's folder chooser; `path: null` when closed or where the host has none. */
  'backups.chooseFolder': method({ input: none, output: chosenPathSchema, access: 'admin', changes: [] }),
})
