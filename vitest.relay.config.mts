import { defineConfig } from 'vitest/config'

/**
 * The relay's suite (src/relay): every test runs the relay as its own process, on PGlite and on a real PostgreSQL
 * cluster that the global setup starts. Run by `npm test` (scripts/test.mjs) after the main vitest run.
 */
export default defineConfig({
  test: {
    // With the desktop's side of the relay (src/main/**/*.relay.test.ts): the core against a real relay process.
    include: ['src/relay/**/*.test.ts', 'src/main/**/*.relay.test.ts'],
    environment: 'node',
    globalSetup: ['src/relay/testing/global-setup.ts'],
    // Real processes on a shared 2-core machine: generous limits; the bench measures speed, not the tests.
    testTimeout: 180_000,
    hookTimeout: 240_000,
    maxWorkers: 2,
  },
})
