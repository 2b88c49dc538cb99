import { ESLint } from 'eslint'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { APP_ROOT } from './testing'

/**
 * The architecture rules live in eslint.config.mjs and eslint/layers.mjs: what each layer may import (the core, the
 * browser host and the shared contract run without Electron; the main process never loads React; the renderer
 * reaches the main process only through the contract; the relay only through src/shared), no import cycle, and
 * no forgotten promise. These tests lint code as if it were written at various places of the project.
 */
let eslint: ESLint

beforeAll(() => {
  // Type information needs files on disk: the snippets below are checked for imports only.
  eslint = new ESLint({
    cwd: APP_ROOT,
    overrideConfig: {
      languageOptions: { parserOptions: { project: null, projectService: false } },
      rules: {
        '@typescript-eslint/no-floating-promises': 'off',
        '@typescript-eslint/no-misused-promises': 'off',
        '@typescript-eslint/await-thenable': 'off',
      },
    },
  })
})

async function restrictedImports(code: string, relativePath: string): Promise<string[]> {
  const filePath = join(APP_ROOT, relativePath)
  // An ignored path would pass vacuously.
  expect(await eslint.isPathIgnored(filePath)).toBe(false)
  const [result] = await eslint.lintText(code, { filePath })
  expect(result!.messages.filter((m) => m.fatal || m.ruleId === null)).toEqual([])
  return result!.messages.filter((m) => m.ruleId === 'cap/layers' && m.severity === 2).map((m) => m.message)
}

const ELECTRON = "import { app } from 'electron'\n\nexport const version = app.getVersion()\n"
const REACT = "import { useState } from 'react'\n\nexport const hook = useState\n"

describe('architecture boundaries (ESLint)', () => {
  it.each(['src/main/core/paths.ts', 'src/main/core/handlers/nouveau.ts', 'src/main/host/server.ts', 'src/shared/contract/nouveau.ts'])(
    'importing electron in %s is an error',
    async (file) => {
      const errors = await restrictedImports(ELECTRON, file)
      expect(errors).toHaveLength(1)
      expect(errors[0]).toContain("Le cœur de Cap Commune ne dépend pas d'Electron")
    },
  )

  it('a deep electron import (electron/main) in the core is an error too', async () => {
    expect(await restrictedImports("import { app } from 'electron/main'\nexport const a = app\n", 'src/main/core/x.ts')).toHaveLength(1)
  })

  it.each(['src/main/electron/main.ts', 'src/main/electron/window.ts', 'src/main/index.ts'])(
    'the same electron import in %s is allowed',
    async (file) => {
      expect(await restrictedImports(ELECTRON, file)).toEqual([])
    },
  )

  it.each(['src/main/core/directory/x.ts', 'src/main/electron/menu.ts', 'src/main/host/cli.ts', 'src/main/index.ts'])(
    'a React import in %s (main process) is an error',
    async (file) => {
      const errors = await restrictedImports(REACT, file)
      expect(errors).toHaveLength(1)
      expect(errors[0]).toMatch(/React/)
    },
  )

  it('Mantine and Tabler are refused in the main process too', async () => {
    const code = "import { Button } from '@mantine/core'\nimport { IconHome } from '@tabler/icons-react'\nexport const x = [Button, IconHome]\n"
    expect(await restrictedImports(code, 'src/main/electron/menu.ts')).toHaveLength(2)
    expect(await restrictedImports(code, 'src/main/core/x.ts')).toHaveLength(2)
  })

  it('the renderer may use React', async () => {
    expect(await restrictedImports(REACT, 'src/renderer/src/App.tsx')).toEqual([])
  })
})

