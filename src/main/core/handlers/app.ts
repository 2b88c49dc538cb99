import { profiles } from '../db/schema'
import type { Handlers } from '../dispatcher'
import { readCommune } from './commune'
import { findActor } from './session'

export const appHandlers: Pick<Handlers, 'app.status' | 'directory.searchCommunes'> = {
  'app.status': (_input, { db, session, dataDir, appVersion }) => ({
    setupDone: readCommune(db) !== null,
    version: appVersion,
    dataDir,
    profiles: db
      .select()
      .from(profiles)
      .orderBy(profiles.displayName)
      .all()
      .map((p) => ({ id: p.id, displayName: p.displayName, hasPassword: p.passwordHash !== null })),
    activeProfileId: findActor(db, session)?.profileId ?? null,
  }),

  'directory.searchCommunes': ({ query, limit }, { directory }) => directory().search(query, limit),
}
