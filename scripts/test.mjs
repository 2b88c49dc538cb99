// `npm test`: the whole suite, in the order a reviewer would run it — typecheck (main and renderer), lint, formatting,
// unit tests (vitest), the relay's suite on PGlite and PostgreSQL, the Electron build, then the end-to-end tests in real Chromium through the browser host.
// Every step runs even when an earlier one fails, so one run shows everything; the last line is
// "N passed, N failed" (vitest and Playwright counts added; a failed check that is not a test counts as one failure).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { findChromium } from './chromium.mjs'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const RESULTS = join(ROOT, 'test-results')
const bin = (name) => join(ROOT, 'node_modules', '.bin', name)

let passed = 0
let failed = 0
const problems = []

function step(title, command, args, env = {}) {
  console.log(`\n━━ ${title} ━━`)
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } })
  const ok = result.status === 0
  if (!ok) problems.push(title)
  return ok
}

function readJson(path) {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null
}

rmSync(RESULTS, { recursive: true, force: true })
mkdirSync(RESULTS, { recursive: true })

for (const [title, args] of [
  ['Vérification des types (processus principal)', ['-p', 'tsconfig.node.json', '--noEmit']],
  ['Vérification des types (interface)', ['-p', 'tsconfig.web.json', '--noEmit']],
  ['Vérification des types (relais)', ['-p', 'src/relay/tsconfig.json']],
]) {
  if (!step(title, bin('tsc'), args)) failed += 1
}
if (!step('Lint', bin('eslint'), ['.'])) failed += 1
if (!step('Mise en forme (prettier --check)', bin('prettier'), ['--check', '.'])) failed += 1

/** Runs one vitest suite and adds its counts; a suite that produced no report counts as one failure. */
function vitestSuite(title, name, extraArgs = []) {
  const json = join(RESULTS, `${name}.json`)
  step(title, bin('vitest'), ['run', ...extraArgs, '--reporter=default', '--reporter=json', `--outputFile.json=${json}`])
  const report = readJson(json)
  if (report) {
    passed += report.numPassedTests
    failed += report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0)
    if (report.numFailedTestSuites > 0 && report.numFailedTests === 0) failed += report.numFailedTestSuites
  } else {
    failed += 1
    problems.push(`${title} : vitest n’a pas produit de résultats`)
  }
}

vitestSuite('Tests unitaires (vitest)', 'vitest')
// The relay's suite starts its own PostgreSQL cluster and relay processes (PGlite and PostgreSQL): without a
// PostgreSQL server it fails and says what to install.
vitestSuite('Tests du relais (PGlite et PostgreSQL)', 'vitest-relay', ['--config', 'vitest.relay.config.mts'])

const built = step('Construction (electron-vite build)', process.execPath, [
  join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'),
  'build',
])
if (!built) failed += 1

console.log('\n━━ Tests de bout en bout (Playwright, Chromium) ━━')
let chromium = null
try {
  chromium = await findChromium({ install: true })
  console.log(`Chromium : ${chromium}`)
} catch (error) {
  console.error(error.message)
  problems.push('aucun Chromium pour les tests de bout en bout')
  failed += 1
}
if (chromium && built) {
  const playwrightJson = join(RESULTS, 'playwright.json')
  step('Tests de bout en bout', bin('playwright'), ['test'], { CAP_COMMUNE_CHROMIUM: chromium })
  const report = readJson(playwrightJson)
  if (report) {
    const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = report.stats
    passed += expected + flaky
    // A skipped end-to-end test is a test that did not run: it counts as a failure.
    failed += unexpected + skipped
    if (report.errors?.length) failed += report.errors.length
  } else {
    failed += 1
    problems.push('Playwright n’a pas produit de résultats')
  }
} else if (chromium && !built) {
  failed += 1
  problems.push('tests de bout en bout non lancés : la construction a échoué')
}

writeFileSync(join(RESULTS, 'summary.json'), JSON.stringify({ passed, failed, problems }, null, 2))
console.log('')
if (problems.length) console.log(`Échecs : ${problems.join(' ; ')}`)
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed === 0 && problems.length === 0 ? 0 : 1)
