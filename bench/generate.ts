/**
 * A large commune for the benchmarks: Faux-Villecerf set up through the contract, then filled with direct SQL
 * inserts in a few transactions (the FTS triggers fire as they would for the app's own writes):
 * 25 members, 2,000 projects, 50,000 tasks, 20,000 comments, 200,000 audit rows by default, plus actions, fundings,
 * indicators and measurements, with realistic French titles and dates over the 2026–2032 mandate.
 * Deterministic (seeded): two runs build the same data. Reusable: `generateLargeCommune({ dataDir })`.
 */
import type Database from 'better-sqlite3'
import { APP_ROOT, createTestCore, fauxVillecerfSetup, ok, type TestCore } from '../src/main/core/testing'
import { defaultReferentielFile, loadReferentiel } from '../src/main/core/referentiel/load'

export interface LargeCommuneOptions {
  dataDir: string
  projects?: number
  tasks?: number
  comments?: number
  auditRows?: number
  /** Team size, the 6 people of the setup included. */
  members?: number
  seed?: number
  /** The référentiel the domains and themes are drawn from (default: the real one). */
  referentielFile?: string
}

export interface LargeCommune {
  dataDir: string
  /** Open on the generated data, signed in as the setup's administrator. */
  test: TestCore
  counts: Record<'members' | 'projects' | 'tasks' | 'comments' | 'auditRows' | 'actions' | 'fundings' | 'indicators' | 'measurements', number>
  generationMs: number
}

/** mulberry32: small, fast, seeded. */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const FIRST_NAMES = [
  'Nathalie',
  'Philippe',
  'Isabelle',
  'Thierry',
  'Sandrine',
  'Christophe',
  'Valérie',
  'Stéphane',
  'Céline',
  'Frédéric',
  'Hélène',
  'Gérard',
  'Aurélie',
  'Benoît',
  'Émilie',
  'Jérôme',
  'Françoise',
  'Olivier',
  'Josiane',
  'Raphaël',
]
const LAST_NAMES = [
  'Lefèvre',
  'Garnier',
  'Rousseau',
  'Fontaine',
  'Chevalier',
  'Mercier',
  'Boyer',
  'Lambert',
  'Girard',
  'Bonnet',
  'Dupré',
  'Gauthier',
  'Perrin',
  'Masson',
  'Renaud',
  'Brunet',
  'Collin',
  'Noël',
  'Barbier',
  'Héraud',
]
const ROLES = ['conseiller_municipal', 'conseiller_municipal', 'conseiller_municipal', 'conseiller_delegue', 'agent_technique', 'agent_administratif']
const INTERESTS = [
  'école et périscolaire',
  'voirie, chemins ruraux',
  'fêtes et cérémonies',
  'budget',
  'environnement, fleurissement',
  'sport et associations',
  'urbanisme',
  'aînés, CCAS',
]

