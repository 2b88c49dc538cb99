import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

export interface DirectoryEntry {
  code: string
  name: string
  population: number | null
}

/** A current commune of the offline directory (Etalab's découpage administratif), or null. */
export function findCommune(code: string): DirectoryEntry | null {
  const require = createRequire(__filename)
  const file = require.resolve('@etalab/decoupage-administratif/data/communes.json')
  const all = JSON.parse(readFileSync(file, 'utf8')) as { code: string; nom: string; type: string; population?: number }[]
  const found = all.find((c) => c.code === code && c.type === 'commune-actuelle')
  return found ? { code: found.code, name: found.nom, population: found.population ?? null } : null
}
