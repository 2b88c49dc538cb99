import { expect } from '@playwright/test'
import { invoke, type HostHandle } from './fixtures'

/** Sets up Faux-Villecerf through the contract (the wizard itself is covered by setup.spec.ts). */
export async function seedFauxVillecerf(host: HostHandle): Promise<void> {
  const result = await invoke(host, 'setup.complete', {
    inseeCode: '10145',
    mandate: { startYear: 2026, endYear: 2032 },
    members: [
      { civility: 'madame', firstName: 'Marie', lastName: 'Lambert', role: 'maire', email: 'marie.lambert@faux-villecerf.fr' },
      { civility: 'monsieur', firstName: 'Paul', lastName: 'Girard', role: 'adjoint', delegation: 'Voirie' },
      { civility: 'madame', firstName: 'Agnès', lastName: 'Roux', role: 'secretaire_mairie' },
    ],
    administrator: { memberIndex: 0, displayName: 'Marie Lambert' },
  })
  expect(result).toEqual({ ok: true, value: { ok: true } })
}
