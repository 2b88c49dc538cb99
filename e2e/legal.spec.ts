import Database from 'better-sqlite3'
import { join } from 'node:path'
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
  // Its Légifrance identifier not verified yet, L2121-8 links to the code, and the link says so.
  const link = page.getByRole('link', { name: /Ouvrir le code sur Légifrance, où l’article L2121-8 se cherche par son numéro/ }).first()
  await expect(link).toHaveAttribute('href', 'https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006070633/')
  await expect(link).toHaveText('Lien vers le code')
  await expect(link).toHaveAttribute('target', '_blank')
  await expect(page.getByText(/vérifié le \d/).first()).toBeVisible()
  await snap(page, 'legal-02-criterion-source')

  const commune = await invoke(host, 'commune.get', {})
  expect(commune.value).toMatchObject({ population: 215, populationTotale: 1000, populationTotaleYear: 2026 })
})

test('the débat d’orientation budgétaire: its window from the legal deadline until the planned budget session is entered', async ({
  page,
  host,
  snap,
}) => {
  await seedFauxVillecerf(host)
  // A commune of 3 500 inhabitants or more holds the debate (CGCT L2312-1).
  expect((await invoke(host, 'commune.setPopulation', { populationTotale: 4200, year: 2026 })).ok).toBe(true)
  await page.goto(host.url)
  await page.getByRole('navigation').getByRole('link', { name: 'Calendrier' }).click()
  const dob = page.getByLabel('Échéances à venir').getByLabel('Débat d’orientation budgétaire')
  await expect(dob).toContainText('faute de date de séance indiquée, la fenêtre est calculée à partir de la date limite légale du vote du budget')
  await expect(dob).toContainText('15 février 2027')
  await expect(dob).toContainText('15 avril 2027')

  await dob.getByLabel('Séance budgétaire prévue (budget 2027)').fill('25/03/2027')
  await dob.getByRole('button', { name: 'Enregistrer', exact: true }).click()
  await expect(dob).toContainText('Entre le 25 janvier 2027 et le 25 mars 2027, date prévue de la séance budgétaire')
  await dob.scrollIntoViewIfNeeded()
  await snap(page, 'legal-03-budget-session')

  // The home page's deadlines say the window too; after a reload the date is still there.
  await page.getByRole('navigation').getByRole('link', { name: 'Tableau de bord' }).click()
  await expect(page.getByLabel('Prochaines échéances')).toContainText('Du 25 janvier 2027 au 25 mars 2027')
  await snap(page, 'legal-04-home-deadlines')
  await page.reload()
  await page.getByRole('navigation').getByRole('link', { name: 'Calendrier' }).click()
  await expect(dob).toContainText('25 mars 2027')
  await expect(dob.getByLabel('Séance budgétaire prévue (budget 2027)')).toHaveValue('25/03/2027')
  await dob.getByRole('button', { name: 'Retirer la date' }).click()
  await expect(dob).toContainText('faute de date de séance indiquée')
  expect((await invoke(host, 'calendar.budgetSessions', {})).value).toEqual([])
})

test('an open campaign started on an older référentiel lists what changed until an administrator moves it on', async ({
  page,
  host,
  dataDir,
  snap,
}) => {
  await seedFauxVillecerf(host)
  const campaign = (await invoke(host, 'campaigns.create', { name: 'Diagnostic de début de mandat' })).value as { id: number }
  // As if the campaign had been started before the update to 2026.2 (another connection, as a previous version of the app).
  const db = new Database(join(dataDir, 'cap-commune.sqlite'))
  db.prepare("UPDATE campaigns SET referentiel_version = '2026.1' WHERE id = ?").run(campaign.id)
  db.close()

  await page.goto(host.url)
  await page.getByRole('navigation').getByRole('link', { name: 'Diagnostic' }).click()
  const notice = page.getByTestId('content-change-notice')
  await expect(notice).toContainText('version 2026.1 → 2026.2')
  await expect(notice).toContainText('Critères ajoutés : à renseigner (1)')
  await expect(notice).toContainText('Critères reformulés')
  await expect(notice).toContainText('Seuils, conditions ou poids modifiés')
  await snap(page, 'legal-05-content-change', { fullPage: true })

  await notice.getByRole('button', { name: 'J’ai pris connaissance : passer la campagne à la version 2026.2' }).click()
  await expect(notice).toHaveCount(0)
  await page.reload()
  await expect(page.getByRole('heading', { name: 'Diagnostic', exact: false }).first()).toBeVisible()
  await expect(page.getByTestId('content-change-notice')).toHaveCount(0)
})

test('an administrator declares an obligation not applicable with a reason, shown beside it, and goes back to the rule', async ({
  page,
  host,
  snap,
}) => {
  await seedFauxVillecerf(host)
  const campaign = (await invoke(host, 'campaigns.create', { name: 'Diagnostic de début de mandat' })).value as { id: number }
  await page.goto(host.url)
  await expect(page.getByRole('navigation')).toBeVisible()
  await page.goto(`${host.origin}/diagnostic/${campaign.id}/themes/conseil-municipal`)
  await page.getByRole('button', { name: 'Déclarer non applicable…' }).first().click()
  const dialog = page.getByRole('dialog')
  await dialog.getByRole('button', { name: 'Déclarer non applicable' }).click()
  await expect(dialog).toContainText('La raison de la décision est obligatoire.')
  await dialog.getByLabel('Raison de la décision').fill('Séances tenues par le conseil de la commune nouvelle depuis le 1er janvier 2026')
  await dialog.getByRole('button', { name: 'Déclarer non applicable' }).click()
  await expect(dialog).toBeHidden()
  const badge = page.getByText('Applicabilité décidée par la commune').first()
  await expect(badge).toBeVisible()
  await expect(page.getByText('Raison : Séances tenues par le conseil de la commune nouvelle depuis le 1er janvier 2026')).toBeVisible()
  await badge.scrollIntoViewIfNeeded()
  await snap(page, 'legal-06-applicability-decided')

  await page.getByRole('button', { name: 'Revenir à la règle' }).first().click()
  await page.getByRole('dialog').getByRole('button', { name: 'Revenir à la règle' }).click()
  await expect(page.getByText('Applicabilité décidée par la commune')).toHaveCount(0)
})
