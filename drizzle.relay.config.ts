import { defineConfig } from 'drizzle-kit'

/** The relay's own migrations (PostgreSQL), apart from the desktop's SQLite ones. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/relay/db/schema.ts',
  out: './src/relay/migrations',
})
