import { expect, invoke, test } from './support/fixtures'
import { seedFauxVillecerf } from './support/seed'
import { SetupWizardPage } from './pages/SetupWizardPage'

test('the commune search says why a commune is listed, when the list stops, and takes the département after the name', async ({
  page,
  host,
  snap,
}) => {
  const wizard = new SetupWizardPage(page)
  await wizard.open(host.url)

  // 10290 is the postal code of Faux-Villecerf and its neighbours, and the INSEE code of Planty: that one says so.
  await wizard.searchCommune('10290')
  await expect(wizard.communeOptions().filter({ hasText: 'Faux-Villecerf' })).not.toContainText('code INSEE')
  await expect(wizard.communeOptions().filter({ hasText: 'Planty' })).toContainText('code INSEE 10290')
  await snap(page, 'search-03-commune-insee')

  // Hundreds of « Saint… »: twelve are shown, and the list says there are others and how to narrow it.
  await wizard.searchCommune('saint')
  await expect(wizard.communeOptions()).toHaveCount(12)
  await expect(page.getByRole('note')).toContainText('Seules les 12 premières communes sont affichées')
  await snap(page, 'search-04-commune-cap')

  // The département's name, or its number, after the commune's name.
  for (const query of ['saint martin aube', 'saint martin 10']) {
    await wizard.searchCommune(query)
    await expect(wizard.communeOptions().first()).toContainText('Saint-Martin-de-Bossenay')
    await expect(wizard.communeOptions().first()).toContainText('Aube (10)')
  }
  await expect(page.getByRole('note')).toHaveCount(0)
  await snap(page, 'search-05-commune-departement')
})

test('Ctrl+K says when a kind of result stops, and the référentiel ranks titles and the domain’s own name first', async ({ page, host, snap }) => {
  await seedFauxVillecerf(host)
  for (let i = 1; i <= 8; i++) expect((await invoke(host, 'projects.create', { title: `Voirie communale, tranche ${i}` })).ok).toBe(true)
  expect((await invoke(host, 'projects.create', { title: 'Voirie du hameau des Grès' })).ok).toBe(true)
  await page.goto(host.url)
  await expect(page.getByRole('button', { name: 'Votre profil' })).toBeVisible()

  await page.keyboard.press('Control+k')
  const dialog = page.getByRole('dialog')
  await dialog.getByLabel('Rechercher').fill('voirie')
  const projects = dialog.getByRole('group', { name: 'Projets' })
  await expect(projects.getByRole('option')).toHaveCount(6)
  await expect(projects.getByRole('note')).toHaveText('Il y en a d’autres : précisez la recherche pour les voir.')
  await snap(page, 'search-06-capped')
  await dialog.getByLabel('Rechercher').fill('voirie hameau')
  await expect(projects.getByRole('option')).toHaveCount(1)
  await expect(dialog.getByRole('note')).toHaveCount(0)

  // « école »: the themes of « Enfance, jeunesse et école » before a Voirie theme that mentions schools.
  await dialog.getByLabel('Rechercher').fill('école')
  await expect(dialog.getByRole('group', { name: 'Thèmes du référentiel' }).getByRole('option').first()).toContainText('Enfance, jeunesse et école')
  await page.keyboard.press('Escape')

  await page.getByRole('navigation').getByRole('link', { name: 'Référentiel' }).click()
  await page.getByLabel('Rechercher un thème, une question ou un texte').fill('école')
  await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText('Enfance, jeunesse et école')
  await snap(page, 'search-07-referentiel-ecole')
})
