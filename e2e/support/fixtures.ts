import { test as base, expect, type Page } from '@playwright/test'
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startHost, type RunningHost } from './host'

export const SCREENSHOT_DIR = join(__dirname, '..', '.artifacts')

/** The browser host under test; restart() stops it and starts it again on the same data folder. */
export interface HostHandle {
  readonly url: string
  readonly origin: string
  readonly token: string
  restart(): Promise<void>
}

interface Fixtures {
  /** A fresh data folder, as on a new user's computer. */
  dataDir: string
  host: HostHandle
  /**
   * Saves what the window shows, at the desktop size every screen is checked at (1366×768, playwright.config.ts), to
   * e2e/.artifacts/NAME.png; `fullPage` adds what lies below the fold.
   */
  snap: (page: Page, name: string, options?: { fullPage?: boolean }) => Promise<void>
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'cap-commune-e2e-'))
    await use(dir)
    rmSync(dir, { recursive: true, force: true })
  },
  host: async ({ dataDir }, use) => {
    let current: RunningHost = await startHost(dataDir)
    const handle: HostHandle = {
      get url() {
        return current.url
      },
      get origin() {
        return current.origin
      },
      get token() {
        return current.token
      },
      async restart() {
        await current.stop()
        current = await startHost(dataDir)
      },
    }
    await use(handle)
    await current.stop()
  },
  // eslint-disable-next-line no-empty-pattern
  snap: async ({}, use) => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true })
    await use(async (page, name, options) => {
      await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: options?.fullPage ?? false })
    })
  },
})

export { expect }

/** Calls the contract directly, the way the renderer's HTTP transport does. */
export async function invoke(
  host: HostHandle,
  method: string,
  input: unknown,
): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }> {
  const response = await fetch(`${host.origin}/api/invoke`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Cap-Commune-Token': host.token },
    body: JSON.stringify({ method, input }),
  })
  return (await response.json()) as { ok: boolean; value?: unknown; error?: { code: string; message: string } }
}
