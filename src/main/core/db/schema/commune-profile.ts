import { sql } from 'drizzle-orm'
import { check, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/** The commune profile questionnaire (risks, transferred competences, facilities…): a single row (id = 1). */
export const communeProfile = sqliteTable(
  'commune_profile',
  {
    id: integer('id').primaryKey(),
    /** JSON of the questionnaire, validated by communeProfileSchema (src/shared/referentiel/profile.ts). */
    answers: text('answers').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (table) => [check('commune_profile_single_row', sql`${table.id} = 1`)],
)
