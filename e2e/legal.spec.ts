import { expect, invoke, test } from './support/fixtures'
import { seedFauxVillecerf } from './support/seed'
import { HomePage } from './pages/HomePage'

test('the population totale is entered in Paramètres and says which obligations start; every criterion shows its source', async ({
  page,
  host,
  snap,
}) => {
  await seedFauxVillecerf(host)
  await page.goto(host.url)
  const home = new HomePage(page)
  await home.goTo('Paramètres')
  const population = page.getByLabel('Population de la commune')
  // Until the commune enters it, the directory's municipale stands in, and the screen says so.
  await expect(page.getByTestId('population-in-use')).toContainText('Population totale pas encore indiquée')
  await expect(population).toContainText('215 habitants')
  await expect(population).toContainText('populations de référence')

  await population.getByLabel('Population totale (Insee)').fill('1000')
  await population.getByLabel('En vigueur au 1er janvier').fill('2026')
  await population.getByRole('button', { name: 'Enregistrer la population' }).click()
  await expect(page.getByTestId('population-in-use')).toContainText('Population totale en vigueur au 1er janvier 2026 : 1 000 habitants.')
  await expect(population.getByRole('status')).toContainText('Obligations qui s’appliquent désormais (3)')
  await expect(population.getByRole('status')).toContainText('CGCT, art. L2121-8')
  await expect(population.getByRole('status')).toContainText('Obligations qui ne s’appliquent plus (1)')
  await population.scrollIntoViewIfNeeded()
  await snap(page, 'legal-01-population-settings')

  // After a reload the figure is still there.
  await page.reload()
  await expect(page.getByTestId('population-in-use')).toContainText('1 000 habitants')

  // The référentiel shows each obligation with its official text and the day it was checked.
  await page.getByRole('navigation').getByRole('link', { name: 'Référentiel' }).click()
  await page.getByLabel('Rechercher un thème, une question ou un texte').fill('L2121-8')
  const link = page.getByRole('link', { name: /Ouvrir le texte officiel de CGCT, art\. L2121-8/ }).first()
  await expect(link).toHaveAttribute('href', 'https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006070633/')
  await expect(link).toHaveAttribute('target', '_blank')
  await expect(page.getByText(/vérifié le \d/).first()).toBeVisible()
  await snap(page, 'legal-02-criterion-source')

  const commune = await invoke(host, 'commune.get', {})
  expect(commune.value).toMatchObject({ population: 215, populationTotale: 1000, populationTotaleYear: 2026 })
})
