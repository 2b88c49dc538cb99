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
    /**
     * When someone confirmed the answers (the wizard's profile step, or saved in Paramètres); null while the profile
     * is only the wizard's defaults: the diagnostic then says it rests on default answers.
     */
    reviewedAt: text('reviewed_at'),
  },
  (table) => [check('commune_profile_single_row', sql`${table.id} = 1`)],
)
