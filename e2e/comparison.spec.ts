// Type-checked with the relay (src/relay/tsconfig.json): it starts a relay process.
/**
 * The anonymous comparison from the browser host (1366×768) with a real relay process on 127.0.0.1 (PGlite): an
 * administrator reads what is shared and turns the switch on in Paramètres › Portail citoyen; the synthesis first says
 * there are not enough communes and shows no figure; once five communes of the band share, « Actualiser » brings the
 * median and quartiles per domain; turning it off asks first and withdraws the commune's scores from the relay.
 */
import { pairedCommune } from '../src/relay/testing/relay-process'
import { formatPercent } from '../src/shared/format'
import { ComparisonPage } from './pages/ComparisonPage'
import { expect, invoke, test, type HostHandle } from './support/fixtures'
import { relayForSpec } from './support/relay'
import { seedFauxVillecerf } from './support/seed'

const relayProcess = relayForSpec()

interface Domain {
  id: string
  title: string
  themes: { criteria: { id: string; applicability: { applies: boolean } }[] }[]
}

async function value<T>(host: HostHandle, method: string, input: unknown = {}): Promise<T> {
  const result = await invoke(host, method, input)
  expect(result.error).toBeUndefined()
  return result.value as T
}

/** A campaign whose first two domains have every applicable question answered (fait, pas fait in turn): those two are shared. */
async function answeredCampaign(host: HostHandle): Promise<{ title: string; id: string; score: number }[]> {
  const { id: campaignId } = await value<{ id: number }>(host, 'campaigns.create', { name: 'Diagnostic 2026' })
  const { domains } = await value<{ domains: Domain[] }>(host, 'referentiel.get')
  const complete = domains.filter((d) => d.themes.some((t) => t.criteria.some((c) => c.applicability.applies))).slice(0, 2)
  for (const domain of complete) {
    const criteria = domain.themes.flatMap((t) => t.criteria).filter((c) => c.applicability.applies)
    for (const [i, criterion] of criteria.entries())
      await value(host, 'answers.save', { campaignId, criterionId: criterion.id, status: i % 3 === 2 ? 'pas_fait' : 'fait' })
  }
  const view = await value<{ scores: { domains: { domainId: string; done: number }[] } }>(host, 'diagnostic.get', { campaignId })
  return complete.map((d) => ({ id: d.id, title: d.title, score: view.scores.domains.find((s) => s.domainId === d.id)!.done }))
}

test('an administrator shares the scores: not enough communes first, then median and quartiles per domain; off withdraws', async ({
  page,
  host,
  snap,
}) => {
  const relay = relayProcess()
  await seedFauxVillecerf(host)
  const code = (await relay.admin('commune', 'add', '10145')).at(-1)!
  expect((await invoke(host, 'portal.connect', { relayUrl: relay.url, pairingCode: code })).ok).toBe(true)
  const [first, second] = await answeredCampaign(host)
  // The other scores are chosen around ours: 10, 20, ours, 90, 95 → median ours, quartiles 20 and 90.
  expect(first!.score).toBeGreaterThan(20)
  expect(first!.score).toBeLessThan(90)
  const comparison = new ComparisonPage(page)

  await page.goto(host.url)
  await comparison.openSettings()
  // What is shared, said before anything is: the scores per domain and the band, nothing else.
  await expect(comparison.settings).toContainText('le score de chaque domaine du diagnostic et la tranche de population de la commune')
  await expect(comparison.settings).toContainText('ni le nom de la commune, ni ses réponses, ni ses commentaires, ni sa population exacte')
  await expect(comparison.switch).not.toBeChecked()
  await comparison.settings.scrollIntoViewIfNeeded()
  await snap(page, 'comparison-01-switch-off')

  await comparison.turnOn()
  await expect(comparison.settings).toContainText('Tranche partagée : de 200 à 499 habitants. Campagne : « Diagnostic 2026 » (en cours).')
  await expect(comparison.state).toContainText('Envoyé au relais', { timeout: 20_000 })
  await snap(page, 'comparison-02-switch-on')

  // Alone in the band: the synthesis says so and shows no figure.
  await comparison.openSynthesis()
  await expect(comparison.synthesis).toContainText('Pas encore assez de communes de la tranche « de 200 à 499 habitants » : 1 sur les 5 nécessaires')
  await expect(comparison.table).toHaveCount(0)
  await expect(comparison.synthesis).not.toContainText('Médiane')
  await comparison.synthesis.scrollIntoViewIfNeeded()
  await snap(page, 'comparison-03-not-enough')

  // Four other communes of the band share through the relay: five for the first domain, four for the second.
  const others = [] as string[]
  for (const insee of ['10003', '10004', '10005', '10006']) others.push(await pairedCommune(relay, insee))
  for (const [i, token] of others.entries()) {
    const scores = [{ domainId: first!.id, score: [10, 20, 90, 95][i]! }, ...(i < 3 ? [{ domainId: second!.id, score: 50 }] : [])]
    expect((await relay.api('/api/v1/benchmark', { method: 'PUT', token, json: { band: '200-499', scores } })).status).toBe(200)
  }
  await comparison.refresh()
  await expect(comparison.table).toBeVisible()
  await expect(comparison.synthesis).toContainText('Communes de la tranche « de 200 à 499 habitants » : chiffres du relais au')
  await expect(comparison.synthesis).toContainText('sur 5 communes au moins')
  await expect(comparison.row(first!.title).getByRole('cell')).toHaveText([
    first!.title,
    formatPercent(first!.score),
    '20 %',
    formatPercent(first!.score),
    '90 %',
    '5',
  ])
  // Four communes for the second domain: under the minimum, no figure.
  await expect(comparison.row(second!.title)).toContainText('pas assez de communes')
  await expect(comparison.row(second!.title)).not.toContainText('50 %')
  await comparison.synthesis.scrollIntoViewIfNeeded()
  await snap(page, 'comparison-04-figures')

  // Off: asked first, the relay forgets the commune's scores, the synthesis shows nothing of the band any more.
  await comparison.openSettings()
  await comparison.turnOff()
  await expect(comparison.state).toContainText('Scores retirés du relais', { timeout: 20_000 })
  await snap(page, 'comparison-05-switch-off-again')
  const seen = (await (await relay.api('/api/v1/benchmark', { token: others[0]! })).json()) as { domains: { domainId: string; communes: number }[] }
  expect(seen.domains.find((d) => d.domainId === first!.id)?.communes).toBe(4)
  await comparison.openSynthesis()
  await expect(comparison.synthesis).toContainText('La comparaison anonyme n’est pas activée')
  await expect(comparison.table).toHaveCount(0)
})
