import { configDefaults, defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // The relay has its own suite (vitest.relay.config.mts): it starts PostgreSQL and relay processes.
    exclude: [...configDefaults.exclude, 'src/relay/**', 'src/main/**/*.relay.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // better-sqlite3 and the 35,000-commune directory are heavy: keep workers few on a 2-core machine.
    maxWorkers: 2,
  },
})
