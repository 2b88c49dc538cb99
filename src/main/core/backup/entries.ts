/** What the backup, archive and recovery handlers share: the list entries, the services, who may replace data. */
import { existsSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { isAbsolute, join } from 'node:path'
import type { BackupEntry, DataSummary } from '../../../shared/contract'
import { AppError } from '../../../shared/errors'
import type { HandlerContext } from '../handler'
import type { Manifest } from './manifest'
import type { StoredBackup } from './store'
import { readCommune } from '../commune/queries'

/** Where the browser host writes exports for the browser to download (`/api/exports/<name>`). */
export const EXPORTS_FOLDER = 'exports'

export function summaryOf(manifest: Manifest): DataSummary {
  return {
    createdAt: manifest.createdAt,
    kind: manifest.kind,
    madeBy: manifest.madeBy,
    appVersion: manifest.app.version,
    communeName: manifest.commune?.name ?? null,
    projects: manifest.counts.projects,
    tasks: manifest.counts.tasks,
    campaigns: manifest.counts.campaigns,
    members: manifest.counts.members,
    documents: manifest.counts.documents,
    lastChange: manifest.lastChange,
    size: manifest.database.size + manifest.documents.reduce((sum, d) => sum + d.size, 0),
  }
}

export function backupEntries(backups: StoredBackup[], second: StoredBackup[] = []): BackupEntry[] {
  const mirrored = new Set(second.map((b) => `${b.manifest.createdAt}|${b.manifest.database.sha256}`))
  return backups.map((b) => ({
    ...summaryOf(b.manifest),
    id: b.id,
    inSecondLocation: mirrored.has(`${b.manifest.createdAt}|${b.manifest.database.sha256}`),
    missingDocuments: b.manifest.missingDocuments.length,
  }))
}

/** Every core has them; contexts built by hand (benchmarks, dispatcher tests) may not. */
export function services(context: HandlerContext) {
  if (!context.data || !context.incoming) throw new Error('sauvegardes indisponibles dans ce contexte')
  return { data: context.data, incoming: context.incoming }
}

export function madeBy(context: HandlerContext): string {
  return context.actor?.displayName ?? 'Cap Commune'
}

/** Before the commune is set up anyone at the computer may import; afterwards only an administrator. */
export function assertMayReplaceData(context: HandlerContext): void {
  if (!readCommune(context.db)) return
  if (!context.actor) throw new AppError('NOT_SIGNED_IN', 'Choisissez votre profil pour continuer.')
  if (!context.actor.isAdmin) {
    throw new AppError(
      'FORBIDDEN',
      "Seul un profil administrateur peut remplacer les données de la commune. Demandez-le à l'administrateur de Cap Commune.",
    )
  }
}

export function listSecond(context: HandlerContext): StoredBackup[] {
  try {
    return services(context).data.engine.secondStore()?.list().backups ?? []
  } catch {
    return []
  }
}

/** A folder the app can write in: exists, is a folder, accepts a file. */
export function checkWritableFolder(path: string): void {
  if (!isAbsolute(path)) {
    throw new AppError('INVALID_INPUT', 'Indiquez le chemin complet du dossier (par exemple E:\\ ou /media/cle-usb).', [
      { path: 'path', message: 'Chemin complet attendu.' },
    ])
  }
  if (!existsSync(path) || !statSync(path).isDirectory()) {
    throw new AppError('INVALID_INPUT', `Le dossier ${path} est introuvable : branchez la clé USB ou le disque, puis réessayez.`, [
      { path: 'path', message: 'Dossier introuvable.' },
    ])
  }
  const probe = join(path, `.cap-commune-essai-${process.pid}`)
  try {
    writeFileSync(probe, 'essai')
    rmSync(probe, { force: true })
  } catch {
    throw new AppError('INVALID_INPUT', `Cap Commune ne peut pas écrire dans ${path} (lecture seule ou accès refusé). Choisissez un autre dossier.`, [
      { path: 'path', message: 'Dossier en lecture seule.' },
    ])
  }
}
