// The electron-builder configuration of a release: electron-builder.yml, plus the generic update feed when
// CAP_COMMUNE_UPDATE_URL is set (https only). Without it the installed app has no app-update.yml and never looks for
// updates. Used by scripts/package.mjs and checked by src/main/electron/packaging.test.ts.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const builderRequire = createRequire(createRequire(import.meta.url).resolve('app-builder-lib/package.json'))
const { load } = builderRequire('js-yaml')

export function builderConfig(env = process.env) {
  const config = load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8'))
  const feed = env.CAP_COMMUNE_UPDATE_URL?.trim()
  if (!feed) return { ...config, publish: null }
  if (!/^https:\/\/[^\s/]+/.test(feed)) {
    throw new Error(`CAP_COMMUNE_UPDATE_URL doit être une adresse https:// (reçu : ${feed}) : les mises à jour ne passent que par https.`)
  }
  return { ...config, publish: [{ provider: 'generic', url: feed.endsWith('/') ? feed : `${feed}/` }] }
}
