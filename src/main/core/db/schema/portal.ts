import { sql } from 'drizzle-orm'
import { check, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/**
 * The commune's connection to a relay (Paramètres › Portail citoyen): one row at most. The desktop token is NOT here:
 * it lives outside the SQLite file, behind the host's secret vault (Electron: safeStorage), so a backup or an export
 * never carries it.
 */
export const portalConnection = sqliteTable(
  'portal_connection',
  {
    id: integer('id').primaryKey(),
    /** The relay's base address, without a trailing slash (https://relais.example.fr). */
    relayUrl: text('relay_url').notNull(),
    communeCode: text('commune_code').notNull(),
    communeName: text('commune_name').notNull(),
    /** The commune's public portal (https://relais.example.fr/10145), as the relay gives it. */
    portalUrl: text('portal_url').notNull(),
    apiVersion: integer('api_version').notNull(),
    connectedAt: text('connected_at').notNull(),
    connectedBy: text('connected_by').notNull(),
  },
  (table) => [check('portal_connection_single_row', sql`${table.id} = 1`)],
)