describe('each layer imports only what its allow-list says', () => {
  it.each([
    [
      'src/renderer/src/features/x/Page.tsx',
      "import { handlers } from '../../../../main/core/handlers'",
      /n'importe que src\/renderer\/, src\/shared\//,
    ],
    ['src/renderer/src/features/x/Page.tsx', "import type { Core } from '../../../../main/core/core'", /mène à src\/main\/core\/core/],
    ['src/renderer/src/lib/x.ts', "import { readFileSync } from 'node:fs'", /n'utilise pas les modules de Node/],
    ['src/renderer/src/lib/x.ts', "import { join } from 'path'", /n'utilise pas les modules de Node/],
    ['src/renderer/src/lib/x.ts', "import { ipcRenderer } from 'electron'", /que par le contrat/],
    ['src/renderer/src/lib/x.ts', "import Database from 'better-sqlite3'", /paquet « better-sqlite3 »/],
    ['src/preload/x.ts', "import { useState } from 'react'", /paquet « react »/],
    ['src/preload/x.ts', "import { createCore } from '../main/core/core'", /n'importe que src\/preload\/, src\/shared\//],
    ['src/preload/x.ts', "import { readFileSync } from 'node:fs'", /modules de Node/],
    ['src/shared/x.ts', "import { createCore } from '../main/core/core'", /n'importe que src\/shared\//],
    ['src/shared/x.ts', "import { readFileSync } from 'node:fs'", /modules de Node/],
    ['src/main/core/x.ts', "import { App } from '../../renderer/src/app/App'", /n'importe que src\/main\/core\/, src\/shared\//],
    ['src/main/core/x.ts', "import { startHost } from '../host/server'", /n'importe que src\/main\/core\//],
    ['src/relay/x.ts', "import { createCore } from '../main/core/core'", /Le relais \(src\/relay\) n'importe que src\/relay\/, src\/shared\//],
    ['src/relay/x.ts', "import { app } from 'electron'", /ne dépend pas de l’application de bureau/],
    ['src/relay/x.ts', "import Database from 'better-sqlite3'", /paquet « better-sqlite3 »/],
    ['src/relay/portal/x.tsx', "import { useState } from 'react'", /hono\/jsx/],
  ])(
    '%s: « %s » is refused',
    async (file, code, message) => {
      const errors = await restrictedImports(`${code}\nexport const used = 1\n`, file)
      expect(errors).toHaveLength(1)
      expect(errors[0]).toMatch(message)
    },
    // ESLint loads its resolver on the first file: slow on a loaded machine.
    120_000,
  )

  it.each([
    ['src/renderer/src/features/x/Page.tsx', "import { contract } from '../../../../shared/contract'"],
    ['src/renderer/src/features/x/Page.tsx', "import { contract } from '@shared/contract'"],
    ['src/renderer/src/features/x/Page.tsx', "import { Button } from '@mantine/core'"],
    ['src/preload/x.ts', "import { contextBridge } from 'electron'"],
    ['src/preload/x.ts', "import { IPC_INVOKE_CHANNEL } from '../shared/bridge'"],
    ['src/main/core/x.ts', "import { readFileSync } from 'node:fs'"],
    ['src/main/host/x.ts', "import { createCore } from '../core/core'"],
    ['src/relay/x.ts', "import { Hono } from 'hono'"],
    ['src/relay/x.ts', "import { serve } from '@hono/node-server'"],
    ['src/relay/x.ts', "import { api } from '../shared/relay/api'"],
    ['src/renderer/src/lib/x.test.ts', "import { readFileSync } from 'node:fs'"],
  ])('%s: « %s » is allowed', async (file, code) => {
    expect(await restrictedImports(`${code}\nexport const used = 1\n`, file)).toEqual([])
  })
})

describe('the renderer reaches src/shared by its alias only', () => {
  async function aliasErrors(code: string): Promise<string[]> {
    const [result] = await eslint.lintText(`${code}\nexport const used = 1\n`, { filePath: join(APP_ROOT, 'src/renderer/src/features/x/Page.tsx') })
    return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message)
  }

  it('a relative path into src/shared is an error naming the alias', async () => {
    const errors = await aliasErrors("import { contract } from '../../../../shared/contract'")
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/@shared/)
  })

  it('the alias is fine', async () => {
    expect(await aliasErrors("import { contract } from '@shared/contract'")).toEqual([])
  })
})

describe('one number formatter (no-restricted-properties)', () => {
  const NUMBER_FORMAT =
    "const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' })\n\nexport const f = (n: number) => euros.format(n)\n"

  async function restrictedProperties(relativePath: string): Promise<string[]> {
    const filePath = join(APP_ROOT, relativePath)
    expect(await eslint.isPathIgnored(filePath)).toBe(false)
    const [result] = await eslint.lintText(NUMBER_FORMAT, { filePath })
    return result!.messages.filter((m) => m.ruleId === 'no-restricted-properties' && m.severity === 2).map((m) => m.message)
  }

  it.each(['src/renderer/src/features/x/Total.tsx', 'src/relay/portal/x.tsx', 'src/main/core/reports/x.ts', 'src/shared/charts/x.ts'])(
    'building an Intl.NumberFormat in %s is an error',
    async (file) => {
      const errors = await restrictedProperties(file)
      expect(errors).toHaveLength(1)
      expect(errors[0]).toContain('src/shared/format.ts')
    },
  )

  it('src/shared/format.ts, which owns them, may', async () => {
    expect(await restrictedProperties('src/shared/format.ts')).toEqual([])
  })
})

describe('whole-project rules, on real files', () => {
  let dir: string

  beforeAll(() => {
    dir = mkdtempSync(join(APP_ROOT, 'src/main/core/lint-check-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('an import cycle is an error (import-x/no-cycle)', async () => {
    writeFileSync(join(dir, 'a.ts'), "import { b } from './b'\n\nexport const a = () => b()\n")
    writeFileSync(join(dir, 'b.ts'), "import { a } from './a'\n\nexport const b = (): unknown => a\n")
    const [result] = await eslint.lintFiles([join(dir, 'a.ts')])
    expect(result!.messages.map((m) => m.ruleId)).toEqual(['import-x/no-cycle'])
  })

  it('a type-only import back is not a cycle (it is erased)', async () => {
    writeFileSync(join(dir, 'c.ts'), "import { d } from './d'\n\nexport interface C {\n  n: number\n}\nexport const c = d\n")
    writeFileSync(join(dir, 'd.ts'), "import type { C } from './c'\n\nexport const d = (x: C) => x.n\n")
    const [result] = await eslint.lintFiles([join(dir, 'c.ts')])
    expect(result!.messages).toEqual([])
  })

  it('a forgotten promise is an error (type-aware no-floating-promises)', async () => {
    // The project's own rules, with type information from a small program of this one file (the whole project's takes
    // seconds to build).
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ extends: '../../../../tsconfig.base.json', include: ['e.ts'] }))
    const typed = new ESLint({
      cwd: APP_ROOT,
      overrideConfig: { languageOptions: { parserOptions: { project: join(dir, 'tsconfig.json'), tsconfigRootDir: dir } } },
    })
    const file = join(dir, 'e.ts')
    writeFileSync(file, 'async function save(): Promise<void> {}\n\nexport function onClick(): void {\n  save()\n}\n')
    const [result] = await typed.lintFiles([file])
    expect(result!.messages.map((m) => `${relative(dir, file)}:${m.line} ${m.ruleId}`)).toEqual(['e.ts:4 @typescript-eslint/no-floating-promises'])
  })
})
