/** What the diagnostic handlers read from the database: the profile, the applicability context, campaigns and their scores. */
import { desc, eq, sql } from 'drizzle-orm'
import { AppError } from '../../../shared/errors'
import { answerSplitSchema, type AnswerSplit } from '../../../shared/contract/answers'
import { type Campaign } from '../../../shared/contract/campaigns'
import { type ScoreTree } from '../../../shared/contract/diagnostic'
import {
  applicabilityContext,
  communeProfileSchema,
  EMPTY_PROFILE,
  type ApplicabilityContext,
  type CommuneProfile,
  type Populations,
} from '../../../shared/referentiel/profile'
import { readDecisions } from '../applicability/queries'
import { contributionCountsByTheme } from '../citizens/theme-counts'
import { criterionApplicability, type Applicability } from '../../../shared/referentiel/applicability'
import type { CoreEnvironment } from '../context'
import type { Db } from '../db/open'
import { answers, campaigns, citizenInputs, commune, communeProfile } from '../db/schema'
import { freezeCampaign, readFrozen, type FrozenCampaign } from './frozen'
import { round1, computeScores, type ScoredAnswer } from './scoring'

export type CampaignRow = typeof campaigns.$inferSelect

export function readCommuneProfile(db: Db): CommuneProfile {
  const row = db.select().from(communeProfile).where(eq(communeProfile.id, 1)).get()
  if (!row) return EMPTY_PROFILE
  // Validated on write; parsing again fills defaults added to the questionnaire since.
  const parsed = communeProfileSchema.safeParse(JSON.parse(row.answers))
  return parsed.success ? parsed.data : EMPTY_PROFILE
}

/** True once someone confirmed the profile (the wizard's step or Paramètres), false while it is only defaults. */
export function isProfileReviewed(db: Db): boolean {
  const row = db.select({ reviewedAt: communeProfile.reviewedAt }).from(communeProfile).where(eq(communeProfile.id, 1)).get()
  return (row?.reviewedAt ?? null) !== null
}

/**
 * The populations the rules compare: the population totale the commune entered, or — until it does — the
 * directory's population municipale standing in for it (shown as such everywhere).
 */
export function communePopulations(db: Db): Populations {
  const row = db.select({ municipale: commune.population, totale: commune.populationTotale }).from(commune).where(eq(commune.id, 1)).get()
  if (!row) throw new AppError('NOT_SET_UP', "La commune n'est pas encore renseignée : terminez l'assistant de démarrage.")
  return { totale: row.totale ?? row.municipale, municipale: row.municipale, totaleFromMunicipale: row.totale === null }
}

/** Population and région from the commune's row, the profile questionnaire and the administrator's decisions. */
export function communeContext(db: Db): ApplicabilityContext {
  const row = db.select({ regionCode: commune.regionCode }).from(commune).where(eq(commune.id, 1)).get()
  if (!row) throw new AppError('NOT_SET_UP', "La commune n'est pas encore renseignée : terminez l'assistant de démarrage.")
  return { ...applicabilityContext(communePopulations(db), row.regionCode, readCommuneProfile(db)), decisions: readDecisions(db) }
}

/** The population that places the commune in a size band: the population totale in use. */
export function communePopulation(db: Db): number | null {
  return communePopulations(db).totale
}

export function getCampaignRow(db: Db, id: number): CampaignRow {
  const row = db.select().from(campaigns).where(eq(campaigns.id, id)).get()
  if (!row) throw new AppError('NOT_FOUND', "Cette campagne de diagnostic n'existe plus : la liste a peut-être été modifiée entre-temps.")
  return row
}

/** Refuses changes to a closed campaign. */
export function assertOpen(row: CampaignRow): void {
  if (row.closedAt !== null) {
    throw new AppError(
      'CONFLICT',
      `La campagne est close : ses réponses ne peuvent plus être modifiées. Un administrateur peut rouvrir « ${row.name} » si besoin.`,
    )
  }
}

export function parseSplit(text: string | null): AnswerSplit | null {
  if (text === null) return null
  const parsed = answerSplitSchema.safeParse(JSON.parse(text))
  return parsed.success ? parsed.data : null
}

