import { getTableColumns } from 'drizzle-orm'
import type { SQLiteTable } from 'drizzle-orm/sqlite-core'
import { describe, expect, it } from 'vitest'
import { ENTITY_LABELS, fieldSpec, UNAUDITED_FIELDS } from '../../../shared/audit-labels'
import {
  ACTION_STATUSES,
  ANSWER_STATUSES,
  contract,
  FUNDERS,
  FUNDING_STATUSES,
  PRIORITIES,
  PROJECT_STATUSES,
  TASK_STATUSES,
  THEME_LINKS,
  type AuditEntry,
} from '../../../shared/contract'
import { communeProfileSchema } from '../../../shared/referentiel/profile'
import { COMPETENCES } from '../../../shared/referentiel/schema'
import { CIVILITIES, MEMBER_ROLES } from '../../../shared/roles'
import * as schema from '../db/schema'
import { failure, ok } from '../testing'
import { setUpCorePerTest } from '../testing/per-test-core'
import { FIXTURE_REFERENTIEL_FILE } from '../testing/referentiel'
import { pulledContribution, receivePulled } from '../testing/contributions'

const setUp = setUpCorePerTest('audit')

function seedTrail(sqlite: import('better-sqlite3').Database) {
  const project = Number(
    sqlite
      .prepare(
        "INSERT INTO projects (title, status, priority, created_at, created_by, updated_at) VALUES ('Cantine bio', 'en_cours', 'haute', 'x', 'x', 'x')",
      )
      .run().lastInsertRowid,
  )
  const task = Number(
    sqlite
      .prepare("INSERT INTO tasks (project_id, title, status, created_at, updated_at) VALUES (?, 'Choisir le prestataire', 'a_faire', 'x', 'x')")
      .run(project).lastInsertRowid,
  )
  const insert = sqlite.prepare(
    'INSERT INTO audit_log (at, profile_id, profile_name, entity, entity_id, action, field, before, after, project_id) VALUES (?, NULL, ?, ?, ?, ?, ?, ?, ?, ?)',
  )
  insert.run('2027-04-01T09:00:00.000Z', 'Claire', 'project', String(project), 'create', null, null, '{"title":"Cantine bio"}', project)
  insert.run('2027-04-02T09:00:00.000Z', 'Claire', 'task', String(task), 'create', null, null, '{"title":"Choisir le prestataire"}', project)
  insert.run('2027-04-03T23:59:59.000Z', 'Paul', 'task', String(task), 'update', 'status', '"a_faire"', '"en_cours"', project)
  insert.run('2027-04-03T12:00:00.000Z', 'Paul', 'project', '999', 'update', 'status', '"idee"', '"abandonne"', 999)
  insert.run('2027-04-04T00:00:00.000Z', 'Paul', 'project', '999', 'delete', null, '{"title":"Salle des fêtes"}', null, 999)
  return { project, task }
}

