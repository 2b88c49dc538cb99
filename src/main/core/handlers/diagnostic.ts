import { eq } from 'drizzle-orm'
import { scoreTreeSchema, type Comparison, type ScoreTree } from '../../../shared/contract'
import { AppError } from '../../../shared/errors'
import { campaigns, snapshots } from '../db/schema'
import { peerComparison } from '../diagnostic/peers'
import { campaignAnswers, campaignApplicability, campaignScores, getCampaignRow, isProfileReviewed, toCampaign } from '../diagnostic/read'
import { round1 } from '../diagnostic/scoring'
import { contentChangeFor } from '../diagnostic/version-change'
import type { HandlerContext, HandlersOf } from '../handler'

type Source = { campaignId: number } | { snapshotId: number }

interface ResolvedSource {
  label: string
  at: string
  scores: ScoreTree
}

function resolve(source: Source, context: HandlerContext): ResolvedSource {
  if ('campaignId' in source) {
    const row = getCampaignRow(context.db, source.campaignId)
    return { label: row.name, at: context.now().toISOString(), scores: campaignScores(context, context.db, row.id) }
  }
  const row = context.db
    .select({ label: snapshots.label, takenAt: snapshots.takenAt, scores: snapshots.scores, campaignName: campaigns.name })
    .from(snapshots)
    .innerJoin(campaigns, eq(campaigns.id, snapshots.campaignId))
    .where(eq(snapshots.id, source.snapshotId))
    .get()
  if (!row) throw new AppError('NOT_FOUND', "Cet instantané n'existe plus : la liste a peut-être été modifiée entre-temps.")
  return { label: `${row.campaignName} — ${row.label}`, at: row.takenAt, scores: scoreTreeSchema.parse(JSON.parse(row.scores)) }
}

function row(
  id: string,
  title: string,
  domainId: string,
  level: 'overall' | 'domain' | 'theme',
  before: number | null,
  after: number | null,
): Comparison['rows'][number] {
  return { id, title, domainId, level, before, after, delta: before === null || after === null ? null : round1(after - before) }
}

/** Overall, then each domain followed by its themes; a side where the domain or theme does not apply (or did not exist) is null. */
function compareTrees(before: ScoreTree, after: ScoreTree): Comparison['rows'] {
  const score = (applies: boolean | undefined, done: number | undefined) => (applies ? done! : null)
  const overallScore = (tree: ScoreTree) => (tree.overall.potential > 0 ? tree.overall.done : null)
  const rows = [row('overall', 'Score global', '', 'overall', overallScore(before), overallScore(after))]
  const domainIds = [...new Set([...after.domains.map((d) => d.domainId), ...before.domains.map((d) => d.domainId)])]
  for (const domainId of domainIds) {
    const b = before.domains.find((d) => d.domainId === domainId)
    const a = after.domains.find((d) => d.domainId === domainId)
    rows.push(row(domainId, (a ?? b)!.title, domainId, 'domain', score(b?.applies, b?.done), score(a?.applies, a?.done)))
    const themeIds = [...new Set([...(a?.themes ?? []).map((t) => t.themeId), ...(b?.themes ?? []).map((t) => t.themeId)])]
    for (const themeId of themeIds) {
      const bt = b?.themes.find((t) => t.themeId === themeId)
      const at = a?.themes.find((t) => t.themeId === themeId)
      rows.push(row(themeId, (at ?? bt)!.title, domainId, 'theme', score(bt?.applies, bt?.done), score(at?.applies, at?.done)))
    }
  }
  return rows
}

export const diagnosticHandlers: HandlersOf<'diagnostic'> = {
  'diagnostic.get': ({ campaignId }, context) => {
    const campaign = getCampaignRow(context.db, campaignId)
    const scores = campaignScores(context, context.db, campaignId)
    const contentChange =
      campaign.closedAt === null
        ? contentChangeFor(context.referentiel(), campaign.referentielVersion, new Set(campaignAnswers(context.db, campaignId).keys()))
        : null
    return {
      campaign: toCampaign(campaign, scores),
      scores,
      profileReviewed: isProfileReviewed(context.db),
      contentChange,
      applicability: campaignApplicability(context, context.db, campaign),
    }
  },

  'diagnostic.compare': ({ before, after }, context) => {
    const b = resolve(before, context)
    const a = resolve(after, context)
    return { before: { label: b.label, at: b.at }, after: { label: a.label, at: a.at }, rows: compareTrees(b.scores, a.scores) }
  },

  /** Medians and quartiles of communes of the same population band, only those the relay gave: never invented. */
  'diagnostic.peers': ({ campaignId }, { db }) => {
    getCampaignRow(db, campaignId)
    return peerComparison(db)
  },
}
