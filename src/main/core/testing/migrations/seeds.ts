/**
 * Data for the migration tests (src/main/core/db/migrate.test.ts), one file per migration as Signal Desktop does.
 *
 * For EVERY migration in /migrations after the first, this folder holds `<tag>.ts` (the migration's file name,
 * e.g. `0001_diagnostic.ts`) exporting `fixture`. The test builds a database at the schema just before that
 * migration, calls `seed`, migrates to the latest schema and calls `verify`: a migration that loses, truncates or
 * detaches data fails there. The test fails as long as a migration has no file here.
 *
 * Seeds are plain SQL on purpose: the application's code only knows the latest schema. `seedInitialAndDiagnostic`
 * and `verifyInitialAndDiagnosticKept` below are a good start:
 *
 *   export const fixture: MigrationFixture = {
 *     seed: seedInitialAndDiagnostic,
 *     verify: (sqlite) => { verifyInitialAndDiagnosticKept(sqlite); … what the migration added … },
 *   }
 */
import type Database from 'better-sqlite3'

export interface MigrationFixture {
  /** Writes data with the schema just before the migration. */
  seed(sqlite: Database.Database): void
  /** Throws (e.g. with `expect`) when something seeded is missing after migrating to the latest schema. */
  verify(sqlite: Database.Database): void
  /** Tables the migration drops or renames on purpose; `verify` checks where their rows went. */
  removedTables?: string[]
}

export const AT = '2026-03-20T18:00:00.000Z'

/** Every table of 0000_initial and of the diagnostic (0001). */
export function seedInitialAndDiagnostic(sqlite: Database.Database): void {
  seedInitialSchema(sqlite)
  seedDiagnosticSchema(sqlite)
}

/** Throws when something `seedInitialAndDiagnostic` wrote is gone or changed. */
export function verifyInitialAndDiagnosticKept(sqlite: Database.Database): void {
  const lost = [...initialDataDifferences(sqlite), ...diagnosticDataDifferences(sqlite)]
  if (lost.length > 0) throw new Error(`Données perdues : ${JSON.stringify(lost)}`)
}

/**
 * Two contributions pulled before an upgrade (columns of migration 0012 onwards): 1 « Trottoir abîmé », 2 « Banc
 * cassé », both « besoin », received and awaiting moderation.
 */
export function seedTwoContributions(sqlite: Database.Database): void {
  const insert = sqlite.prepare(
    "INSERT INTO contributions (id, relay_url, relay_id, relay_seq, kind, title, body, status, moderation, created_at, updated_at, received_at) VALUES (?, 'https://relais.example.fr', ?, ?, 'besoin', ?, 'Devant l’école', 'recue', 'en_attente', ?, ?, ?)",
  )
  insert.run(1, 7, 3, 'Trottoir abîmé', AT, AT, AT)
  insert.run(2, 8, 4, 'Banc cassé', AT, AT, AT)
}

