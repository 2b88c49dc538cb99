import { defineConfig } from '@playwright/test'

/**
 * End-to-end tests drive the real renderer through the browser host (the Electron binary cannot run here).
 * scripts/e2e.mjs finds Chromium and passes it in CAP_COMMUNE_CHROMIUM.
 */

/** The flags a headless Chromium needs on a closed network, as root (see STACK.md). */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    // The commonest mairie laptop screen: every desktop screen is checked (and screenshotted) at this size.
    viewport: { width: 1366, height: 768 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CAP_COMMUNE_CHROMIUM || undefined,
      args: CHROMIUM_ARGS,
    },
  },
})