describe('audit.list', () => {
  it('lists newest first with a readable label, before/after parsed, and pages', async () => {
    const { core, session } = setUp()
    const { project, task } = seedTrail(core.database.sqlite)
    const all = await ok(core, session, 'audit.list', {})
    // The setup of Faux-Villecerf wrote its own rows first (commune, members, profile…).
    expect(all.total).toBeGreaterThan(4)
    expect(all.items.slice(0, 5).map((e) => [e.entity, e.action, e.label])).toEqual([
      ['project', 'delete', 'Salle des fêtes'],
      ['task', 'update', 'Choisir le prestataire'],
      // A field change of a project deleted since: named from the trail's own deletion row.
      ['project', 'update', 'Salle des fêtes'],
      ['task', 'create', 'Choisir le prestataire'],
      ['project', 'create', 'Cantine bio'],
    ])
    expect(all.items[1]).toMatchObject({ entityId: String(task), field: 'status', before: 'a_faire', after: 'en_cours', profileName: 'Paul' })
    expect(all.items[4]!.after).toEqual({ title: 'Cantine bio' })
    const member = all.items.find((e) => e.entity === 'member' && e.action === 'create')!
    expect(member.label).toMatch(/^[A-ZÉ][a-zé]+ [A-Z][a-z]+$/)

    const page2 = await ok(core, session, 'audit.list', { page: 2, pageSize: 2 })
    expect(page2.total).toBe(all.total)
    expect(page2.items.map((e) => e.id)).toEqual(all.items.slice(2, 4).map((e) => e.id))
    expect(page2.items[0]!.label).toBe('Salle des fêtes')
    expect(project).toBeGreaterThan(0)
  })

  it('filters by entity, project, author and dates (both days included)', async () => {
    const { core, session } = setUp()
    const { project } = seedTrail(core.database.sqlite)
    const ids = async (input: Parameters<typeof ok<'audit.list'>>[3]) =>
      (await ok(core, session, 'audit.list', input)).items.map((e) => `${e.entity}:${e.action}`)

    expect(await ids({ projectId: project })).toEqual(['task:update', 'task:create', 'project:create'])
    expect(await ids({ entity: 'task' })).toEqual(['task:update', 'task:create'])
    expect(await ids({ profileName: 'Paul' })).toEqual(['project:delete', 'task:update', 'project:update'])
    expect(await ids({ from: '2027-04-02', to: '2027-04-03' })).toEqual(['task:update', 'project:update', 'task:create'])
    expect(await ids({ from: '2027-04-04', to: '2027-04-04' })).toEqual(['project:delete'])
    expect(await ids({ entity: 'task', profileName: 'Claire', projectId: project })).toEqual(['task:create'])
    expect((await ok(core, session, 'audit.list', { entity: 'nothing' })).total).toBe(0)
  })

  it('is read-only: the contract has no method to change or delete the trail', () => {
    expect(Object.keys(contract).filter((name) => name.startsWith('audit.'))).toEqual(['audit.list'])
  })
})

describe('audit.list through the contract’s own writers', () => {
  it('names every kind of record of a project, and gathers them under the project', async () => {
    const { core, session } = setUp()
    const project = await ok(core, session, 'projects.create', { title: 'Jardin partagé' })
    const task = await ok(core, session, 'tasks.create', { projectId: project.id, title: 'Clôturer la parcelle' })
    await ok(core, session, 'fundings.create', { projectId: project.id, funder: 'region', requestedCents: 100_000 })
    const indicator = await ok(core, session, 'indicators.create', { projectId: project.id, label: 'Jardiniers inscrits' })
    await ok(core, session, 'measurements.add', { indicatorId: indicator.id, measuredOn: '2026-09-01', value: 12 })
    await ok(core, session, 'tasks.update', { id: task.id, title: 'Clôturer la parcelle', status: 'faite' })
    const { items } = await ok(core, session, 'audit.list', { projectId: project.id, pageSize: 200 })
    const labelOf = (entity: string) => items.find((e) => e.entity === entity)?.label
    expect(labelOf('project')).toBe('Jardin partagé')
    expect(labelOf('task')).toBe('Clôturer la parcelle')
    expect(labelOf('funding')).toBe('Région')
    expect(labelOf('indicator')).toBe('Jardiniers inscrits')
    expect(labelOf('measurement')).toBe('Jardiniers inscrits — 1er septembre 2026')
    // In the project's own history, its records do not repeat which project they belong to.
    expect(items.filter((e) => `${e.display.before} ${e.display.after}`.includes('Projet :'))).toEqual([])
    expect(items.find((e) => e.entity === 'task' && e.field === 'status')).toMatchObject({ before: 'a_faire', after: 'faite' })
  })
})

