import { expect, invoke, test } from './support/fixtures'
import { seedFauxVillecerf } from './support/seed'
import { HomePage } from './pages/HomePage'
import { ReportsPage } from './pages/ReportsPage'

test('the home page says where to start, in one path that goes once done, with one compact deadlines block above the counts', async ({
  page,
  host,
  snap,
}) => {
  await seedFauxVillecerf(host)
  await page.goto(host.url)
  const home = new HomePage(page)
  await expect(home.communeCard).toContainText('Faux-Villecerf')

  // A new commune: four steps, none done, the first one as the button to press.
  await expect(home.gettingStarted).toBeVisible()
  await expect(home.gettingStarted).toContainText('0 sur 4')
  for (const step of ['Vérifier le profil de la commune', 'Faire le diagnostic', 'Créer le premier projet', 'Imprimer un premier rapport']) {
    await expect(home.step(step)).toBeVisible()
  }
  await expect(home.gettingStarted.getByRole('link', { name: 'Vérifier le profil' })).toHaveAttribute('href', '/parametres/profil-commune')
  // The deadlines once, in one block: no banner repeating them above.
  await expect(home.deadlines).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: /Échéance/ })).toHaveCount(0)
  // At 1366×768 all of it, and the project counts, fit on the first screen.
  await expect(home.gettingStarted).toBeInViewport({ ratio: 1 })
  await expect(home.deadlines).toBeInViewport({ ratio: 1 })
  await expect(home.counters).toBeInViewport({ ratio: 1 })
  await snap(page, 'home-04-new-commune')

  // The steps, done their own way (the first three through the contract): each shows done, the next one leads.
  const profile = await invoke(host, 'communeProfile.get', {})
  expect((await invoke(host, 'communeProfile.update', profile.value)).ok).toBe(true)
  const campaign = (await invoke(host, 'campaigns.create', { name: 'Diagnostic 2026' })).value as { id: number }
  expect((await invoke(host, 'answers.save', { campaignId: campaign.id, criterionId: 'budget-vote-delai', status: 'fait' })).ok).toBe(true)
  expect((await invoke(host, 'projects.create', { title: 'Réfection du lavoir' })).ok).toBe(true)
  await page.reload()
  await expect(home.gettingStarted).toContainText('3 sur 4')
  await expect(home.gettingStarted.getByRole('link', { name: 'Préparer un rapport' })).toHaveAttribute('href', '/rapports')
  await snap(page, 'home-05-one-step-left')

  // The last one in the app: a first report. Back home, the path is gone.
  await home.gettingStarted.getByRole('link', { name: 'Préparer un rapport' }).click()
  const reports = new ReportsPage(page)
  await reports.choose('Tableau de bord de la commune')
  await reports.generate()
  await expect(reports.previewTitle).toHaveText(/^Tableau de bord de la commune/)
  await home.goTo('Tableau de bord')
  await expect(home.counters).toBeVisible()
  await expect(home.gettingStarted).toHaveCount(0)
  await expect(home.deadlines).toBeInViewport({ ratio: 1 })
  await expect(home.counters).toBeInViewport({ ratio: 1 })
  await snap(page, 'home-06-path-done')
})
