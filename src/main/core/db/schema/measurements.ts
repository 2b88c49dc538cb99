import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { indicators } from './indicators'

/** The values of an indicator over time. */
export const measurements = sqliteTable(
  'measurements',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    indicatorId: integer('indicator_id')
      .notNull()
      .references(() => indicators.id, { onDelete: 'cascade' }),
    measuredOn: text('measured_on').notNull(),
    value: real('value').notNull(),
  },
  (table) => [index('measurements_indicator').on(table.indicatorId, table.measuredOn)],
)
