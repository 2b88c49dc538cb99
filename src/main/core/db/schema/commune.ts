import { sql } from 'drizzle-orm'
import { check, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/** The commune this database belongs to: a single row (id = 1). */
export const commune = sqliteTable(
  'commune',
  {
    id: integer('id').primaryKey(),
    inseeCode: text('insee_code').notNull(),
    name: text('name').notNull(),
    siren: text('siren').notNull(),
    /** Population municipale of the offline directory (its source and edition in `source`). */
    population: integer('population'),
    /**
     * Population totale in force, as entered by the commune (the figure the laws use unless a text says otherwise);
     * null until entered: the municipale stands in for it, marked as such.
     */
    populationTotale: integer('population_totale'),
    /** Year of the 1 January from which that population totale is in force. */
    populationTotaleYear: integer('population_totale_year'),
    departementCode: text('departement_code').notNull(),
    departementName: text('departement_name').notNull(),
    regionCode: text('region_code').notNull(),
    regionName: text('region_name').notNull(),
    /** JSON array of postal codes. */
    postalCodes: text('postal_codes').notNull(),
    epciSiren: text('epci_siren'),
    epciName: text('epci_name'),
    source: text('source').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (table) => [check('commune_single_row', sql`${table.id} = 1`)],
)