const VERBS = [
  'Rénovation',
  'Aménagement',
  'Réfection',
  'Mise aux normes',
  'Extension',
  'Création',
  'Sécurisation',
  'Étude de faisabilité',
  'Isolation thermique',
  'Accessibilité PMR',
]
const OBJECTS = [
  "de l'école maternelle",
  'de la salle des fêtes',
  'du cimetière communal',
  'de la mairie',
  'du terrain de football',
  'de la route de Villadin',
  "de l'église Saint-Martin",
  'du lavoir',
  'de la cantine scolaire',
  'des chemins ruraux',
  "de l'éclairage public",
  'du city stade',
  'de la bibliothèque',
  'du parking de la place',
  'des logements communaux',
  'de la station d’épuration',
  'du réseau d’eau potable',
  'des abords du groupe scolaire',
]
const PLACES = [
  '',
  '',
  ' — hameau des Granges',
  ' — centre-bourg',
  ' (tranche 2)',
  ' — rue des Écoles',
  ' — quartier de la Gare',
  ' (phase d’études)',
]
const DESCRIPTIONS = [
  'Projet inscrit au plan pluriannuel d’investissement, en lien avec la communauté de communes.',
  'Demande des habitants relayée en réunion publique ; chiffrage à affiner avec le maître d’œuvre.',
  'Travaux à coordonner avec le syndicat d’énergie ; subventions DETR et Région envisagées.',
  'Mise en conformité réglementaire ; diagnostic réalisé par le bureau de contrôle.',
  '',
]
const TASK_VERBS = [
  'Demander les devis',
  'Relancer',
  'Préparer la délibération',
  'Rédiger le cahier des charges',
  'Réunir la commission',
  'Visiter le site avec',
  'Déposer le dossier de subvention',
  'Valider le plan de financement',
  'Informer les riverains',
  'Réceptionner les travaux',
  'Consulter',
  'Publier l’avis d’appel public',
]
const TASK_OBJECTS = [
  'l’architecte',
  'le SDIS',
  'la DDT',
  'le conseil départemental',
  'les entreprises',
  'le bureau d’études',
  'la préfecture',
  'les associations',
  'le percepteur',
  'Enedis',
  'l’ABF',
  'la commission des travaux',
]
const COMMENT_BODIES = [
  'Rendez-vous pris avec l’entreprise pour jeudi.',
  'Le devis reçu dépasse l’enveloppe prévue ; à revoir en commission.',
  'Accord de principe du conseil d’école.',
  'Dossier complet transmis à la préfecture, accusé de réception reçu.',
  'Les riverains demandent une réunion d’information.',
  'Attention au calendrier : la subvention doit être engagée avant la fin de l’année.',
  'Photos du chantier ajoutées, le gros œuvre est terminé.',
  'Relancé le fournisseur par téléphone, livraison repoussée de deux semaines.',
]
const PROJECT_STATUSES = ['idee', 'etude', 'programme', 'en_cours', 'en_cours', 'en_cours', 'pause', 'termine', 'termine', 'abandonne']
const PRIORITIES = ['basse', 'normale', 'normale', 'normale', 'haute', 'prioritaire']
const FUNDERS = ['detr', 'dsil', 'region', 'departement', 'europe', 'autre']
const FUNDING_STATUSES = ['envisagee', 'demandee', 'accordee', 'refusee', 'versee']
const ENTITIES = ['project', 'task', 'task', 'task', 'comment', 'action', 'funding', 'participant', 'indicator']
const FIELDS = ['status', 'title', 'dueOn', 'assigneeMemberId', 'description', 'budgetPlannedCents']

const MANDATE_START = Date.UTC(2026, 2, 15)
const MANDATE_DAYS = 6 * 365

function dayOf(offsetDays: number): string {
  return new Date(MANDATE_START + Math.round(offsetDays) * 86_400_000).toISOString().slice(0, 10)
}

