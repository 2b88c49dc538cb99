// Type-checked with the relay (src/relay/tsconfig.json): it starts a relay process.
/**
 * The citizens' side in the browser host (1366×768) against a real relay process on 127.0.0.1 (PGlite) and a real
 * SMTP server: citizens send contributions on the portal (hostile text included), the secrétaire syncs from the home
 * page and reads when it happened and how many arrived.
 */
import { TestCitizen } from '../src/relay/testing/citizen'
import { expect, invoke, test } from './support/fixtures'
import { relayAndMailForSpec } from './support/relay'
import { seedFauxVillecerf } from './support/seed'

const services = relayAndMailForSpec()

test('home page: « Synchroniser maintenant » brings the citizens’ contributions and says how many', async ({ page, host, snap }) => {
  const { relay, smtp } = services()
  await seedFauxVillecerf(host)
  const code = (await relay.admin('commune', 'add', '10145')).at(-1)!
  expect(await invoke(host, 'portal.connect', { relayUrl: relay.url, pairingCode: code })).toMatchObject({ ok: true })

  const citizen = new TestCitizen(relay, '10145')
  await citizen.signIn(smtp, 'habitante@example.fr', 'Jeanne <b>B.</b>')
  for (const fields of <Record<string, string>[]>[
    { kind: 'proposition', topic: 'environnement', title: '<script>alert(1)</script> Des bancs', body: 'Au lavoir, https://pirate.example' },
    { kind: 'besoin', topic: 'voirie', title: 'Nid-de-poule', body: 'Devant le n° 12.', address: '12 rue de l’Église' },
  ]) {
    expect((await citizen.post('/10145/contribuer', fields, { from: '/10145/contribuer' })).status).toBe(303)
  }

  await page.goto(host.url)
  const line = page.getByRole('region', { name: 'Synchronisation avec le portail citoyen' })
  await line.getByRole('button', { name: 'Synchroniser maintenant' }).click()
  await expect(line.getByText(/Dernière synchronisation le .* · 2 nouvelles contributions/)).toBeVisible()
  await expect(line.getByText('Synchronisation terminée : 2 nouvelles contributions.')).toBeVisible()
  await line.scrollIntoViewIfNeeded()
  await snap(page, 'citoyens-01-home-synced')

  // Again: nothing new, and it says so.
  await line.getByRole('button', { name: 'Synchroniser maintenant' }).click()
  await expect(line.getByText('Synchronisation terminée : rien de nouveau.')).toBeVisible()
  await expect(line.getByText(/· aucune nouvelle contribution/)).toBeVisible()

  // The relay goes away: the app keeps working and says why the sync failed.
  await relay.stop()
  await line.getByRole('button', { name: 'Synchroniser maintenant' }).click()
  await expect(line.getByRole('alert')).toContainText('Le relais ne répond pas')
  await snap(page, 'citoyens-02-home-relay-down')
  await page.getByRole('link', { name: 'Projets' }).first().click()
  await expect(page.getByRole('heading', { name: 'Projets', level: 1 })).toBeVisible()
})
