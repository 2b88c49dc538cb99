import { seedInitialSchema, initialDataDifferences, AT, type MigrationFixture } from './seeds'

/** « Mes tâches »: a partial index of open tasks by person and due date (no table changes). */
export const fixture: MigrationFixture = {
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
}