export function campaignAnswers(db: Db, campaignId: number): Map<string, ScoredAnswer> {
  const rows = db
    .select({ criterionId: answers.criterionId, status: answers.status, split: answers.split })
    .from(answers)
    .where(eq(answers.campaignId, campaignId))
    .all()
  return new Map(rows.map((r) => [r.criterionId, { status: r.status, split: parseSplit(r.split) }]))
}

/** Citizens' demands per theme: those entered at the mairie plus the portal's contributions linked to the theme. */
export function citizenInputCounts(db: Db): Map<string, number> {
  const counts = contributionCountsByTheme(db)
  const rows = db
    .select({ themeId: citizenInputs.themeId, n: sql<number>`count(*)` })
    .from(citizenInputs)
    .groupBy(citizenInputs.themeId)
    .all()
  for (const r of rows) counts.set(r.themeId, (counts.get(r.themeId) ?? 0) + r.n)
  return counts
}

/** The scores of an open campaign with the current référentiel and commune facts. */
export function liveScores(env: Pick<CoreEnvironment, 'referentiel'>, db: Db, campaignId: number): ScoreTree {
  return computeScores({
    referentiel: env.referentiel().referentiel,
    context: communeContext(db),
    answers: campaignAnswers(db, campaignId),
    citizenInputs: citizenInputCounts(db),
  })
}

/** Computes what a campaign shows now and stores it with the campaign: called when it is closed. */
export function freezeNow(env: Pick<CoreEnvironment, 'referentiel' | 'now'>, db: Db, campaignId: number): FrozenCampaign {
  const { referentiel } = env.referentiel()
  const frozen = freezeCampaign(referentiel, communeContext(db), liveScores(env, db, campaignId), env.now().toISOString())
  db.update(campaigns)
    .set({ frozen: JSON.stringify(frozen) })
    .where(eq(campaigns.id, campaignId))
    .run()
  return frozen
}

/**
 * What a campaign shows: live for an open one; for a closed one, exactly what it showed when it was closed. A
 * campaign closed before versions were kept is frozen the first time it is read, so it stops moving from then on.
 */
export function campaignFrozen(env: Pick<CoreEnvironment, 'referentiel' | 'now'>, db: Db, row: CampaignRow): FrozenCampaign | null {
  if (row.closedAt === null) return null
  return readFrozen(row.frozen) ?? freezeNow(env, db, row.id)
}

/** Each criterion's applicability in a campaign: frozen when it is closed, the rule or the commune's decision while open. */
export function campaignApplicability(env: Pick<CoreEnvironment, 'referentiel' | 'now'>, db: Db, row: CampaignRow): Record<string, Applicability> {
  const frozen = campaignFrozen(env, db, row)
  if (frozen) return frozen.applicability
  const context = communeContext(db)
  const live: Record<string, Applicability> = {}
  for (const { criterion } of env.referentiel().criteria.values()) live[criterion.id] = criterionApplicability(criterion, context)
  return live
}

/** The scores of a campaign: frozen when it is closed, live while it is open. */
export function campaignScores(env: Pick<CoreEnvironment, 'referentiel' | 'now'>, db: Db, campaignId: number): ScoreTree {
  const row = getCampaignRow(db, campaignId)
  return campaignFrozen(env, db, row)?.scores ?? liveScores(env, db, campaignId)
}

export function toCampaign(row: CampaignRow, scores: ScoreTree): Campaign {
  const { applicableCriteria, answeredCriteria } = scores.overall
  return {
    id: row.id,
    name: row.name,
    referentielVersion: row.referentielVersion,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    closedAt: row.closedAt,
    answeredPercent: applicableCriteria === 0 ? 0 : round1((answeredCriteria * 100) / applicableCriteria),
    score: scores.overall.done,
  }
}

export function listCampaignRows(db: Db): CampaignRow[] {
  return db.select().from(campaigns).orderBy(desc(campaigns.createdAt), desc(campaigns.id)).all()
}
