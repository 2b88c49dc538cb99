/**
 * What each version of the référentiel asked, kept in resources/referentiel/versions/<version>.json, so that an open
 * campaign started on an older version can be told exactly what changed when it moves to the current one (issue 10
 * §4): criteria added, removed, reworded, and those whose rule of application, kind or weight changed.
 */
import { z } from 'zod'
import { CRITERION_KINDS, type Referentiel } from './schema'

export const versionManifestSchema = z
  .object({
    version: z.string(),
    criteria: z.record(
      z.string(),
      z
        .object({
          question: z.string(),
          themeTitle: z.string(),
          kind: z.enum(CRITERION_KINDS),
          weight: z.number().int(),
          /** Kept as written then: an old version may name a fact the current schema no longer has. Compared, never evaluated. */
          appliesWhen: z.unknown().optional(),
        })
        .strict(),
    ),
  })
  .strict()
export type VersionManifest = z.infer<typeof versionManifestSchema>

export function manifestOf(referentiel: Referentiel): VersionManifest {
  const criteria: VersionManifest['criteria'] = {}
  for (const d of referentiel.domains) {
    for (const t of d.themes) {
      for (const c of t.criteria) {
        criteria[c.id] = {
          question: c.question,
          themeTitle: t.title,
          kind: c.kind,
          weight: c.weight,
          ...(c.appliesWhen ? { appliesWhen: c.appliesWhen } : {}),
        }
      }
    }
  }
  return { version: referentiel.version, criteria }
}

export interface ChangedCriterion {
  criterionId: string
  themeTitle: string
  question: string
  /** For a reworded criterion: the question it asked before. */
  before?: string
}

export interface VersionDiff {
  added: ChangedCriterion[]
  removed: ChangedCriterion[]
  reworded: ChangedCriterion[]
  /** Rule of application (threshold, fact), kind or weight changed: whether and how much it counts may move. */
  ruleChanged: ChangedCriterion[]
}

/** Keys sorted, so that two equal rules compare equal whatever their key order in the file. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  )
}

export function diffManifests(before: VersionManifest, after: VersionManifest): VersionDiff {
  const diff: VersionDiff = { added: [], removed: [], reworded: [], ruleChanged: [] }
  for (const [id, now] of Object.entries(after.criteria)) {
    const then = before.criteria[id]
    const item = { criterionId: id, themeTitle: now.themeTitle, question: now.question }
    if (!then) diff.added.push(item)
    else {
      if (then.question !== now.question) diff.reworded.push({ ...item, before: then.question })
      if (then.kind !== now.kind || then.weight !== now.weight || canonical(then.appliesWhen ?? null) !== canonical(now.appliesWhen ?? null)) {
        diff.ruleChanged.push(item)
      }
    }
  }
  for (const [id, then] of Object.entries(before.criteria)) {
    if (!after.criteria[id]) diff.removed.push({ criterionId: id, themeTitle: then.themeTitle, question: then.question })
  }
  return diff
}
