// `npm run test:e2e`: builds, finds Chromium (see chromium.mjs), runs Playwright. Extra arguments go to Playwright.
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { findChromium } from './chromium.mjs'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
let chromium
try {
  chromium = await findChromium({ install: true })
} catch (error) {
  console.error(error.message)
  process.exit(1)
}
const build = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
  cwd: ROOT,
  stdio: 'inherit',
})
if (build.status !== 0) process.exit(build.status ?? 1)
const run = spawnSync(join(ROOT, 'node_modules', '.bin', 'playwright'), ['test', ...process.argv.slice(2)], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, CAP_COMMUNE_CHROMIUM: chromium },
})
process.exit(run.status ?? 1)
