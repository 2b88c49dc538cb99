/**
 * What the training handlers, the dashboard, the calendar and the reports read about the training of élus. Every
 * figure goes through here (and the pure rules of rules.ts), so the page, the dashboard line, the PDF table and the
 * spreadsheet say the same thing.
 */
import { asc, eq, inArray, sql } from 'drizzle-orm'
import type { CalendarEntry } from '../../../shared/contract/calendar'
import type {
  BudgetYear,
  MemberTraining,
  Training,
  TrainingObligations,
  TrainingProvider,
  TrainingSuggestion,
  YearTable,
} from '../../../shared/contract/training'
import { AppError } from '../../../shared/errors'
import { adjointRankLabel, isElectedRole, ROLE_LABELS, ROLES_WITH_DELEGATION, type MemberRole } from '../../../shared/roles'
import type { CoreEnvironment } from '../context'
import type { Db } from '../db/open'
import { members, settings, themeAssignments, trainingBudgets, trainingProviders, trainingRights, trainings } from '../db/schema'
import { DEFAULT_MANDATE } from '../../../shared/contract'
import { currentMandate } from '../commune/queries'
import { campaignScores, listCampaignRows } from '../diagnostic/read'
import { addMonths } from '../days'
import { trainingContent } from './content'
import {
  budgetYear,
  domainsOfDelegation,
  firstYearEndsOn,
  isCommitted,
  leaveDays,
  plannedInFirstYear,
  trainedInFirstYear,
  type MandateSpan,
} from './rules'

type TrainingRow = typeof trainings.$inferSelect
type ReadEnv = Pick<CoreEnvironment, 'db' | 'referentiel' | 'now'>

const SETTINGS_KEY = 'training'
/** The CGCT on Légifrance, as the référentiel links it. */
const CGCT_URL = 'https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006070633/'

export interface TrainingSettings {
  maxAllowancesCents: number | null
  deliberationOn: string | null
}

export function readTrainingSettings(db: Db): TrainingSettings {
  const row = db.select().from(settings).where(eq(settings.key, SETTINGS_KEY)).get()
  const value = row ? (JSON.parse(row.value) as Partial<TrainingSettings>) : {}
  return { maxAllowancesCents: value.maxAllowancesCents ?? null, deliberationOn: value.deliberationOn ?? null }
}

export function writeTrainingSettings(db: Db, value: TrainingSettings): void {
  const text = JSON.stringify(value)
  db.insert(settings)
    .values({ key: SETTINGS_KEY, value: text })
    .onConflictDoUpdate({ target: settings.key, set: { value: text } })
    .run()
}

/** The current mandate (the latest one); the default one until the setup recorded it. */
export function mandateSpan(db: Db): MandateSpan {
  return currentMandate(db) ?? DEFAULT_MANDATE
}

export function memberRoleLabel(member: { role: MemberRole; rank: number | null }): string {
  return member.role === 'adjoint' && member.rank ? adjointRankLabel(member.rank) : ROLE_LABELS[member.role]
}

export function getTrainingRow(db: Db, id: number): TrainingRow {
  const row = db.select().from(trainings).where(eq(trainings.id, id)).get()
  if (!row) throw new AppError('NOT_FOUND', "Cette formation n'existe plus : la liste a peut-être été modifiée entre-temps.")
  return row
}

export function listProviders(db: Db): TrainingProvider[] {
  const used = new Map(
    db
      .select({ providerId: trainings.providerId, n: sql<number>`count(*)` })
      .from(trainings)
      .groupBy(trainings.providerId)
      .all()
      .map((r) => [r.providerId, r.n]),
  )
  return db
    .select()
    .from(trainingProviders)
    .orderBy(asc(trainingProviders.name), asc(trainingProviders.id))
    .all()
    .map((p) => ({
      id: p.id,
      name: p.name,
      approved: p.approved,
      approvalNumber: p.approvalNumber,
      contact: p.contact,
      trainings: used.get(p.id) ?? 0,
    }))
}

export function toTraining(row: TrainingRow, providers: ReadonlyMap<number, TrainingProvider>): Training {
  const provider = row.providerId === null ? undefined : providers.get(row.providerId)
  return {
    id: row.id,
    memberId: row.memberId,
    title: row.title,
    providerId: row.providerId,
    providerName: provider?.name ?? null,
    providerApproved: provider ? provider.approved : null,
    providerApprovalNumber: provider ? provider.approvalNumber : null,
    startOn: row.startOn,
    endOn: row.endOn,
    durationHours: row.durationHours,
    mode: row.mode,
    domainId: row.domainId,
    costCents: row.costCents,
    funding: row.funding,
    travelCents: row.travelCents,
    lostIncomeCents: row.lostIncomeCents,
    leaveDays: row.leaveDays,
    status: row.status,
    notes: row.notes,
    sourceThemeId: row.sourceThemeId,
    sourceCriterionId: row.sourceCriterionId,
    attestation:
      row.attestationSha256 === null
        ? null
        : {
            fileName: row.attestationFileName ?? 'attestation',
            mimeType: row.attestationMimeType ?? 'application/octet-stream',
            size: row.attestationSize ?? 0,
          },
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  }
}