/** Which table each audited record comes from: its writers pass the whole row (the walk below reads the columns). */
const AUDITED_TABLES: Record<string, SQLiteTable> = {
  commune: schema.commune,
  mandate: schema.mandates,
  member: schema.members,
  themeAssignment: schema.themeAssignments,
  campaign: schema.campaigns,
  answer: schema.answers,
  evidence: schema.evidence,
  snapshot: schema.snapshots,
  citizenInput: schema.citizenInputs,
  project: schema.projects,
  participant: schema.projectParticipants,
  action: schema.projectActions,
  task: schema.tasks,
  comment: schema.comments,
  attachment: schema.attachments,
  funding: schema.fundings,
  indicator: schema.indicators,
  measurement: schema.measurements,
  training: schema.trainings,
  trainingRights: schema.trainingRights,
  trainingBudget: schema.trainingBudgets,
  trainingProvider: schema.trainingProviders,
  portal: schema.portalConnection,
  news: schema.news,
  residentCodeBatch: schema.residentCodeBatches,
  poll: schema.polls,
  applicabilityDecision: schema.applicabilityDecisions,
}

/** Records the scenario below cannot write, and where they are written for real. */
const WRITTEN_ELSEWHERE: Record<string, string> = {
  portal: 'a relay to connect to: portal/connect.relay.test.ts (its fields are walked above)',
  publication: 'a connected relay: portal/publications tests',
  comparison: 'a connected relay: portal/comparison.relay.test.ts',
  residentCodeBatch: 'a connected relay: resident-codes/resident-codes.relay.test.ts',
}

describe('every audited table and field has its words', () => {
  it('each column of each audited table is labelled or hidden on purpose, and each stored code has its label', () => {
    const missing: string[] = []
    for (const [entity, table] of Object.entries(AUDITED_TABLES)) {
      expect(ENTITY_LABELS[entity], entity).toBeTruthy()
      for (const [field, column] of Object.entries(getTableColumns(table))) {
        if ((UNAUDITED_FIELDS as readonly string[]).includes(field)) continue
        const spec = fieldSpec(entity, field)
        if (!spec) {
          missing.push(`${entity}.${field}`)
          continue
        }
        // A column whose values are a closed list (text({ enum })) needs a label for each.
        const values = (column as { enumValues?: string[] }).enumValues ?? []
        if (spec.type.kind === 'code') for (const value of values) if (!spec.type.labels[value]) missing.push(`${entity}.${field} = ${value}`)
      }
    }
    expect(missing).toEqual([])
  })

  it('each question of the commune profile is labelled, and every competence', () => {
    const missing: string[] = []
    for (const [key, question] of Object.entries(communeProfileSchema.shape)) {
      const spec = fieldSpec('communeProfile', key)
      if (!spec) {
        missing.push(key)
        continue
      }
      // Groups of questions (risks, facilities): each sub-question too.
      const inner = (question as unknown as { _zod: { def: { innerType?: { shape?: Record<string, unknown> } } } })._zod.def.innerType?.shape
      if (inner) {
        if (spec.type.kind !== 'flags') missing.push(`${key} (groupe)`)
        else for (const sub of Object.keys(inner)) if (!spec.type.labels[sub]) missing.push(`${key}.${sub}`)
      }
    }
    const competences = fieldSpec('communeProfile', 'transferredCompetences')!.type
    for (const competence of COMPETENCES) if (competences.kind !== 'codes' || !competences.labels[competence]) missing.push(competence)
    expect(missing).toEqual([])
  })

  it('every code the contract knows has its label where the journal shows it', () => {
    const lists: [string, string, readonly string[]][] = [
      ['project', 'status', PROJECT_STATUSES],
      ['project', 'priority', PRIORITIES],
      ['task', 'status', TASK_STATUSES],
      ['action', 'status', ACTION_STATUSES],
      ['funding', 'status', FUNDING_STATUSES],
      ['funding', 'funder', FUNDERS],
      ['answer', 'status', ANSWER_STATUSES],
      ['member', 'role', MEMBER_ROLES],
      ['member', 'civility', CIVILITIES],
      ['themeAssignment', 'link', THEME_LINKS],
    ]
    for (const [entity, field, values] of lists) {
      const type = fieldSpec(entity, field)!.type
      for (const value of values) expect(type.kind === 'code' && type.labels[value], `${entity}.${field} = ${value}`).toBeTruthy()
    }
  })
})

const setUpWithFixture = setUpCorePerTest('audit-words', { referentielFile: FIXTURE_REFERENTIEL_FILE })

