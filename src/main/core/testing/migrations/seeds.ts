/**
 * Data for the migration tests (src/main/core/db/migrate.test.ts).
 *
 * For EVERY migration in /migrations after the first, `MIGRATION_FIXTURES` holds an entry keyed by the migration's
 * tag (the file name without `.sql`, e.g. `0001_meeting_minutes`). The test builds a database at the schema just
 * before that migration, calls `seed`, migrates to the latest schema and calls `verify`: a migration that loses,
 * truncates or detaches data fails there. The test fails as long as a migration has no entry.
 *
 * Seeds are plain SQL on purpose: the application's code only knows the latest schema. `seedInitialSchema` fills
 * every table of 0000_initial and is a good start for the first entries:
 *
 *   '0001_example': {
 *     seed: (sqlite) => seedInitialSchema(sqlite),
 *     verify: (sqlite) => verifyInitialData(sqlite),
 *   },
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

export const MIGRATION_FIXTURES: Record<string, MigrationFixture> = {
  // Diagnostic tables (created empty) and mandates.installed_on (added, null for the existing mandate).
  '0001_diagnostic': {
    seed: (sqlite) => seedInitialSchema(sqlite),
    verify: (sqlite) => {
      const lost = initialDataDifferences(sqlite)
      if (lost.length > 0) throw new Error(`Données perdues : ${JSON.stringify(lost)}`)
      const mandate = sqlite.prepare('SELECT installed_on AS installedOn FROM mandates WHERE id = 1').get() as { installedOn: unknown }
      if (mandate.installedOn !== null) throw new Error(`installed_on devrait être null, il vaut ${JSON.stringify(mandate.installedOn)}`)
      for (const table of [
        'commune_profile',
        'theme_assignments',
        'campaigns',
        'answers',
        'evidence',
        'snapshots',
        'citizen_inputs',
        'peer_benchmarks',
      ]) {
        const { n } = sqlite.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }
        if (n !== 0) throw new Error(`La table ${table} devrait être vide après la migration (${n} lignes).`)
      }
      // The new cascade works on the migrated data: a theme link follows its member.
      sqlite.prepare("INSERT INTO theme_assignments (member_id, theme_id, link) VALUES (2, 'voirie', 'delegation')").run()
      sqlite.prepare('DELETE FROM theme_assignments WHERE member_id = 2').run()
    },
  },
  // Project tables (created empty) and audit_log.project_id (added, null for the existing trail).
  '0002_projects': {
    seed: seedInitialAndDiagnostic,
    verify: (sqlite) => {
      verifyInitialAndDiagnosticKept(sqlite)
      const { n } = sqlite.prepare('SELECT count(*) AS n FROM audit_log WHERE project_id IS NOT NULL').get() as { n: number }
      if (n !== 0) throw new Error(`project_id devrait être null pour l'historique existant (${n} lignes).`)
      for (const table of [
        'projects',
        'project_themes',
        'project_criteria',
        'project_participants',
        'project_actions',
        'tasks',
        'comments',
        'attachments',
        'fundings',
        'indicators',
        'measurements',
      ]) {
        const { n } = sqlite.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }
        if (n !== 0) throw new Error(`La table ${table} devrait être vide après la migration (${n} lignes).`)
      }
      // The new references work on the migrated data: a project's referent is a migrated member, unlinked on removal.
      sqlite
        .prepare(
          "INSERT INTO projects (id, title, status, priority, referent_member_id, created_at, created_by, updated_at) VALUES (1, 'Cantine', 'idee', 'normale', 2, ?, 'Secrétariat', ?)",
        )
        .run(AT, AT)
      sqlite
        .prepare("INSERT INTO tasks (project_id, title, status, assignee_member_id, created_at, updated_at) VALUES (1, 'Devis', 'a_faire', 2, ?, ?)")
        .run(AT, AT)
      sqlite.prepare('DELETE FROM theme_assignments WHERE member_id = 2').run()
      sqlite.prepare('DELETE FROM members WHERE id = 2').run()
      const after = sqlite.prepare('SELECT referent_member_id AS r, (SELECT assignee_member_id FROM tasks) AS a FROM projects').get()
      if (JSON.stringify(after) !== '{"r":null,"a":null}') throw new Error(`Références non détachées : ${JSON.stringify(after)}`)
    },
  },
  // Full-text search indexes (FTS5, external content) and their triggers; the rows already there are indexed.
  '0003_search': {
    seed: (sqlite) => {
      seedInitialSchema(sqlite)
      sqlite
        .prepare(
          "INSERT INTO projects (id, title, description, status, priority, created_at, created_by, updated_at) VALUES (1, 'École maternelle', 'Rénover le préau', 'idee', 'normale', ?, 'Secrétariat', ?)",
        )
        .run(AT, AT)
      sqlite
        .prepare(
          "INSERT INTO tasks (id, project_id, title, description, status, created_at, updated_at) VALUES (1, 1, 'Demander les devis', 'Trois entreprises', 'a_faire', ?, ?)",
        )
        .run(AT, AT)
      sqlite
        .prepare("INSERT INTO comments (id, project_id, body, author_name, created_at) VALUES (1, 1, 'Le conseil d’école est d’accord', 'Claire', ?)")
        .run(AT)
    },
    verify: (sqlite) => {
      const lost = initialDataDifferences(sqlite)
      if (lost.length > 0) throw new Error(`Données perdues : ${JSON.stringify(lost)}`)
      const hits = (sql: string) => (sqlite.prepare(sql).all() as { rowid: number }[]).map((r) => r.rowid)
      const found = {
        projects: hits(`SELECT rowid FROM projects_fts WHERE projects_fts MATCH '"ecole"*'`),
        tasks: hits(`SELECT rowid FROM tasks_fts WHERE tasks_fts MATCH '"devis"*'`),
        comments: hits(`SELECT rowid FROM comments_fts WHERE comments_fts MATCH '"accord"*'`),
        members: hits(`SELECT rowid FROM members_fts WHERE members_fts MATCH '"voirie"*'`),
      }
      if (JSON.stringify(found) !== '{"projects":[1],"tasks":[1],"comments":[1],"members":[2]}')
        throw new Error(`Index de recherche incomplet : ${JSON.stringify(found)}`)
      // The triggers follow later writes.
      sqlite.prepare("UPDATE projects SET title = 'Cantine scolaire' WHERE id = 1").run()
      if (hits(`SELECT rowid FROM projects_fts WHERE projects_fts MATCH '"ecole"*'`).length !== 0) throw new Error('Ancien titre encore indexé.')
      if (hits(`SELECT rowid FROM projects_fts WHERE projects_fts MATCH '"cantine"*'`).length !== 1) throw new Error('Nouveau titre non indexé.')
      sqlite.prepare("INSERT INTO projects_fts (projects_fts) VALUES ('integrity-check')").run()
    },
  },
  // « Mes tâches »: a partial index of open tasks by person and due date (no table changes).
  '0004_tasks_open_by_assignee': {
    seed: (sqlite) => {
      seedInitialSchema(sqlite)
      sqlite
        .prepare(
          "INSERT INTO projects (id, title, status, priority, created_at, created_by, updated_at) VALUES (1, 'Cantine', 'en_cours', 'normale', ?, 'Secrétariat', ?)",
        )
        .run(AT, AT)
      const task = sqlite.prepare(
        'INSERT INTO tasks (id, project_id, title, status, assignee_member_id, due_on, created_at, completed_at, updated_at) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?)',
      )
      task.run(1, 'Devis', 'a_faire', 2, '2026-04-10', AT, null, AT)
      task.run(2, 'Commande', 'en_cours', 2, null, AT, null, AT)
      task.run(3, 'Réunion', 'faite', 2, '2026-03-01', AT, AT, AT)
      task.run(4, 'Plan', 'bloquee', 2, '2026-03-15', AT, null, AT)
      task.run(5, 'Affiche', 'a_faire', 3, '2026-03-01', AT, null, AT)
    },
    verify: (sqlite) => {
      const lost = initialDataDifferences(sqlite)
      if (lost.length > 0) throw new Error(`Données perdues : ${JSON.stringify(lost)}`)
      const all = sqlite.prepare('SELECT id, title, status, assignee_member_id AS a, due_on AS d FROM tasks ORDER BY id').all()
      const expected = [
        { id: 1, title: 'Devis', status: 'a_faire', a: 2, d: '2026-04-10' },
        { id: 2, title: 'Commande', status: 'en_cours', a: 2, d: null },
        { id: 3, title: 'Réunion', status: 'faite', a: 2, d: '2026-03-01' },
        { id: 4, title: 'Plan', status: 'bloquee', a: 2, d: '2026-03-15' },
        { id: 5, title: 'Affiche', status: 'a_faire', a: 3, d: '2026-03-01' },
      ]
      if (JSON.stringify(all) !== JSON.stringify(expected)) throw new Error(`Tâches modifiées : ${JSON.stringify(all)}`)
      // The open tasks of one person come from the new index, in due-date order.
      const mine = "SELECT id FROM tasks WHERE assignee_member_id = 2 AND status <> 'faite' AND due_on IS NOT NULL ORDER BY due_on"
      const plan = (sqlite.prepare(`EXPLAIN QUERY PLAN ${mine}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ')
      if (!plan.includes('tasks_assignee_open_due')) throw new Error(`Index des tâches ouvertes inutilisé : ${plan}`)
      const ids = (sqlite.prepare(mine).all() as { id: number }[]).map((r) => r.id)
      if (JSON.stringify(ids) !== '[4,1]') throw new Error(`Tâches ouvertes de la personne : ${JSON.stringify(ids)}`)
    },
  },
  // Search indexes rebuilt with the ligatures spelled out (œ → oe, æ → ae), and their triggers with them.
  '0005_search_ligatures': {
    seed: (sqlite) => {
      seedInitialSchema(sqlite)
      sqlite.prepare("UPDATE members SET first_name = 'Lætitia' WHERE id = 2").run()
      sqlite
        .prepare(
          "INSERT INTO projects (id, title, description, status, priority, created_at, created_by, updated_at) VALUES (1, 'Cœur de village', 'Une œuvre pour la place', 'idee', 'normale', ?, 'Secrétariat', ?)",
        )
        .run(AT, AT)
      sqlite
        .prepare(
          "INSERT INTO tasks (id, project_id, title, description, status, created_at, updated_at) VALUES (1, 1, 'Choisir l’ŒUVRE', '', 'a_faire', ?, ?)",
        )
        .run(AT, AT)
      sqlite.prepare("INSERT INTO comments (id, project_id, body, author_name, created_at) VALUES (1, 1, 'Classés ex æquo', 'Claire', ?)").run(AT)
    },
    verify: (sqlite) => {
      // The initial checks do not read first names: the seed renamed Paul on purpose.
      const lost = initialDataDifferences(sqlite)
      if (lost.length > 0) throw new Error(`Données perdues : ${JSON.stringify(lost)}`)
      const texts = sqlite.prepare('SELECT (SELECT title FROM projects WHERE id = 1) AS p, (SELECT first_name FROM members WHERE id = 2) AS m').get()
      if (JSON.stringify(texts) !== '{"p":"Cœur de village","m":"Lætitia"}') throw new Error(`Textes modifiés : ${JSON.stringify(texts)}`)
      const hits = (fts: string, q: string) =>
        (sqlite.prepare(`SELECT rowid FROM ${fts} WHERE ${fts} MATCH ?`).all(q) as { rowid: number }[]).map((r) => r.rowid)
      const found = {
        projects: hits('projects_fts', '"coeur"*'),
        description: hits('projects_fts', '"oeuvre"*'),
        tasks: hits('tasks_fts', '"oeuvre"*'),
        comments: hits('comments_fts', '"aequo"*'),
        members: hits('members_fts', '"laetitia"*'),
        accents: hits('projects_fts', '"village"*'),
      }
      const expected = { projects: [1], description: [1], tasks: [1], comments: [1], members: [2], accents: [1] }
      if (JSON.stringify(found) !== JSON.stringify(expected)) throw new Error(`Index de recherche : ${JSON.stringify(found)}`)
      // The new triggers fold too, and remove what they indexed.
      sqlite.prepare("UPDATE projects SET title = 'Sœur Anne' WHERE id = 1").run()
      if (hits('projects_fts', '"coeur"*').length !== 0 || hits('projects_fts', '"soeur"*').length !== 1) throw new Error('Titre modifié mal indexé.')
      sqlite.prepare('DELETE FROM projects WHERE id = 1').run()
      const left = [
        hits('projects_fts', '"soeur"*'),
        hits('projects_fts', '"oeuvre"*'),
        hits('tasks_fts', '"oeuvre"*'),
        hits('comments_fts', '"aequo"*'),
      ]
      if (left.some((l) => l.length > 0)) throw new Error(`Index non vidé après suppression : ${JSON.stringify(left)}`)
    },
  },
  // commune.population_totale(_year) and campaigns.frozen added, null: the municipale stands in until the commune
  // enters its population totale; closed campaigns are frozen by the application on its next start.
  '0006_population_totale_frozen_campaigns': {
    seed: (sqlite) => {
      seedInitialSchema(sqlite)
      seedDiagnosticSchema(sqlite)
      sqlite.prepare("UPDATE campaigns SET closed_at = '2026-06-30T10:00:00.000Z' WHERE id = 1").run()
    },
    verify: (sqlite) => {
      const lost = [...initialDataDifferences(sqlite), ...diagnosticDataDifferences(sqlite).filter((d) => !d.sql.includes('FROM campaigns'))]
      if (lost.length > 0) throw new Error(`Données perdues : ${JSON.stringify(lost)}`)
      const commune = sqlite.prepare('SELECT population, population_totale AS t, population_totale_year AS y FROM commune WHERE id = 1').get()
      const campaign = sqlite.prepare('SELECT name, closed_at AS c, frozen FROM campaigns WHERE id = 1').get()
      const expected = {
        commune: (sqlite.prepare('SELECT population FROM commune WHERE id = 1').get() as { population: number | null }).population,
      }
      if (JSON.stringify(commune) !== JSON.stringify({ population: expected.commune, t: null, y: null })) {
        throw new Error(`Commune après migration : ${JSON.stringify(commune)}`)
      }
      if (JSON.stringify(campaign) !== JSON.stringify({ name: 'Diagnostic 2026', c: '2026-06-30T10:00:00.000Z', frozen: null })) {
        throw new Error(`Campagne après migration : ${JSON.stringify(campaign)}`)
      }
    },
  },
  // members.civility (added): null for everyone already there — nobody's civility is guessed — and the rest intact.
  '0007_members_civility': {
    seed: seedInitialAndDiagnostic,
    verify: (sqlite) => {
      verifyInitialAndDiagnosticKept(sqlite)
      const civilities = sqlite.prepare('SELECT id, civility FROM members ORDER BY id').all() as { id: number; civility: unknown }[]
      if (civilities.length === 0 || civilities.some((m) => m.civility !== null))
        throw new Error(`Civilités inventées : ${JSON.stringify(civilities)}`)
      // A civility can be given afterwards, and the person keeps everything else.
      sqlite.prepare("UPDATE members SET civility = 'madame' WHERE id = 1").run()
      const after = initialDataDifferences(sqlite)
      if (after.length > 0) throw new Error(`Données modifiées : ${JSON.stringify(after)}`)
    },
  },
  // Formation des élus: four new tables (created empty); the existing members, diagnostic and files are untouched.
  '0008_training': {
    seed: seedInitialAndDiagnostic,
    verify: (sqlite) => {
      verifyInitialAndDiagnosticKept(sqlite)
      for (const table of ['trainings', 'training_providers', 'training_rights', 'training_budgets']) {
        const { n } = sqlite.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }
        if (n !== 0) throw new Error(`La table ${table} devrait être vide après la migration (${n} lignes).`)
      }
      // The new references work on the migrated data: a training follows its élu, and outlives its organisme.
      sqlite.prepare("INSERT INTO training_providers (id, name, created_at, updated_at) VALUES (1, 'Association des maires', ?, ?)").run(AT, AT)
      sqlite
        .prepare(
          `INSERT INTO trainings (id, member_id, title, provider_id, mode, funding, status, created_at, updated_at)
           VALUES (1, 2, 'La voirie communale', 1, 'presentiel', 'budget_communal', 'souhaitee', ?, ?)`,
        )
        .run(AT, AT)
      sqlite.prepare('INSERT INTO training_rights (member_id, is_employee, updated_at) VALUES (2, 1, ?)').run(AT)
      sqlite.prepare('DELETE FROM training_providers WHERE id = 1').run()
      const kept = sqlite.prepare('SELECT provider_id AS p FROM trainings WHERE id = 1').get()
      if (JSON.stringify(kept) !== '{"p":null}') throw new Error(`Organisme non détaché : ${JSON.stringify(kept)}`)
      sqlite.prepare('DELETE FROM theme_assignments WHERE member_id = 2').run()
      sqlite.prepare('DELETE FROM members WHERE id = 2').run()
      const left = sqlite.prepare('SELECT (SELECT count(*) FROM trainings) AS t, (SELECT count(*) FROM training_rights) AS r').get()
      if (JSON.stringify(left) !== '{"t":0,"r":0}') throw new Error(`Formations restées sans leur élu : ${JSON.stringify(left)}`)
    },
  },
  // portal_connection (new, empty): the commune is not connected to any relay after the upgrade; nothing else moves.
  '0009_portal_connection': {
    seed: seedInitialAndDiagnostic,
    verify: (sqlite) => {
      verifyInitialAndDiagnosticKept(sqlite)
      const rows = sqlite.prepare('SELECT COUNT(*) AS n FROM portal_connection').get() as { n: number }
      if (rows.n !== 0) throw new Error(`Connexion au portail inventée : ${rows.n}`)
    },
  },
}

const AT = '2026-03-20T18:00:00.000Z'

/** Every table of 0000_initial and of the diagnostic (0001). */
function seedInitialAndDiagnostic(sqlite: Database.Database): void {
  seedInitialSchema(sqlite)
  seedDiagnosticSchema(sqlite)
}

/** Throws when something `seedInitialAndDiagnostic` wrote is gone or changed. */
function verifyInitialAndDiagnosticKept(sqlite: Database.Database): void {
  const lost = [...initialDataDifferences(sqlite), ...diagnosticDataDifferences(sqlite)]
  if (lost.length > 0) throw new Error(`Données perdues : ${JSON.stringify(lost)}`)
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
