/**
 * Every test file of the repository is run by `npm test`: a test outside the suites' globs would pass silently by
 * never running (scripts/*.test.ts did, for a while). The globs are read from the configurations themselves.
 */
import { readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import unitConfig from '../vitest.config.mjs'
import relayConfig from '../vitest.relay.config.mjs'

const ROOT = join(__dirname, '..')
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'out', 'dist', 'test-results', 'playwright-report'])

/** The glob shapes the configurations use: `**` for any folders, `*` within one name. */
function globRegExp(glob: string): RegExp {
  const source = glob
    .split(/(\*\*\/|\*\*|\*)/)
    .map((part) => (part === '**/' ? '(?:.*/)?' : part === '**' ? '.*' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('')
  return new RegExp(`^${source}$`)
}

interface Suite {
  include: string[]
  exclude: string[]
}

const suites: Suite[] = [
  ...(unitConfig.test?.projects ?? []).map((project) => {
    const test = (project as { test: { include?: string[]; exclude?: string[] } }).test
    return { include: test.include ?? [], exclude: test.exclude ?? [] }
  }),
  { include: relayConfig.test?.include ?? [], exclude: [] },
  // Playwright (playwright.config.ts): testDir e2e, testMatch **/*.spec.ts.
  { include: ['e2e/**/*.spec.ts'], exclude: [] },
]

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return SKIPPED_FOLDERS.has(entry.name) ? [] : testFiles(join(dir, entry.name))
    return /\.(test|spec)\.[cm]?[jt]sx?$/.test(entry.name) ? [relative(ROOT, join(dir, entry.name))] : []
  })
}

const runBy = (file: string, suite: Suite) =>
  suite.include.some((glob) => globRegExp(glob).test(file)) && !suite.exclude.some((glob) => globRegExp(glob).test(file))

describe('test files', () => {
  it('the glob reader matches as vitest does', () => {
    expect(globRegExp('src/**/*.test.ts').test('src/main/core/layout.test.ts')).toBe(true)
    expect(globRegExp('src/**/*.test.ts').test('scripts/relay-deploy.test.ts')).toBe(false)
    expect(globRegExp('**/node_modules/**').test('src/node_modules/x.test.ts')).toBe(true)
  })

  it('every one is run by a suite of npm test', () => {
    const files = testFiles(ROOT)
    expect(files.length).toBeGreaterThan(100)
    expect(files.filter((file) => !suites.some((suite) => runBy(file, suite)))).toEqual([])
  })
})
