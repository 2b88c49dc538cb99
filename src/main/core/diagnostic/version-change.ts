/**
 * An open campaign started on an older référentiel: what changed since, read from the manifest of its version
 * (resources/referentiel/versions/<version>.json), and what it means for the answers.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ContentChange } from '../../../shared/contract/diagnostic'
import { diffManifests, manifestOf, versionManifestSchema, type VersionManifest } from '../../../shared/referentiel/versions'
import type { LoadedReferentiel } from '../referentiel/load'

/** The manifest of a version; null when it did not ship (a version older than the manifests, a hand-edited file). */
export function readManifest(loaded: LoadedReferentiel, version: string): VersionManifest | null {
  if (!loaded.versionsFolder || !/^\d{4}\.\d+$/.test(version)) return null
  try {
    const parsed = versionManifestSchema.safeParse(JSON.parse(readFileSync(join(loaded.versionsFolder, `${version}.json`), 'utf8')))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/** null when the campaign is on the current version. */
export function contentChangeFor(loaded: LoadedReferentiel, campaignVersion: string, answered: ReadonlySet<string>): ContentChange | null {
  const current = loaded.referentiel
  if (campaignVersion === current.version) return null
  const before = readManifest(loaded, campaignVersion)
  const diff = before ? diffManifests(before, manifestOf(current)) : null
  return {
    from: campaignVersion,
    to: current.version,
    checkedOn: current.checkedOn,
    summary: current.changes,
    detailed: diff !== null,
    added: diff?.added ?? [],
    removed: (diff?.removed ?? []).map((c) => ({ ...c, wasAnswered: answered.has(c.criterionId) })),
    reworded: (diff?.reworded ?? []).map((c) => ({ ...c, wasAnswered: answered.has(c.criterionId) })),
    ruleChanged: diff?.ruleChanged ?? [],
  }
}
