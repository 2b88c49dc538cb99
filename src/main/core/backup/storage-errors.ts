/**
 * The French sentence for a failure of the disk rather than of the data: full, read-only, access refused, gone.
 * Shared by the database writes (SQLITE_FULL, SQLITE_READONLY), the document store and the backups.
 */
export type StorageProblem = 'full' | 'read-only' | 'missing'

export function storageProblemOf(error: unknown): StorageProblem | null {
  if (!error || typeof error !== 'object') return null
  const code = String((error as { code?: unknown }).code ?? '')
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL') return 'full'
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM' || code.startsWith('SQLITE_READONLY') || code === 'SQLITE_CANTOPEN') {
    return 'read-only'
  }
  if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'ENODEV' || code === 'ENXIO' || code === 'EIO') return 'missing'
  return null
}

/** What to tell the user about `folder`, or null when the failure is not the disk's. */
export function storageMessage(error: unknown, folder: string): string | null {
  switch (storageProblemOf(error)) {
    case 'full':
      return `Le disque est plein : Cap Commune n'a pas pu enregistrer dans ${folder}. Rien n'a été perdu ni modifié. Libérez de la place (videz la corbeille, supprimez des fichiers inutiles), puis réessayez.`
    case 'read-only':
      return `Le dossier ${folder} est en lecture seule ou son accès est refusé : Cap Commune n'a rien pu y enregistrer. Rien n'a été perdu ni modifié. Vérifiez les droits du dossier (ou que la clé USB n'est pas verrouillée), puis réessayez.`
    case 'missing':
      return `Le dossier ${folder} est introuvable ou illisible (clé USB retirée, partage réseau déconnecté ?). Rien n'a été perdu ni modifié. Rebranchez-le, puis réessayez.`
    default:
      return null
  }
}