/** What must never reach a reader of the journal: codes, ids, ISO dates, JSON. */
const RAW = [
  { what: 'une date ISO', pattern: /\d{4}-\d\d-\d\d/ },
  { what: 'du JSON', pattern: /[{}[\]"]/ },
  { what: 'un code (a_faire)', pattern: /\b[a-z]+_[a-z_]+\b/ },
  // « kWh » is a unit, « completedAt » a field name.
  { what: 'un nom de champ (completedAt)', pattern: /\b[a-z]{2,}[A-Z][A-Za-z]*\b/ },
]

describe('the journal of a commune that did everything reads in French', () => {
  it('names every field, value and record, with names instead of ids and French dates', async () => {
    const { core, session } = setUpWithFixture()
    const team = await ok(core, session, 'members.list')
    const paul = team.find((m) => m.role === 'adjoint' && m.rank === 1)!
    const secretary = team.find((m) => m.role === 'secretaire_mairie')!

    // The commune, its team and profiles.
    await ok(core, session, 'mandate.update', { startYear: 2026, endYear: 2032, installedOn: '2026-03-27' })
    await ok(core, session, 'commune.setPopulation', { populationTotale: 230, year: 2026 })
    const sophie = await ok(core, session, 'members.create', { civility: 'madame', firstName: 'Sophie', lastName: 'Lenoir', role: 'adjoint' })
    await ok(core, session, 'members.update', { ...sophie, role: 'conseiller_delegue', delegation: 'Fêtes' })
    const profile = await ok(core, session, 'profiles.create', { displayName: 'Sophie', memberId: sophie.id })
    await ok(core, session, 'profiles.update', { id: profile.id, displayName: 'Sophie Lenoir', memberId: sophie.id, isAdmin: true })
    await ok(core, session, 'profiles.setPassword', { id: profile.id, newPassword: 'fetes-2026' })
    // Another window tries Sophie's profile with a wrong password.
    expect((await failure(core, { profileId: null }, 'session.open', { profileId: profile.id, password: 'faux' })).code).toBe('WRONG_PASSWORD')
    const questionnaire = await ok(core, session, 'communeProfile.get')
    await ok(core, session, 'communeProfile.update', questionnaire)
    await ok(core, session, 'communeProfile.update', {
      ...questionnaire,
      risks: { ...questionnaire.risks, pprn: true, seismicZone: 3 },
      facilities: { ...questionnaire.facilities, erp: true },
      transferredCompetences: ['eau'],
      agentsFte: 1,
    })
    await ok(core, session, 'themes.assign', { memberId: paul.id, themeId: 'ecole', link: 'interet' })
    await ok(core, session, 'themes.assign', { memberId: paul.id, themeId: 'ecole', link: 'delegation' })
    await ok(core, session, 'themes.assign', { memberId: paul.id, themeId: 'ecole', link: null })

    // The diagnostic.
    const first = await ok(core, session, 'campaigns.create', { name: 'Diagnostic 2026' })
    await ok(core, session, 'answers.save', { campaignId: first.id, criterionId: 'budget-vote-delai', status: 'pas_fait' })
    await ok(core, session, 'answers.save', {
      campaignId: first.id,
      criterionId: 'budget-vote-delai',
      status: 'partiel',
      split: { done: 50, programmed: 30, notDone: 20 },
      comment: 'Voté le 28 avril',
    })
    const evidence = await ok(core, session, 'evidence.add', {
      campaignId: first.id,
      criterionId: 'risques-dicrim',
      fileName: 'dicrim.pdf',
      contentBase64: Buffer.from('%PDF-1.4 dicrim').toString('base64'),
    })
    await ok(core, session, 'evidence.remove', { id: evidence.id })
    await ok(core, session, 'snapshots.take', { campaignId: first.id, label: 'Avant le conseil' })
    await ok(core, session, 'campaigns.update', { id: first.id, name: 'Diagnostic de début de mandat', closed: true })
    await ok(core, session, 'campaigns.create', { name: 'Bilan 2027', copyFrom: first.id })
    const request = await ok(core, session, 'citizenInputs.add', { themeId: 'risques', summary: 'Sirène inaudible', receivedOn: '2026-04-02' })
    await ok(core, session, 'citizenInputs.remove', { id: request.id })

    // A project and everything it holds.
    const project = await ok(core, session, 'projects.create', { title: 'Rénovation de l’école', domainId: 'services', status: 'idee' })
    await ok(core, session, 'projects.update', {
      ...project,
      status: 'en_cours',
      referentMemberId: paul.id,
      startOn: '2026-06-01',
      endOn: '2026-09-30',
      budgetPlannedCents: 1_234_550,
      themeIds: ['ecole'],
      criterionIds: ['ecole-cantine-menus'],
    })
    await ok(core, session, 'participants.add', { projectId: project.id, memberId: secretary.id, role: 'Suivi administratif' })
    const outsider = await ok(core, session, 'participants.add', { projectId: project.id, name: 'Architecte des Bâtiments de France' })
    await ok(core, session, 'participants.remove', { id: outsider.id })
    const action = await ok(core, session, 'actions.create', { projectId: project.id, title: 'Travaux', dueOn: '2026-08-01' })
    await ok(core, session, 'actions.update', { id: action.id, title: 'Travaux d’été', dueOn: '2026-08-15', status: 'en_cours' })
    const task = await ok(core, session, 'tasks.create', {
      projectId: project.id,
      actionId: action.id,
      title: 'Devis',
      assigneeMemberId: paul.id,
      dueOn: '2026-04-30',
      checklist: [{ label: 'Trois entreprises', done: false }],
    })
    await ok(core, session, 'tasks.update', {
      id: task.id,
      actionId: action.id,
      title: 'Devis signé',
      assigneeMemberId: sophie.id,
      dueOn: '2026-05-15',
      status: 'faite',
      checklist: [{ label: 'Trois entreprises', done: true }],
    })
    await ok(core, session, 'comments.add', { projectId: project.id, taskId: task.id, body: 'Réunion avec l’architecte' })
    const file = await ok(core, session, 'attachments.add', {
      projectId: project.id,
      taskId: task.id,
      fileName: 'plan.pdf',
      contentBase64: Buffer.from('%PDF-1.4 plan').toString('base64'),
    })
    const funding = await ok(core, session, 'fundings.create', {
      projectId: project.id,
      funder: 'detr',
      requestedCents: 500_000,
      requestedOn: '2026-02-15',
    })
    await ok(core, session, 'fundings.update', {
      id: funding.id,
      funder: 'detr',
      requestedCents: 500_000,
      obtainedCents: 400_000,
      status: 'accordee',
    })
    const indicator = await ok(core, session, 'indicators.create', { projectId: project.id, label: 'Consommation', unit: 'kWh', lowerIsBetter: true })
    await ok(core, session, 'indicators.update', {
      id: indicator.id,
      label: 'Consommation de chauffage',
      unit: 'kWh',
      lowerIsBetter: true,
      targetValue: 100,
    })
    const measurement = await ok(core, session, 'measurements.add', { indicatorId: indicator.id, measuredOn: '2026-04-01', value: 120 })
    await ok(core, session, 'measurements.remove', { id: measurement.id })
    await ok(core, session, 'attachments.remove', { id: file.id })
    await ok(core, session, 'tasks.remove', { id: task.id })
    await ok(core, session, 'actions.remove', { id: action.id })
    await ok(core, session, 'fundings.remove', { id: funding.id })
    await ok(core, session, 'indicators.remove', { id: indicator.id })
    const other = await ok(core, session, 'projects.create', { title: 'Fleurissement' })
    await ok(core, session, 'projects.remove', { id: other.id })
    await ok(core, session, 'logo.set', {
      fileName: 'blason.png',
      contentBase64: 'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
    })

    // The training of élus.
    // News are written without a relay: they wait in the outbox.
    const alert = await ok(core, session, 'news.create', {
      title: 'Coupure d’eau rue des Écoles',
      body: 'Mardi de 8 h à 12 h.',
      topic: 'voirie',
      publishedOn: '2026-10-01',
      isAlert: true,
      alertUntil: '2026-10-02',
    })
    await ok(core, session, 'news.update', {
      id: alert.id,
      news: { title: 'Coupure d’eau rue des Écoles', body: 'Mardi de 8 h à 14 h.', topic: 'voirie', publishedOn: '2026-10-01' },
    })
    await ok(core, session, 'news.withdraw', { id: alert.id })
    const place = await ok(core, session, 'projects.create', { title: 'Place de la mairie' })
    const poll = await ok(core, session, 'polls.create', {
      kind: 'vote',
      title: 'Quel aménagement pour la place ?',
      projectId: place.id,
      opensOn: '2026-10-01',
      closesOn: '2026-10-15',
      verification: 'habitant',
      questions: [{ kind: 'choix_unique', label: 'Votre choix', options: [{ label: 'Un jardin' }, { label: 'Un parking' }] }],
    })
    const [choice] = poll.questions
    const paperOf = (count: number) => ({
      pollId: poll.id,
      ballots: 5,
      counts: [{ questionId: choice!.id, optionId: choice!.options[0]!.id, count }],
    })
    await ok(core, session, 'pollResults.setPaper', paperOf(3))
    await ok(core, session, 'pollResults.setPaper', paperOf(4))
    await ok(core, session, 'pollResults.removePaper', { pollId: poll.id })
    await ok(core, session, 'polls.update', {
      id: poll.id,
      poll: {
        kind: 'sondage',
        title: 'Aménagement de la place',
        description: 'Votre avis.',
        opensOn: '2026-10-02',
        closesOn: '2026-10-16',
        verification: 'email',
        results: 'en_direct',
        questions: [{ kind: 'texte_court', label: 'Une idée ?' }],
      },
    })
    await ok(core, session, 'polls.withdraw', { id: poll.id })
    const provider = await ok(core, session, 'training.createProvider', { name: 'Association des maires de l’Aube', approved: true })
    await ok(core, session, 'training.updateProvider', {
      id: provider.id,
      name: 'Association des maires de l’Aube',
      approved: true,
      approvalNumber: 'AGR-10',
    })
    const training = await ok(core, session, 'training.create', {
      memberId: paul.id,
      title: 'Finances locales',
      providerId: provider.id,
      startOn: '2026-10-05',
      endOn: '2026-10-06',
      status: 'inscrite',
      costCents: 45_000,
      sourceCriterionId: 'budget-vote-delai',
    })
    await ok(core, session, 'training.update', {
      id: training.id,
      title: 'Finances locales',
      startOn: '2026-10-05',
      status: 'suivie',
    })
    await ok(core, session, 'training.addAttestation', {
      id: training.id,
      fileName: 'attestation.pdf',
      contentBase64: Buffer.from('%PDF-1.4 attestation').toString('base64'),
    })
    await ok(core, session, 'training.removeAttestation', { id: training.id })
    await ok(core, session, 'training.setRights', { memberId: paul.id, isEmployee: true, difBalanceCents: 70_000, difBalanceOn: '2026-09-01' })
    await ok(core, session, 'training.setRights', { memberId: paul.id, isEmployee: false, difBalanceCents: 70_000, difBalanceOn: '2026-09-01' })
    await ok(core, session, 'training.updateSettings', { maxAllowancesCents: 2_000_000, deliberationOn: '2026-04-10' })
    await ok(core, session, 'training.setBudget', { year: 2026, votedCents: 100_000 })
    await ok(core, session, 'training.setBudget', { year: 2026, votedCents: 150_000 })
    await ok(core, session, 'training.remove', { id: training.id })
    await ok(core, session, 'calendar.setBudgetSession', { year: 2027, plannedOn: '2027-03-25' })
    await ok(core, session, 'calendar.setBudgetSession', { year: 2027, plannedOn: '2027-03-30' })
    await ok(core, session, 'calendar.setBudgetSession', { year: 2027, plannedOn: null })
    await ok(core, session, 'applicability.decide', {
      criterionId: 'conseil-reglement-interieur',
      applies: true,
      reason: 'Le conseil a choisi de s’en doter',
    })
    await ok(core, session, 'applicability.decide', {
      criterionId: 'conseil-reglement-interieur',
      applies: true,
      reason: 'Délibération du 3 mars 2027',
    })
    await ok(core, session, 'applicability.undo', { criterionId: 'conseil-reglement-interieur' })
    await ok(core, session, 'training.removeProvider', { id: provider.id })
    // A citizen's contribution, as a pull stores it, answered by the mairie.
    receivePulled(
      core.database.db,
      [
        pulledContribution(1, {
          author: null,
          title: 'Nid-de-poule',
          body: 'Devant le n° 12.',
          createdAt: '2026-10-01T08:00:00.000Z',
          updatedAt: '2026-10-01T08:00:00.000Z',
        }),
      ],
      { at: '2026-10-01T09:00:00.000Z' },
    )
    const [contribution] = (await ok(core, session, 'citizens.list', {})).items
    await ok(core, session, 'citizens.update', { id: contribution!.id, status: 'retenue', publicAnswer: 'Réparé jeudi.', moderation: 'publiee' })

    await ok(core, session, 'profiles.remove', { id: profile.id })
    await ok(core, session, 'members.remove', { id: sophie.id })

    const items: AuditEntry[] = []
    for (let page = 1; ; page++) {
      const { items: more, total } = await ok(core, session, 'audit.list', { page, pageSize: 200 })
      items.push(...more)
      if (items.length >= total) break
    }
    const faults: string[] = []
    for (const { entity, field, display, label } of items) {
      const where = `${entity}${field ? `.${field}` : ''}`
      if (display.entity === 'Autre donnée') faults.push(`${where} : type d’enregistrement sans nom`)
      if (display.field === 'Autre information') faults.push(`${where} : champ sans libellé`)
      for (const [side, text] of [
        ['avant', display.before],
        ['après', display.after],
        ['objet', label ?? ''],
      ] as const) {
        for (const { what, pattern } of RAW) if (pattern.test(text)) faults.push(`${where} (${side}) montre ${what} : « ${text} »`)
      }
    }
    expect(faults).toEqual([])
    // Every kind of record the journal knows was written here: the check above covered them all.
    expect(Object.keys(ENTITY_LABELS).filter((entity) => !items.some((e) => e.entity === entity) && !WRITTEN_ELSEWHERE[entity])).toEqual([])

    const find = (entity: string, field: string | null, action = 'update') =>
      items.find((e) => e.entity === entity && e.field === field && e.action === action)!
    // « Création · Réponse » names the criterion.
    const budgetAnswer = items.find(
      (e) => e.entity === 'answer' && e.action === 'create' && (e.after as { criterionId?: string }).criterionId === 'budget-vote-delai',
    )!
    expect(budgetAnswer.display).toMatchObject({ action: 'Création', entity: 'Réponse' })
    expect(budgetAnswer.label).toBe('Le budget primitif est-il voté dans les délais légaux ?')
    expect(find('answer', 'split').display.after).toBe('fait 50 %, programmé 30 %, pas fait 20 %')
    expect(find('task', 'assigneeMemberId').display).toMatchObject({ field: 'Responsable', before: 'Paul Bernard', after: 'Sophie Lenoir' })
    expect(find('task', 'completedAt').display.after).toMatch(/^(1er|\d{1,2}) [a-zéû]+ \d{4} à \d\d:\d\d$/)
    expect(find('project', 'referentMemberId').display).toMatchObject({ field: 'Élu référent', before: '—', after: 'Paul Bernard' })
    expect(find('member', 'role').display).toMatchObject({ before: 'Adjointe au maire', after: 'Conseillère municipale déléguée' })
    expect(find('communeProfile', 'risks').display).toMatchObject({
      before: 'PPRN approuvé : Non, Zone de sismicité : —',
      after: 'PPRN approuvé : Oui, Zone de sismicité : 3',
    })
    expect(find('themeAssignment', null, 'create').label).toBe('Paul Bernard — École et restauration scolaire')
  }, 60_000)
})