/** One row or more in every table of 0000_initial, with the references between them. */
export function seedInitialSchema(sqlite: Database.Database): void {
  sqlite
    .prepare(
      `INSERT INTO commune (id, insee_code, name, siren, population, departement_code, departement_name, region_code, region_name,
        postal_codes, epci_siren, epci_name, source, updated_at)
       VALUES (1, '10145', 'Faux-Villecerf', '211001391', 215, '10', 'Aube', '44', 'Grand Est', '["10290"]', '241000488',
        'CC de l''Orvin et de l''Ardusson', 'Découpage administratif', ?)`,
    )
    .run(AT)
  sqlite.prepare('INSERT INTO mandates (id, start_year, end_year, created_at) VALUES (1, 2026, 2032, ?)').run(AT)
  const member = sqlite.prepare(
    `INSERT INTO members (id, first_name, last_name, role, rank, delegation, email, phone, interests, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  member.run(1, 'Claire', 'Martin', 'maire', null, '', 'maire@faux-villecerf.fr', '03 25 00 00 01', 'Budget ; école', AT, AT)
  member.run(2, 'Paul', 'Bernard', 'adjoint', 1, 'Voirie et chemins', '', '', '', AT, AT)
  member.run(3, 'Luc', 'Moreau', 'secretaire_mairie', null, '', 'mairie@faux-villecerf.fr', '', '', AT, AT)
  sqlite
    .prepare('INSERT INTO profiles (id, display_name, member_id, is_admin, password_hash, last_sign_in_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(1, 'Secrétariat', 3, 1, 'scrypt$32768$8$1$c2Vs$aGFzaA==', AT, AT)
  sqlite.prepare('INSERT INTO profiles (id, display_name, member_id, is_admin, created_at) VALUES (2, ?, 1, 0, ?)').run('Claire', AT)
  const audit = sqlite.prepare(
    `INSERT INTO audit_log (at, profile_id, profile_name, entity, entity_id, action, field, before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  audit.run(AT, 1, 'Secrétariat', 'member', '2', 'create', null, null, '{"lastName":"Bernard"}')
  audit.run(AT, 1, 'Secrétariat', 'member', '2', 'update', 'delegation', '"Voirie"', '"Voirie et chemins"')
  audit.run(AT, null, 'Cap Commune', 'commune', '1', 'create', null, null, '{"name":"Faux-Villecerf"}')
  sqlite.prepare("INSERT INTO settings (key, value) VALUES ('session.lastProfileId', '1')").run()
}

interface Check {
  sql: string
  expected: unknown
}

/** What `seedInitialSchema` wrote, as queries on the latest schema; each returns one row. */
export const INITIAL_DATA_CHECKS: Check[] = [
  {
    sql: 'SELECT name, population, postal_codes AS postalCodes FROM commune WHERE id = 1',
    expected: { name: 'Faux-Villecerf', population: 215, postalCodes: '["10290"]' },
  },
  { sql: 'SELECT start_year AS s, end_year AS e FROM mandates WHERE id = 1', expected: { s: 2026, e: 2032 } },
  {
    sql: "SELECT group_concat(last_name, ',') AS names FROM (SELECT last_name FROM members ORDER BY id)",
    expected: { names: 'Martin,Bernard,Moreau' },
  },
  { sql: 'SELECT rank, delegation FROM members WHERE id = 2', expected: { rank: 1, delegation: 'Voirie et chemins' } },
  {
    sql: 'SELECT email, phone, interests FROM members WHERE id = 1',
    expected: { email: 'maire@faux-villecerf.fr', phone: '03 25 00 00 01', interests: 'Budget ; école' },
  },
  {
    sql: 'SELECT member_id AS memberId, is_admin AS isAdmin, password_hash AS hash FROM profiles WHERE id = 1',
    expected: { memberId: 3, isAdmin: 1, hash: 'scrypt$32768$8$1$c2Vs$aGFzaA==' },
  },
  { sql: 'SELECT member_id AS memberId FROM profiles WHERE id = 2', expected: { memberId: 1 } },
  { sql: 'SELECT count(*) AS n, sum(profile_id = 1) AS byAdmin FROM audit_log', expected: { n: 3, byAdmin: 2 } },
  { sql: "SELECT before, after FROM audit_log WHERE field = 'delegation'", expected: { before: '"Voirie"', after: '"Voirie et chemins"' } },
  { sql: "SELECT value FROM settings WHERE key = 'session.lastProfileId'", expected: { value: '1' } },
]

/** The differences between what `seedInitialSchema` wrote and what the database holds (empty when nothing is lost). */
export function initialDataDifferences(sqlite: Database.Database): { sql: string; expected: unknown; actual: unknown }[] {
  return INITIAL_DATA_CHECKS.map(({ sql, expected }) => ({ sql, expected, actual: sqlite.prepare(sql).get() })).filter(
    ({ expected, actual }) => JSON.stringify(expected) !== JSON.stringify(actual),
  )
}

/** One row in every table of 0001_diagnostic (to run after `seedInitialSchema`). */
export function seedDiagnosticSchema(sqlite: Database.Database): void {
  sqlite.prepare("INSERT INTO mandates (id, start_year, end_year, installed_on, created_at) VALUES (2, 2032, 2038, '2032-03-28', ?)").run(AT)
  sqlite.prepare('INSERT INTO commune_profile (id, answers, updated_at) VALUES (1, \'{"ecole":true}\', ?)').run(AT)
  sqlite.prepare("INSERT INTO theme_assignments (id, member_id, theme_id, link) VALUES (1, 2, 'voirie', 'delegation')").run()
  sqlite
    .prepare(
      "INSERT INTO campaigns (id, name, referentiel_version, created_at, created_by, closed_at) VALUES (1, 'Diagnostic 2026', '2026.1', ?, 'Secrétariat', NULL)",
    )
    .run(AT)
  sqlite
    .prepare(
      "INSERT INTO answers (id, campaign_id, criterion_id, status, split, comment, answered_by, answered_at) VALUES (1, 1, 'risques-dicrim', 'oui', NULL, 'Voté en 2024', 'Claire', ?)",
    )
    .run(AT)
  sqlite
    .prepare(
      "INSERT INTO evidence (id, campaign_id, criterion_id, file_name, mime_type, size, sha256, added_at, added_by) VALUES (1, 1, 'risques-dicrim', 'dicrim.pdf', 'application/pdf', 1234, ?, ?, 'Claire')",
    )
    .run('a'.repeat(64), AT)
  sqlite
    .prepare(
      "INSERT INTO snapshots (id, campaign_id, label, taken_at, taken_by, referentiel_version, scores) VALUES (1, 1, 'Avant', ?, 'Claire', '2026.1', '{\"global\":42.5}')",
    )
    .run(AT)
  sqlite
    .prepare(
      "INSERT INTO citizen_inputs (id, theme_id, summary, received_on, source, created_at, created_by) VALUES (1, 'ecole', 'Cantine bruyante', '2026-03-01', 'courrier', ?, 'Luc')",
    )
    .run(AT)
  sqlite
    .prepare("INSERT INTO peer_benchmarks (id, band, domain_id, median, communes, received_at) VALUES (1, 'moins-500', 'services', 61.5, 120, ?)")
    .run(AT)
}

const DIAGNOSTIC_DATA_CHECKS: Check[] = [
  { sql: 'SELECT installed_on AS i FROM mandates WHERE id = 2', expected: { i: '2032-03-28' } },
  { sql: 'SELECT answers FROM commune_profile WHERE id = 1', expected: { answers: '{"ecole":true}' } },
  { sql: 'SELECT member_id AS m, theme_id AS t FROM theme_assignments WHERE id = 1', expected: { m: 2, t: 'voirie' } },
  { sql: 'SELECT name, closed_at AS c FROM campaigns WHERE id = 1', expected: { name: 'Diagnostic 2026', c: null } },
  { sql: 'SELECT status, comment FROM answers WHERE id = 1', expected: { status: 'oui', comment: 'Voté en 2024' } },
  { sql: 'SELECT file_name AS f, size, sha256 FROM evidence WHERE id = 1', expected: { f: 'dicrim.pdf', size: 1234, sha256: 'a'.repeat(64) } },
  { sql: 'SELECT scores FROM snapshots WHERE id = 1', expected: { scores: '{"global":42.5}' } },
  { sql: 'SELECT summary FROM citizen_inputs WHERE id = 1', expected: { summary: 'Cantine bruyante' } },
  { sql: 'SELECT median, communes FROM peer_benchmarks WHERE id = 1', expected: { median: 61.5, communes: 120 } },
]

/** The differences between what `seedDiagnosticSchema` wrote and what the database holds. */
export function diagnosticDataDifferences(sqlite: Database.Database): { sql: string; expected: unknown; actual: unknown }[] {
  return DIAGNOSTIC_DATA_CHECKS.map(({ sql, expected }) => ({ sql, expected, actual: sqlite.prepare(sql).get() })).filter(
    ({ expected, actual }) => JSON.stringify(expected) !== JSON.stringify(actual),
  )
}