/** The trainings of some members (all when `memberIds` is null), oldest first, undated wishes last. */
function trainingsByMember(db: Db, memberIds: number[] | null): Map<number, TrainingRow[]> {
  const query = db.select().from(trainings)
  const rows = (memberIds === null ? query : query.where(inArray(trainings.memberId, memberIds)))
    .orderBy(sql`${trainings.startOn} IS NULL`, asc(trainings.startOn), asc(trainings.id))
    .all()
  const byMember = new Map<number, TrainingRow[]>()
  for (const row of rows) byMember.set(row.memberId, [...(byMember.get(row.memberId) ?? []), row])
  return byMember
}

/** The commune's part of a training it pays: teaching, travel and stay, compensated loss of income. */
export function communeCostCents(row: Pick<TrainingRow, 'costCents' | 'travelCents' | 'lostIncomeCents'>): number {
  return row.costCents + row.travelCents + row.lostIncomeCents
}

interface Finding {
  kind: 'obligation' | 'faiblesse'
  themeId: string
  domainId: string
  criterionId: string | null
  title: string
  detail: string
  nextStep: string
}

/** The latest campaign's unmet obligations (answered and not done) and weak themes (answered); none before the first campaign. */
function diagnosticFindings(env: ReadEnv): Finding[] {
  const latest = listCampaignRows(env.db)[0]
  if (!latest) return []
  const scores = campaignScores(env, env.db, latest.id)
  const obligations: Finding[] = scores.blocking
    .filter((b) => b.status !== 'non_renseigne')
    .map((b) => ({
      kind: 'obligation',
      themeId: b.themeId,
      domainId: b.domainId,
      criterionId: b.criterionId,
      title: b.themeTitle,
      detail: b.question,
      nextStep: b.nextStep,
    }))
  // A theme nobody has answered yet is « à renseigner », not weak: only themes with answers count.
  const answered = new Set(scores.domains.flatMap((d) => d.themes.filter((t) => t.answeredCriteria > 0).map((t) => t.themeId)))
  const weak: Finding[] = scores.weaknesses
    .filter((w) => w.kind === 'theme' && answered.has(w.themeId))
    .map((w) => ({
      kind: 'faiblesse',
      themeId: w.themeId,
      domainId: w.domainId,
      criterionId: null,
      title: w.title,
      detail: w.detail,
      nextStep: w.nextStep,
    }))
  return [...obligations, ...weak]
}

/** The domains an élu is in charge of: the themes marked « délégation », then the words of the délégation. */
function memberDomains(env: ReadEnv, delegation: string, delegatedThemes: string[]): string[] {
  const { themes } = env.referentiel()
  const domains = delegatedThemes.map((id) => themes.get(id)?.domain.id).filter((id): id is string => id !== undefined)
  for (const id of domainsOfDelegation(delegation, trainingContent().catalogue)) domains.push(id)
  return [...new Set(domains)]
}

function suggestionsFor(
  env: ReadEnv,
  member: { delegation: string },
  delegatedThemes: string[],
  findings: Finding[],
  existing: TrainingRow[],
): TrainingSuggestion[] {
  const loaded = env.referentiel()
  const domainTitle = (id: string) => loaded.referentiel.domains.find((d) => d.id === id)?.title ?? id
  const domains = memberDomains(env, member.delegation, delegatedThemes)
  const taken = new Set(
    existing.flatMap((t) => [
      t.sourceCriterionId ? `criterion:${t.sourceCriterionId}` : '',
      t.sourceThemeId ? `theme:${t.sourceThemeId}` : '',
      t.title,
    ]),
  )
  const out: TrainingSuggestion[] = []
  const push = (s: TrainingSuggestion) => {
    if (taken.has(s.key) || taken.has(s.title) || out.some((o) => o.key === s.key)) return
    out.push(s)
  }
  for (const f of findings) {
    if (!domains.includes(f.domainId)) continue
    push({
      key: f.kind === 'obligation' ? `criterion:${f.criterionId}` : `theme:${f.themeId}`,
      title: f.title,
      description: f.nextStep || f.detail,
      domainId: f.domainId,
      domainTitle: domainTitle(f.domainId),
      themeId: f.themeId,
      criterionId: f.criterionId,
      reason: f.kind === 'obligation' ? `Obligation non remplie : ${f.detail}` : `Point faible du diagnostic : ${f.detail}`,
      kind: f.kind,
    })
  }
  const catalogue = trainingContent().catalogue
  // Without a délégation, the basics of the mandate.
  for (const domainId of domains.length > 0 ? domains : ['gouvernance']) {
    const entry = catalogue.find((c) => c.domainId === domainId)
    for (const [index, theme] of (entry?.themes ?? []).entries()) {
      push({
        key: `catalogue:${domainId}:${index}`,
        title: theme.title,
        description: theme.description,
        domainId,
        domainTitle: domainTitle(domainId),
        themeId: null,
        criterionId: null,
        reason: member.delegation ? `Votre délégation : ${member.delegation}` : 'Les bases du mandat',
        kind: 'delegation',
      })
    }
  }
  return out
}

