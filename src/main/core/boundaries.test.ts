import { ESLint } from 'eslint'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { APP_ROOT } from './testing'

/**
 * The architecture rules live in eslint.config.mjs: the core, the browser host and the shared contract run without
 * Electron (tests and the browser host load them in plain Node), and the main process never loads React.
 * These tests lint code as if it were written at various places of the project.
 */
let eslint: ESLint

beforeAll(() => {
  eslint = new ESLint({ cwd: APP_ROOT })
})

async function restrictedImports(code: string, relativePath: string): Promise<string[]> {
  const filePath = join(APP_ROOT, relativePath)
  // An ignored path would pass vacuously.
  expect(await eslint.isPathIgnored(filePath)).toBe(false)
  const [result] = await eslint.lintText(code, { filePath })
  expect(result!.messages.filter((m) => m.fatal || m.ruleId === null)).toEqual([])
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports' && m.severity === 2).map((m) => m.message)
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
