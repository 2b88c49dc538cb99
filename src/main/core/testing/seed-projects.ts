/**
 * A small, fixed set of projects for the tests of the dashboard, the exports and the calendar file, written in plain
 * SQL on a set-up Faux-Villecerf (members 1–6: Claire Martin, Paul Bernard, Sophie Durand, Jean Petit, Marie Leroy,
 * Luc Moreau). "Today" in these tests is 2026-06-15.
 */
import type Database from 'better-sqlite3'

export const TODAY = '2026-06-15'
const AT = '2026-05-04T10:00:00.000Z'

export interface SeededProjects {
  school: number
  road: number
  canteen: number
  hall: number
  stadium: number
  lights: number
  dropped: number
  tasks: { done: number; late: number; next: number; blocked: number; roadDone: number }
  action: number
}

export function seedProjects(sqlite: Database.Database): SeededProjects {
  const member = (lastName: string) => (sqlite.prepare('SELECT id FROM members WHERE last_name = ?').get(lastName) as { id: number }).id
  const project = sqlite.prepare(
    `INSERT INTO projects (title, description, domain_id, status, priority, referent_member_id, start_on, end_on, budget_planned_cents,
       budget_committed_cents, budget_spent_cents, created_at, created_by, updated_at)
     VALUES (@title, @description, @domain, @status, @priority, @referent, @start, @end, @planned, @committed, @spent, @at, 'Secrétariat', @at)`,
  )
  const p = (
    values: Partial<Record<'title' | 'description' | 'domain' | 'status' | 'priority' | 'start' | 'end', string | null>> & {
      referent?: number | null
      planned?: number
      committed?: number
      spent?: number
    },
  ) =>
    Number(
      project.run({
        description: '',
        domain: null,
        priority: 'normale',
        referent: null,
        start: null,
        end: null,
        planned: 0,
        committed: 0,
        spent: 0,
        at: AT,
        ...values,
      }).lastInsertRowid,
    )
  const school = p({
    title: 'Préau de l’école',
    description: 'Isolation ; chauffage',
    domain: 'services',
    status: 'en_cours',
    priority: 'prioritaire',
    referent: member('Durand'),
    start: '2026-02-01',
    end: '2026-09-30',
    planned: 1_000_000,
    committed: 400_000,
    spent: 123_450,
  })
  const road = p({ title: 'Route de Villadin', domain: 'gouvernance', status: 'en_cours', planned: 500_000 })
  const canteen = p({ title: 'Cantine bio', status: 'idee', priority: 'haute', planned: 200_000 })
  const hall = p({ title: 'Salle des fêtes', domain: 'services', status: 'programme', start: '2026-01-01', planned: 100_000 })
  const stadium = p({ title: 'City stade', domain: 'services', status: 'etude', priority: 'basse', start: '2026-09-01' })
  const lights = p({
    title: 'Éclairage LED',
    domain: 'gouvernance',
    status: 'termine',
    end: '2026-03-01',
    planned: 300_000,
    committed: 300_000,
    spent: 290_000,
  })
  const dropped = p({ title: 'Piscine', status: 'abandonne', planned: 9_999_999 })

  const action = Number(
    sqlite
      .prepare(
        "INSERT INTO project_actions (project_id, title, description, due_on, status, sort_order) VALUES (?, 'Travaux d’été', 'Pendant les vacances, sans les enfants', '2026-08-31', 'a_faire', 1)",
      )
      .run(school).lastInsertRowid,
  )
  const task = sqlite.prepare(
    `INSERT INTO tasks (project_id, action_id, title, description, assignee_member_id, due_on, status, checklist, created_at, completed_at, updated_at)
     VALUES (@project, @action, @title, '', @assignee, @due, @status, @checklist, @at, @completed, @at)`,
  )
  const t = (values: {
    project: number
    title: string
    status: string
    due?: string | null
    assignee?: number | null
    action?: number | null
    checklist?: string
    completed?: string | null
  }) => Number(task.run({ due: null, assignee: null, action: null, checklist: '[]', completed: null, at: AT, ...values }).lastInsertRowid)
  const tasks = {
    done: t({ project: school, title: 'Diagnostic énergétique', status: 'faite', due: '2026-03-01', completed: '2026-02-27T10:00:00.000Z' }),
    late: t({
      project: school,
      title: 'Demander les devis',
      status: 'a_faire',
      due: '2026-06-01',
      assignee: member('Martin'),
      action,
      checklist: '[{"label":"Chauffagiste","done":true},{"label":"Couvreur","done":false}]',
    }),
    next: t({ project: school, title: 'Choisir l’entreprise', status: 'en_cours', due: '2026-07-01', assignee: member('Durand') }),
    blocked: t({ project: school, title: 'Dépôt du permis, pièces ; plans', status: 'bloquee', due: '2026-05-01', assignee: member('Bernard') }),
    roadDone: t({
      project: road,
      title: 'Relevé topographique',
      status: 'faite',
      due: '2026-01-10',
      assignee: member('Bernard'),
      completed: '2026-01-09T10:00:00.000Z',
    }),
  }

  const funding = sqlite.prepare(
    'INSERT INTO fundings (project_id, funder, label, requested_cents, obtained_cents, status, requested_on) VALUES (?, ?, ?, ?, ?, ?, ?)',
  )
  funding.run(school, 'detr', 'DETR 2026', 300_000, 250_000, 'accordee', '2026-01-15')
  funding.run(school, 'region', '', 100_000, null, 'envisagee', null)
  funding.run(road, 'dsil', '', 200_000, null, 'demandee', '2026-02-01')
  funding.run(lights, 'departement', '', 50_000, null, 'versee', '2025-10-01')
  funding.run(dropped, 'europe', '', 500_000, null, 'demandee', '2026-02-01')

  const indicator = sqlite.prepare('INSERT INTO indicators (project_id, label, unit, target_value, lower_is_better) VALUES (?, ?, ?, ?, ?)')
  const measure = sqlite.prepare('INSERT INTO measurements (indicator_id, measured_on, value) VALUES (?, ?, ?)')
  const gas = Number(indicator.run(school, 'Consommation de gaz', 'kWh', 600, 1).lastInsertRowid)
  measure.run(gas, '2026-01-31', 800)
  measure.run(gas, '2025-01-31', 1000)
  const pupils = Number(indicator.run(school, 'Élèves accueillis', 'élèves', null, 0).lastInsertRowid)
  measure.run(pupils, '2025-09-01', 42)
  measure.run(pupils, '2026-03-01', 40)
  const kwh = Number(indicator.run(lights, 'Éclairage public', 'kWh', null, 1).lastInsertRowid)
  measure.run(kwh, '2026-04-01', 500)
  measure.run(kwh, '2026-05-01', 500)
  indicator.run(road, 'Satisfaction des riverains', '/10', 8, 0)
  return { school, road, canteen, hall, stadium, lights, dropped, tasks, action }
}