/** Every élu (or one) with rights, trainings and suggestions; agents are left out. */
export function memberTrainings(env: ReadEnv, onlyMemberId: number | null = null): MemberTraining[] {
  const { db } = env
  const content = trainingContent()
  const mandate = mandateSpan(db)
  const lastDay = firstYearEndsOn(mandate.installedOn, content.rules.firstYearMonths)
  const people = db
    .select()
    .from(members)
    .where(onlyMemberId === null ? undefined : eq(members.id, onlyMemberId))
    .all()
    .filter((m) => isElectedRole(m.role))
  const ids = people.map((p) => p.id)
  const byMember = trainingsByMember(db, onlyMemberId === null ? null : ids)
  const rights = new Map(
    db
      .select()
      .from(trainingRights)
      .all()
      .map((r) => [r.memberId, r]),
  )
  const delegated = new Map<number, string[]>()
  for (const a of db.select().from(themeAssignments).where(eq(themeAssignments.link, 'delegation')).all()) {
    delegated.set(a.memberId, [...(delegated.get(a.memberId) ?? []), a.themeId])
  }
  const providers = new Map(listProviders(db).map((p) => [p.id, p]))
  const findings = diagnosticFindings(env)
  const order: Record<string, number> = { maire: 0, adjoint: 1, conseiller_delegue: 2, conseiller_municipal: 3 }
  return people
    .sort((a, b) => (order[a.role] ?? 9) - (order[b.role] ?? 9) || (a.rank ?? 99) - (b.rank ?? 99) || a.lastName.localeCompare(b.lastName, 'fr'))
    .map((m) => {
      const rows = byMember.get(m.id) ?? []
      const own = rights.get(m.id)
      const days = leaveDays(rows, mandate)
      return {
        memberId: m.id,
        firstName: m.firstName,
        lastName: m.lastName,
        role: m.role,
        rank: m.rank,
        delegation: m.delegation,
        hasDelegation: ROLES_WITH_DELEGATION.includes(m.role),
        trainedInFirstYear: trainedInFirstYear(rows, mandate.installedOn, lastDay),
        rights: {
          isEmployee: own?.isEmployee ?? false,
          difBalanceCents: own?.difBalanceCents ?? null,
          difBalanceOn: own?.difBalanceOn ?? null,
          leaveDaysLimit: content.rules.trainingLeaveDays,
          leaveDaysUsed: days.used,
          leaveDaysPlanned: days.planned,
          incomeLossDaysLimit: content.rules.incomeLossDays,
        },
        trainings: rows.map((r) => toTraining(r, providers)),
        suggestions: suggestionsFor(env, m, delegated.get(m.id) ?? [], findings, rows),
      }
    })
}

/** The first-year obligation and the délibération, from the élus' trainings. */
export function trainingObligations(db: Db, people: MemberTraining[]): TrainingObligations {
  const content = trainingContent()
  const mandate = mandateSpan(db)
  const lastDay = firstYearEndsOn(mandate.installedOn, content.rules.firstYearMonths)
  const delegates = people.filter((p) => p.hasDelegation)
  return {
    installedOn: mandate.installedOn,
    firstYearEndsOn: lastDay,
    delegatesTotal: delegates.length,
    untrained: delegates
      .filter((p) => !p.trainedInFirstYear)
      .map((p) => ({
        memberId: p.memberId,
        name: `${p.firstName} ${p.lastName}`,
        roleLabel: memberRoleLabel(p),
        planned: plannedInFirstYear(p.trainings, lastDay),
      })),
    deliberation: {
      dueOn: mandate.installedOn === null ? null : addMonths(mandate.installedOn, content.rules.deliberationMonths),
      recordedOn: readTrainingSettings(db).deliberationOn,
    },
  }
}

