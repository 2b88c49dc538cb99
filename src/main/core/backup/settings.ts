/**
 * Where backups go and how the second location fares, in `<dataDir>/sauvegarde.json`. Kept out of the database on
 * purpose: restoring a backup or importing a commune must not change which USB key this computer copies to, nor
 * forget that the key has been missing for a week.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'

export const BACKUP_SETTINGS_FILE = 'sauvegarde.json'

const settingsSchema = z.object({
  secondLocation: z
    .object({
      path: z.string(),
      chosenAt: z.string(),
      lastCopyAt: z.string().nullable().default(null),
      lastAttemptAt: z.string().nullable().default(null),
      lastProblem: z.string().nullable().default(null),
    })
    .nullable()
    .default(null),
  /** The last automatic or manual backup that failed, until one succeeds. */
  lastFailure: z.object({ at: z.string(), message: z.string() }).nullable().default(null),
})
export type BackupSettings = z.infer<typeof settingsSchema>

export function readBackupSettings(dataDir: string): BackupSettings {
  try {
    return settingsSchema.parse(JSON.parse(readFileSync(join(dataDir, BACKUP_SETTINGS_FILE), 'utf8')))
  } catch {
    return settingsSchema.parse({})
  }
}

export function writeBackupSettings(dataDir: string, settings: BackupSettings): void {
  const file = join(dataDir, BACKUP_SETTINGS_FILE)
  const temp = `${file}.tmp`
  writeFileSync(temp, `${JSON.stringify(settings, null, 2)}\n`)
  renameSync(temp, file)
}
