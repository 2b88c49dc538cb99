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
}