export async function generateLargeCommune(options: LargeCommuneOptions): Promise<LargeCommune> {
  const started = performance.now()
  const n = {
    projects: options.projects ?? 2000,
    tasks: options.tasks ?? 50_000,
    comments: options.comments ?? 20_000,
    auditRows: options.auditRows ?? 200_000,
    members: options.members ?? 25,
  }
  const rand = random(options.seed ?? 20_260_315)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!
  const loaded = loadReferentiel(options.referentielFile ?? defaultReferentielFile(APP_ROOT))
  const domainIds = loaded.referentiel.domains.map((d) => d.id)
  const themesByDomain = new Map(loaded.referentiel.domains.map((d) => [d.id, d.themes.map((t) => t.id)]))

  // Output validation off, as in the packaged app.
  const test = createTestCore(options.dataDir, {
    validateOutput: false,
    ...(options.referentielFile ? { referentielFile: options.referentielFile } : {}),
  })
  await ok(test.core, test.session, 'setup.complete', fauxVillecerfSetup())
  const sqlite: Database.Database = test.core.database.sqlite
  const at = '2026-11-29T09:00:00.000Z'

  // Members -------------------------------------------------------------------------------------------------------
  const insertMember = sqlite.prepare(
    `INSERT INTO members (first_name, last_name, role, delegation, email, phone, interests, created_at, updated_at) VALUES (?, ?, ?, ?, '', '', ?, ?, ?)`,
  )
  sqlite.transaction(() => {
    const existing = (sqlite.prepare('SELECT count(*) AS n FROM members').get() as { n: number }).n
    for (let i = existing; i < n.members; i++) {
      const role = pick(ROLES)
      insertMember.run(
        FIRST_NAMES[i % FIRST_NAMES.length],
        LAST_NAMES[(i * 7) % LAST_NAMES.length],
        role,
        role === 'conseiller_delegue' ? pick(INTERESTS) : '',
        pick(INTERESTS),
        at,
        at,
      )
    }
  })()
  const memberIds = (sqlite.prepare('SELECT id FROM members ORDER BY id').all() as { id: number }[]).map((m) => m.id)

  // Projects, themes, actions, fundings, indicators ------------------------------------------------------------------
  const insertProject = sqlite.prepare(
    `INSERT INTO projects (id, title, description, domain_id, status, priority, referent_member_id, start_on, end_on, budget_planned_cents,
       budget_committed_cents, budget_spent_cents, created_at, created_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'Secrétariat', ?)`,
  )
  const insertTheme = sqlite.prepare('INSERT OR IGNORE INTO project_themes (project_id, theme_id) VALUES (?, ?)')
  const insertAction = sqlite.prepare(
    'INSERT INTO project_actions (project_id, title, description, start_on, due_on, status, sort_order) VALUES (?, ?, ?, ?, ?, ?, ?)',
  )
  const insertFunding = sqlite.prepare(
    'INSERT INTO fundings (project_id, funder, label, requested_cents, obtained_cents, status, requested_on) VALUES (?, ?, ?, ?, ?, ?, ?)',
  )
  const insertIndicator = sqlite.prepare('INSERT INTO indicators (project_id, label, unit, target_value, lower_is_better) VALUES (?, ?, ?, ?, ?)')
  const insertMeasurement = sqlite.prepare('INSERT INTO measurements (indicator_id, measured_on, value) VALUES (?, ?, ?)')
  const counts = { actions: 0, fundings: 0, indicators: 0, measurements: 0 }
  const projectStarts: number[] = []
  sqlite.transaction(() => {
    for (let id = 1; id <= n.projects; id++) {
      const status = pick(PROJECT_STATUSES)
      const start = rand() < 0.15 ? null : rand() * (MANDATE_DAYS - 200)
      const end = start === null || rand() < 0.2 ? null : start + 60 + rand() * 600
      projectStarts.push(start ?? rand() * MANDATE_DAYS)
      const planned = Math.round(rand() * 50_000) * 1000
      const committed = status === 'idee' || status === 'etude' ? 0 : Math.round(planned * rand())
      const spent = Math.round(committed * (status === 'termine' ? 1 : rand()))
      const domain = rand() < 0.1 ? null : pick(domainIds)
      insertProject.run(
        id,
        `${pick(VERBS)} ${pick(OBJECTS)}${pick(PLACES)}`,
        pick(DESCRIPTIONS),
        domain,
        status,
        pick(PRIORITIES),
        rand() < 0.8 ? pick(memberIds) : null,
        start === null ? null : dayOf(start),
        end === null ? null : dayOf(end),
        planned,
        committed,
        spent,
        at,
        dayOf(rand() * 260 + 100) + 'T10:00:00.000Z',
      )
      if (domain) for (let k = 0; k < 2; k++) insertTheme.run(id, pick(themesByDomain.get(domain)!))
      for (let k = 0; k < 3; k++) {
        const due = (start ?? 300) + 30 * (k + 1) + rand() * 90
        insertAction.run(
          id,
          ['Études préalables', 'Consultation des entreprises', 'Travaux'][k],
          '',
          dayOf(due - 60),
          dayOf(due),
          pick(['a_faire', 'en_cours', 'fait']),
          k + 1,
        )
        counts.actions++
      }
      if (rand() < 0.5) {
        const requested = Math.round(planned * 0.3)
        const fundingStatus = pick(FUNDING_STATUSES)
        insertFunding.run(
          id,
          pick(FUNDERS),
          '',
          requested,
          fundingStatus === 'accordee' || fundingStatus === 'versee' ? Math.round(requested * 0.9) : null,
          fundingStatus,
          dayOf(rand() * 700),
        )
        counts.fundings++
      }
      if (id % 20 === 0) {
        const lower = rand() < 0.5
        const indicator = Number(
          insertIndicator.run(id, lower ? 'Consommation d’énergie' : 'Fréquentation', lower ? 'kWh' : 'visiteurs', null, lower ? 1 : 0)
            .lastInsertRowid,
        )
        counts.indicators++
        for (let k = 0; k < 6; k++) {
          insertMeasurement.run(indicator, dayOf(k * 180), Math.round(1000 + rand() * 500))
          counts.measurements++
        }
      }
    }
  })()

  // Tasks -----------------------------------------------------------------------------------------------------------
  const insertTask = sqlite.prepare(
    `INSERT INTO tasks (project_id, title, description, assignee_member_id, due_on, status, checklist, created_at, completed_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, '[]', ?, ?, ?)`,
  )
  sqlite.transaction(() => {
    for (let i = 0; i < n.tasks; i++) {
      const project = 1 + Math.floor(rand() * n.projects)
      const due = rand() < 0.1 ? null : dayOf(Math.min(MANDATE_DAYS, projectStarts[project - 1]! + rand() * 720))
      const status = pick(['a_faire', 'a_faire', 'en_cours', 'bloquee', 'faite', 'faite'])
      insertTask.run(
        project,
        `${pick(TASK_VERBS)} ${pick(TASK_OBJECTS)}`,
        rand() < 0.3 ? pick(COMMENT_BODIES) : '',
        rand() < 0.9 ? pick(memberIds) : null,
        due,
        status,
        at,
        status === 'faite' ? at : null,
        at,
      )
    }
  })()

  // Comments --------------------------------------------------------------------------------------------------------
  const insertComment = sqlite.prepare('INSERT INTO comments (project_id, body, author_name, created_at) VALUES (?, ?, ?, ?)')
  sqlite.transaction(() => {
    for (let i = 0; i < n.comments; i++) {
      insertComment.run(
        1 + Math.floor(rand() * n.projects),
        pick(COMMENT_BODIES),
        `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`,
        dayOf(rand() * 600) + 'T14:00:00.000Z',
      )
    }
  })()

  // Audit trail -----------------------------------------------------------------------------------------------------
  const insertAudit = sqlite.prepare(
    `INSERT INTO audit_log (at, profile_id, profile_name, entity, entity_id, action, field, before, after, project_id) VALUES (?, NULL, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  sqlite.transaction(() => {
    for (let i = 0; i < n.auditRows; i++) {
      const entity = pick(ENTITIES)
      const project = 1 + Math.floor(rand() * n.projects)
      const entityId = entity === 'project' ? project : entity === 'task' ? 1 + Math.floor(rand() * n.tasks) : 1 + Math.floor(rand() * 5000)
      const update = rand() < 0.8
      insertAudit.run(
        new Date(MANDATE_START + (i / n.auditRows) * 600 * 86_400_000).toISOString(),
        pick(['Secrétariat', 'Claire', 'Paul Bernard', 'Sophie Durand']),
        entity,
        String(entityId),
        update ? 'update' : 'create',
        update ? pick(FIELDS) : null,
        update ? '"a_faire"' : null,
        update ? '"en_cours"' : `{"title":"${pick(TASK_VERBS)}"}`,
        project,
      )
    }
  })()
  sqlite.pragma('optimize')

  return {
    dataDir: options.dataDir,
    test,
    counts: { members: memberIds.length, projects: n.projects, tasks: n.tasks, comments: n.comments, auditRows: n.auditRows, ...counts },
    generationMs: performance.now() - started,
  }
}
