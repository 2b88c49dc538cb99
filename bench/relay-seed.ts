/**
 * Contributions written straight into a relay database with their feed positions, as the benches need them in
 * numbers no portal could send in time: one citizen, kinds, topics, statuses, moderation states, dates and words
 * spread deterministically so the desktop's filters and search select real fractions of them.
 */
import { sql } from 'drizzle-orm'
import { addCommune } from '../src/relay/communes/queries'
import { queryRows, type RelayDb } from '../src/relay/db/open'

export const SEED_COMMUNE = '10145'
/** One of these words is in each title, so a search for one finds about a seventh of the contributions. */
export const SEED_WORDS = ['banc', 'lampadaire', 'trottoir', 'école', 'jardin', 'parking', 'fontaine']

export async function seedContributions(db: RelayDb, rows: number): Promise<void> {
  await addCommune(db, SEED_COMMUNE)
  const [citizen] = await queryRows<{ id: number }>(
    db,
    sql`INSERT INTO citizens (commune_code, email, pseudonymous_id, display_name) VALUES (${SEED_COMMUNE}, 'banc@example.fr', 'hab-banc', 'Banc') RETURNING id`,
  )
  const words = sql.raw(`ARRAY[${SEED_WORDS.map((w) => `'${w}'`).join(', ')}]`)
  await db.execute(sql`
    INSERT INTO inputs (commune_code, kind, citizen_id, title, body, topic, address, seq, status, moderation, created_at, updated_at)
    SELECT ${SEED_COMMUNE}, CASE WHEN g % 3 = 0 THEN 'besoin' ELSE 'proposition' END, ${citizen!.id},
      'Idée n° ' || g || ' : ' || (${words})[1 + g % 7],
      repeat('Une proposition détaillée pour la commune. ', 8), (ARRAY['voirie', 'ecole', 'environnement', 'cadre_de_vie', 'culture_sport'])[1 + g % 5],
      g || ' rue des Écoles', g, (ARRAY['recue', 'a_l_etude', 'retenue', 'realisee', 'non_retenue'])[1 + g % 5],
      (ARRAY['en_attente', 'publiee', 'masquee'])[1 + g % 3],
      timestamptz '2026-04-01 08:00:00+00' + make_interval(mins => g * 5), timestamptz '2026-04-01 08:00:00+00' + make_interval(mins => g * 5)
    FROM generate_series(1, ${rows}) g`)
  await db.execute(sql`UPDATE communes SET last_seq = ${rows} WHERE code = ${SEED_COMMUNE}`)
  await db.execute(sql`ANALYZE`)
}
