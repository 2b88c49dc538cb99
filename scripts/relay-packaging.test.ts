/**
 * The desktop installer must not carry the relay's dependencies. electron-builder ships the production dependency tree
 * of package.json (`dependencies`, recursively) plus what electron-builder.yml's `files` select; the relay's packages
 * are devDependencies (installed by a plain `npm install`, so `npm run relay` works from a fresh clone) and must not
 * be reachable from `dependencies`, nor bundled into out/ by electron-vite.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve, sep } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = join(__dirname, '..')
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>
  devDependencies: Record<string, string>
  scripts: Record<string, string>
}
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string>; dev?: boolean }>
}
const RELAY_ONLY = [
  '@electric-sql/pglite',
  'pg',
  'hono',
  '@hono/node-server',
  'sharp',
  'nodemailer',
  // file-type is not here: the desktop types stored documents from their bytes with it too (core/file-store).
  'smtp-server',
  'autocannon',
  '@axe-core/playwright',
]

/** Every package electron-builder would copy: the closure of `dependencies` through the lockfile. */
function productionClosure(): Set<string> {
  const seen = new Set<string>()
  const queue = Object.keys(pkg.dependencies)
  while (queue.length) {
    const name = queue.pop()!
    if (seen.has(name)) continue
    seen.add(name)
    const entry = lock.packages[`node_modules/${name}`]
    queue.push(...Object.keys(entry?.dependencies ?? {}), ...Object.keys(entry?.optionalDependencies ?? {}))
  }
  return seen
}

describe('the desktop installer and the relay', () => {
  it('keeps every relay package out of the production dependency tree', () => {
    const closure = productionClosure()
    for (const name of RELAY_ONLY) {
      expect(pkg.devDependencies[name], `${name} doit être une devDependency`).toBeDefined()
      expect(closure.has(name), `${name} serait embarqué par electron-builder`).toBe(false)
    }
  })

  it('packages only out/ and package.json, never the relay sources', () => {
    const yml = readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')
    const files = /^files:\n((?: {2}- .*\n)+)/m
      .exec(yml)![1]!
      .split('\n')
      .filter(Boolean)
      .map((l) => l.replace(/^ {2}- '?|'?$/g, ''))
    expect(files.filter((f) => !f.startsWith('!'))).toEqual(['out/**', 'package.json'])
    expect(files).toContain('!src/**')
  })

  it('keeps the relay out of the Electron bundles: no desktop source imports src/relay', () => {
    const RELAY = join(ROOT, 'src/relay') + sep
    const offenders: string[] = []
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name)
        if (entry.isDirectory()) {
          // Test helpers (`testing/`, imported by tests only) start a real relay on purpose and are never bundled.
          if (entry.name !== 'testing') walk(path)
        } else if (/\.(ts|tsx|mts)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
          // Resolved, not read as text: src/shared/relay/ (the relay's HTTP contract) is shared on purpose.
          const imports = [...readFileSync(path, 'utf8').matchAll(/from '(\.[^']*)'/g)].map((m) => resolve(dirname(path), m[1]!))
          if (imports.some((target) => target.startsWith(RELAY))) offenders.push(path)
        }
      }
    }
    for (const dir of ['src/main', 'src/preload', 'src/renderer', 'src/shared']) walk(join(ROOT, dir))
    expect(offenders).toEqual([])
    expect(pkg.scripts.relay).toContain('src/relay/main.ts')
  })
})
