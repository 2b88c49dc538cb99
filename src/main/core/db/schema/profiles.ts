import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { members } from './members'

/** Who uses the app on this computer; the signed-in profile is the author of every change. */
export const profiles = sqliteTable('profiles', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  displayName: text('display_name').notNull(),
  memberId: integer('member_id')
    .unique()
    .references(() => members.id, { onDelete: 'set null' }),
  isAdmin: integer('is_admin', { mode: 'boolean' }).notNull().default(false),
  /** `scrypt$N$r$p$salt$hash` (base64), or null when the profile has no password. */
  passwordHash: text('password_hash'),
  lastSignInAt: text('last_sign_in_at'),
  createdAt: text('created_at').notNull(),
})
