import { AppError } from '../../../shared/errors'
import { safeHttpsUrl } from '../../../shared/links'
import { readCommune } from '../commune/queries'
import { profiles } from '../db/schema'
import { frenchSortKey } from '../db/sql'
import type { HandlersOf } from '../handler'

export const appHandlers: HandlersOf<'app'> = {
  'app.status': (_input, { db, actor, dataDir, appVersion }) => ({
    setupDone: readCommune(db) !== null,
    version: appVersion,
    dataDir,
    profiles: db
      .select()
      .from(profiles)
      .orderBy(frenchSortKey('display_name'), profiles.id)
      .all()
      .map((p) => ({ id: p.id, displayName: p.displayName, hasPassword: p.passwordHash !== null, isAdmin: p.isAdmin })),
    activeProfileId: actor?.profileId ?? null,
    recovery: null,
  }),

  /**
   * The contract has refused anything but a safe https link; what opens is its normalised form (the host in ASCII),
   * the very address the confirmation showed. `opened: false` where the host has no browser of its own to call.
   */
  'app.openLink': async ({ url }, { openExternal, log }) => {
    const link = safeHttpsUrl(url)
    if (!link) throw new AppError('INVALID_INPUT', 'Ce lien ne peut pas être ouvert : seules les adresses sûres commençant par https:// s’ouvrent.')
    if (!openExternal) return { opened: false }
    try {
      await openExternal(link.href)
    } catch (error) {
      log?.(`Lien non ouvert : ${link.href}`, error)
      throw new AppError(
        'CONFLICT',
        'Le navigateur de cet ordinateur n’a pas pu ouvrir ce lien. Copiez l’adresse affichée et collez-la dans votre navigateur.',
      )
    }
    return { opened: true }
  },
}
