/**
 * The layout docs/architecture.md promises: every method prefix has one contract file and one handler file of the
 * same name (`projects.*` → src/shared/contract/projects.ts and src/main/core/handlers/projects.ts), and handlers
 * never import handlers (what two domains share lives in core/<domain>/).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { contract } from '../../shared/contract'
import { APP_ROOT } from './testing'

const CONTRACT_DIR = join(APP_ROOT, 'src/shared/contract')
const HANDLERS_DIR = join(APP_ROOT, 'src/main/core/handlers')
/** Contract files that hold no methods: shared field schemas and the definition helpers. */
const CONTRACT_SUPPORT = ['define.ts', 'fields.ts', 'idempotency.ts', 'index.ts', 'limits.ts']

const kebab = (prefix: string) => prefix.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)
const sourceFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))

const methodsByPrefix = new Map<string, string[]>()
for (const name of Object.keys(contract)) {
  const prefix = name.split('.')[0]!
  methodsByPrefix.set(prefix, [...(methodsByPrefix.get(prefix) ?? []), name].sort())
}
const prefixes = [...methodsByPrefix.keys()].sort()

describe('one contract file and one handler file per method prefix', () => {
  it.each(prefixes)('%s: contract/<prefix>.ts defines exactly its methods, handlers/<prefix>.ts handles exactly them', async (prefix) => {
    const file = `${kebab(prefix)}.ts`
    const definitions = (await import(join(CONTRACT_DIR, file))) as Record<string, unknown>
    expect(Object.keys(definitions[`${prefix}Methods`] as object).sort()).toEqual(methodsByPrefix.get(prefix))
    const handlers = (await import(join(HANDLERS_DIR, file))) as Record<string, unknown>
    expect(Object.keys(handlers[`${prefix}Handlers`] as object).sort()).toEqual(methodsByPrefix.get(prefix))
  })

  it('no other file in contract/ or handlers/', () => {
    const expected = prefixes.map((p) => `${kebab(p)}.ts`)
    expect(
      sourceFiles(CONTRACT_DIR)
        .filter((f) => !CONTRACT_SUPPORT.includes(f))
        .sort(),
    ).toEqual([...expected].sort())
    expect(
      sourceFiles(HANDLERS_DIR)
        .filter((f) => f !== 'index.ts')
        .sort(),
    ).toEqual([...expected].sort())
  })

  it('handlers never import handlers', () => {
    const offenders = sourceFiles(HANDLERS_DIR)
      .filter((f) => f !== 'index.ts')
      .flatMap((f) =>
        [...readFileSync(join(HANDLERS_DIR, f), 'utf8').matchAll(/from '(\.\/[^']+|\.\.\/handlers[^']*)'/g)].map((m) => `${f} → ${m[1]}`),
      )
    expect(offenders).toEqual([])
  })
})
