/**
 * A commune with something in every part of every report, written through the contract as a user would: two
 * diagnostic campaigns (the real référentiel), a snapshot, projects with accents, « guillemets », œ and €, actions,
 * tasks, fundings, indicators with measurements, comments. Used by the report tests and the report benchmark.
 */
import type { Core } from '../core'
import type { Session } from '../context'
import { ok } from './index'

export interface SeededCommune {
  campaignId: number
  previousCampaignId: number
  schoolId: number
  lightingId: number
  /** Sum of budgetPlannedCents over every project not abandoned (what the dashboard totals). */
  plannedCents: number
}

export const SCHOOL_TITLE = 'Rénovation de l’école « Les Œillets » et de sa cour'
export const LIGHTING_TITLE = 'Éclairage public : passage aux LED'

export async function seedReportCommune(core: Core, session: Session): Promise<SeededCommune> {
  const referentiel = await ok(core, session, 'referentiel.get')
  const criteria = referentiel.domains.flatMap((d) => d.themes.flatMap((t) => t.criteria))
  const members = await ok(core, session, 'members.list')
  const paul = members.find((m) => m.firstName === 'Paul')!
  const sophie = members.find((m) => m.firstName === 'Sophie')!

  const previous = await ok(core, session, 'campaigns.create', { name: 'Diagnostic d’entrée 2026', copyFrom: null })
  for (const [index, criterion] of criteria.entries()) {
    if (index % 3 === 0) continue
    await ok(core, session, 'answers.save', {
      campaignId: previous.id,
      criterionId: criterion.id,
      status: index % 2 === 0 ? 'fait' : 'pas_fait',
      split: null,
      comment: '',
    })
  }
  await ok(core, session, 'snapshots.take', { campaignId: previous.id, label: 'Installation du conseil' })

  const current = await ok(core, session, 'campaigns.create', { name: 'Bilan de mi-mandat', copyFrom: previous.id })
  const statuses = ['fait', 'fait', 'programme', 'pas_fait', 'fait', 'non_renseigne'] as const
  for (const [index, criterion] of criteria.entries()) {
    const status = statuses[index % statuses.length]!
    await ok(core, session, 'answers.save', {
      campaignId: current.id,
      criterionId: criterion.id,
      status,
      split: null,
      comment: index % 7 === 0 ? 'Délibération adoptée ; cœur du sujet vu avec l’ATD « Aube ».' : '',
    })
  }

  const school = await ok(core, session, 'projects.create', {
    title: SCHOOL_TITLE,
    description:
      'Isolation de la façade, menuiseries et cour « oasis » : moins de chaleur l’été, moins de chauffage l’hiver. Maître d’œuvre : cabinet Cœur d’Aube.',
    domainId: referentiel.domains[0]!.id,
    status: 'en_cours',
    priority: 'prioritaire',
    referentMemberId: sophie.id,
    startOn: '2026-09-01',
    endOn: '2027-08-31',
    budgetPlannedCents: 18_500_000,
    budgetCommittedCents: 9_250_050,
    budgetSpentCents: 1_234_567,
  })
  const works = await ok(core, session, 'actions.create', {
    projectId: school.id,
    title: 'Travaux d’isolation',
    description: '',
    startOn: '2027-04-01',
    dueOn: '2027-08-15',
    status: 'en_cours',
  })
  await ok(core, session, 'tasks.create', {
    projectId: school.id,
    actionId: works.id,
    title: 'Choisir l’entreprise (appel d’offres)',
    assigneeMemberId: sophie.id,
    dueOn: '2026-10-15',
    status: 'en_cours',
    checklist: [
      { label: 'Publier l’avis', done: true },
      { label: 'Analyser les offres', done: false },
    ],
  })
  await ok(core, session, 'tasks.create', {
    projectId: school.id,
    actionId: works.id,
    title: 'Réunion de chantier n° 1',
    assigneeMemberId: paul.id,
    dueOn: '2027-05-02',
  })
  await ok(core, session, 'tasks.create', {
    projectId: school.id,
    title: 'Informer les parents d’élèves',
    assigneeMemberId: null,
    dueOn: '2027-03-01',
    status: 'faite',
  })
  await ok(core, session, 'fundings.create', {
    projectId: school.id,
    funder: 'detr',
    label: 'DETR 2027',
    requestedCents: 7_400_000,
    obtainedCents: 5_550_000,
    status: 'accordee',
    requestedOn: '2026-12-15',
    decidedOn: '2027-03-10',
  })
  await ok(core, session, 'fundings.create', {
    projectId: school.id,
    funder: 'region',
    label: 'Climaxion',
    requestedCents: 2_000_000,
    status: 'demandee',
    requestedOn: '2027-01-10',
  })
  await ok(core, session, 'comments.add', { projectId: school.id, body: 'Le conseil d’école a validé le calendrier.' })
  // The update carries the whole project (unknown keys are dropped by the contract): only the amount changes.
  await ok(core, session, 'projects.update', { ...school, budgetCommittedCents: 9_300_000 })

  const lighting = await ok(core, session, 'projects.create', {
    title: LIGHTING_TITLE,
    status: 'termine',
    priority: 'haute',
    referentMemberId: paul.id,
    startOn: '2026-04-01',
    endOn: '2026-10-31',
    budgetPlannedCents: 4_500_000,
    budgetCommittedCents: 4_500_000,
    budgetSpentCents: 4_412_345,
  })
  const kwh = await ok(core, session, 'indicators.create', {
    projectId: lighting.id,
    label: 'Consommation de l’éclairage public',
    unit: 'kWh/an',
    targetValue: 20_000,
    lowerIsBetter: true,
  })
  await ok(core, session, 'measurements.add', { indicatorId: kwh.id, measuredOn: '2025-12-31', value: 48_200 })
  await ok(core, session, 'measurements.add', { indicatorId: kwh.id, measuredOn: '2026-11-15', value: 21_350.5 })

  await ok(core, session, 'projects.create', { title: 'Projet abandonné', status: 'abandonne', budgetPlannedCents: 99_900 })

  return {
    campaignId: current.id,
    previousCampaignId: previous.id,
    schoolId: school.id,
    lightingId: lighting.id,
    plannedCents: 18_500_000 + 4_500_000,
  }
}
