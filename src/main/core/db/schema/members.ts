import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import type { Civility, MemberRole } from '../../../../shared/roles'

/** Élus and agents of the mairie. */
export const members = sqliteTable('members', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** « madame » or « monsieur »; null for people entered before it was asked (the roles then read as before). */
  civility: text('civility').$type<Civility>(),
  firstName: text('first_name').notNull(),
  lastName: text('last_name').notNull(),
  role: text('role').$type<MemberRole>().notNull(),
  rank: integer('rank'),
  delegation: text('delegation').notNull().default(''),
  email: text('email').notNull().default(''),
  phone: text('phone').notNull().default(''),
  interests: text('interests').notNull().default(''),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
})
