import { expect, invoke, test } from './support/fixtures'
import { seedFauxVillecerf } from './support/seed'

test('every route survives a reload and opens from a direct link in another tab', async ({ page, context, host }) => {
  await seedFauxVillecerf(host)
  const campaign = (await invoke(host, 'campaigns.create', { name: 'Diagnostic de début de mandat' })).value as { id: number }
  const project = (await invoke(host, 'projects.create', { title: 'Rénovation de la salle des fêtes' })).value as { id: number }

  await page.goto(host.url)
  await expect(page.getByLabel('Votre commune')).toContainText('Faux-Villecerf')

  // Reloading a sub-page: the page comes back, not a blank one (its scripts are looked up from the root).
  const routes: [string, RegExp | string][] = [
    [`/diagnostic/${campaign.id}`, 'Autodiagnostic'],
    [`/diagnostic/${campaign.id}/themes/conseil-municipal`, 'Réunions du conseil municipal'],
    [`/projets/${project.id}`, 'Rénovation de la salle des fêtes'],
    ['/parametres/profils', 'Paramètres'],
    ['/journal', 'Journal des modifications'],
  ]
  for (const [path, heading] of routes) {
    await page.goto(`${host.origin}${path}`)
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible()
    await page.reload()
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible()
    expect(new URL(page.url()).pathname).toBe(path)
  }

  // A link pasted in a new tab of the same browser: no token in it, and it still opens.
  const other = await context.newPage()
  await other.goto(`${host.origin}/projets/${project.id}`)
  await expect(other.getByRole('heading', { level: 1, name: 'Rénovation de la salle des fêtes' })).toBeVisible()
  // A project without dates says so in words.
  await expect(other.getByText('Dates non fixées')).toBeVisible()
  await expect(other.getByText('… → …')).toHaveCount(0)
  await other.close()

  // An unknown address leads home rather than to an empty page.
  await page.goto(`${host.origin}/nulle-part/ici`)
  await expect(page.getByLabel('Votre commune')).toContainText('Faux-Villecerf')
})
