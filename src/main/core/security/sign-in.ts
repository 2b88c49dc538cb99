import { AppError } from '../../../shared/errors'
import { AuditTrail } from '../audit'
import type { Db } from '../db/open'
import { verifyPassword } from './passwords'
import { clearFailures, frenchDelay, recordFailure, secondsToWait } from './throttle'

/**
 * The password of a profile, checked with the growing delay after wrong attempts (security/throttle.ts); every
 * wrong one is written in the journal. Used to sign in and to change one's own password.
 */
export async function checkPassword(
  db: Db,
  row: { id: number; displayName: string; passwordHash: string | null },
  password: string,
  at: Date,
  wrong = 'Mot de passe incorrect. Vérifiez la saisie (majuscules comprises) et réessayez.',
): Promise<void> {
  const wait = secondsToWait(db, row.id, at)
  if (wait > 0) {
    throw new AppError('WRONG_PASSWORD', `Trop d'essais manqués pour ce profil : attendez ${frenchDelay(wait)} avant de réessayer.`)
  }
  if (row.passwordHash && (await verifyPassword(password, row.passwordHash))) {
    clearFailures(db, row.id)
    return
  }
  const failed = db.transaction((tx) => {
    const result = recordFailure(tx, row.id, at)
    new AuditTrail(tx, { profileId: row.id, displayName: row.displayName }, at.toISOString()).created('failedSignIn', row.id, {
      attempts: result.count,
      waitSeconds: result.delay,
    })
    return result
  })
  throw new AppError(
    'WRONG_PASSWORD',
    failed.delay > 0
      ? `${wrong.split('.')[0]}. Après ${failed.count} essais manqués, attendez ${frenchDelay(failed.delay)} avant de réessayer.`
      : wrong,
  )
}
