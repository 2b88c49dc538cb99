import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'

/** src/relay, wherever the code runs from (tsx, vitest). */
export const RELAY_ROOT = dirname(fileURLToPath(import.meta.url))