/** The budget of a year: credits voted and carried over, what the commune's trainings committed and spent. */
export function trainingBudget(db: Db, year: number): BudgetYear {
  const content = trainingContent()
  const mandate = mandateSpan(db)
  const budgets = new Map(
    db
      .select()
      .from(trainingBudgets)
      .all()
      .map((b) => [b.year, b]),
  )
  const expenses = new Map<number, { committedCents: number; spentCents: number }>()
  const rows = db.select().from(trainings).where(eq(trainings.funding, 'budget_communal')).all()
  for (const row of rows) {
    if (row.startOn === null) continue
    const y = Number(row.startOn.slice(0, 4))
    const entry = expenses.get(y) ?? { committedCents: 0, spentCents: 0 }
    if (row.status === 'suivie') entry.spentCents += communeCostCents(row)
    else if (isCommitted(row.status)) entry.committedCents += communeCostCents(row)
    expenses.set(y, entry)
  }
  return budgetYear({
    year,
    maxAllowancesCents: readTrainingSettings(db).maxAllowancesCents,
    floorPercent: content.rules.budgetFloorPercent,
    ceilingPercent: content.rules.budgetCeilingPercent,
    renewalYears: [mandate.startYear, mandate.endYear],
    budgets,
    expenses,
  })
}

/** The trainings the commune financed and that were followed in a year: the table annexed to the accounts. */
export function yearTable(db: Db, year: number): YearTable {
  const people = new Map(
    db
      .select()
      .from(members)
      .all()
      .map((m) => [m.id, m]),
  )
  const providers = new Map(listProviders(db).map((p) => [p.id, p]))
  const rows = db
    .select()
    .from(trainings)
    .where(sql`${trainings.funding} = 'budget_communal' AND ${trainings.status} = 'suivie' AND substr(${trainings.startOn}, 1, 4) = ${String(year)}`)
    .orderBy(asc(trainings.startOn), asc(trainings.id))
    .all()
    .map((row) => {
      const member = people.get(row.memberId)!
      const provider = row.providerId === null ? undefined : providers.get(row.providerId)
      return {
        trainingId: row.id,
        memberName: `${member.firstName} ${member.lastName}`,
        roleLabel: memberRoleLabel(member),
        title: row.title,
        providerName: provider?.name ?? '',
        approvalNumber: provider?.approved ? provider.approvalNumber : '',
        startOn: row.startOn!,
        endOn: row.endOn,
        durationHours: row.durationHours,
        costCents: row.costCents,
        travelCents: row.travelCents,
        lostIncomeCents: row.lostIncomeCents,
        totalCents: communeCostCents(row),
      }
    })
  const sum = (key: 'costCents' | 'travelCents' | 'lostIncomeCents' | 'totalCents') => rows.reduce((total, r) => total + r[key], 0)
  return {
    year,
    rows,
    totals: { costCents: sum('costCents'), travelCents: sum('travelCents'), lostIncomeCents: sum('lostIncomeCents'), totalCents: sum('totalCents') },
    budget: trainingBudget(db, year),
  }
}

/** The dashboard's line: élus with a délégation not yet trained in the first year. */
export function trainingDashboard(env: ReadEnv): { delegatesTotal: number; untrained: number; firstYearEndsOn: string | null } | null {
  const people = memberTrainings(env)
  const obligations = trainingObligations(env.db, people)
  if (obligations.delegatesTotal === 0) return null
  return { delegatesTotal: obligations.delegatesTotal, untrained: obligations.untrained.length, firstYearEndsOn: obligations.firstYearEndsOn }
}

/** The calendar's entry for the end of the first year while élus with a délégation are not trained yet. */
export function firstYearCalendarEntry(env: ReadEnv): CalendarEntry | null {
  const people = memberTrainings(env)
  const obligations = trainingObligations(env.db, people)
  if (obligations.firstYearEndsOn === null || obligations.untrained.length === 0) return null
  const names = obligations.untrained.map((u) => u.name).join(', ')
  const n = obligations.untrained.length
  return {
    deadlineId: 'formation-premiere-annee',
    title: 'Fin de la première année : formation des élus délégués',
    description: `${n} élu${n > 1 ? 's' : ''} ayant une délégation ${n > 1 ? 'n’ont' : 'n’a'} pas encore suivi de formation : ${names}.`,
    dueOn: obligations.firstYearEndsOn,
    windowStart: null,
    fromBudgetSession: false,
    criterionId: 'formation-elus-delegues',
    legalBasis: [{ code: 'CGCT', article: 'L2123-12', url: CGCT_URL, checkedOn: trainingContent().checkedOn }],
    link: '/formation',
  }
}
