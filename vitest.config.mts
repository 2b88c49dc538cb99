import { fileURLToPath } from 'node:url'
import { configDefaults, defineConfig } from 'vitest/config'

/** The renderer's `@shared/…` alias, as in tsconfig.web.json and electron.vite.config.ts. */
const alias = { '@shared': fileURLToPath(new URL('./src/shared', import.meta.url)) }

export default defineConfig({
  resolve: { alias },
  test: {
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // better-sqlite3 and the 35,000-commune directory are heavy: keep workers few on a 2-core machine.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
          // The relay has its own suite (vitest.relay.config.mts): it starts PostgreSQL and relay processes.
          exclude: [...configDefaults.exclude, 'src/relay/**', 'src/main/**/*.relay.test.ts'],
          environment: 'node',
        },
      },
      {
        // Component tests of the renderer (`*.test.tsx`): a browser-like DOM, Mantine, the query client and i18n
        // (src/renderer/src/testing/render.tsx).
        extends: true,
        test: {
          name: 'components',
          include: ['src/renderer/**/*.test.tsx'],
          environment: 'happy-dom',
          setupFiles: ['src/renderer/src/testing/setup.ts'],
          // A render with user-event typing takes seconds on a loaded 2-core machine.
          testTimeout: 60_000,
        },
      },
    ],
  },
})
