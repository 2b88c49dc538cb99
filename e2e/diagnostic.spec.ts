import { readFileSync } from 'node:fs'
import { expect, invoke, test } from './support/fixtures'
import { seedFauxVillecerf } from './support/seed'
import { DiagnosticPage } from './pages/DiagnosticPage'
import { HomePage } from './pages/HomePage'
import { SettingsPage } from './pages/SettingsPage'
import { LeaveQuestion } from './pages/LeaveQuestion'

interface CriterionView {
  id: string
  question: string
  kind: string
  weight: number
  applicability: { applies: boolean; reason: string }
}
interface ThemeView {
  id: string
  title: string
  criteria: CriterionView[]
}
interface DomainView {
  id: string
  title: string
  themes: ThemeView[]
}

const PCS = /plan communal de sauvegarde/i

test('an élu answers a theme: the score moves, the unmet obligation comes first, a snapshot is compared', async ({ page, host, snap }) => {
  await seedFauxVillecerf(host)
  await page.goto(host.url)
  const home = new HomePage(page)

  // The profile questionnaire: a PPRN makes the plan communal de sauvegarde compulsory.
  await home.goTo('Paramètres')
  await new SettingsPage(page).openTab('Profil de la commune')
  await page.getByLabel('Plan de prévention des risques naturels (PPRN) approuvé').check()
  await page.getByLabel('Nombre d’agents en équivalents temps plein').fill('1')
  // Leaving with the answers not saved asks first.
  const question = new LeaveQuestion(page)
  await question.leaveByMenu('Diagnostic')
  await snap(page, 'diagnostic-01a-profile-leave-asked')
  await question.keepEditing()
  await expect(page.getByLabel('Plan de prévention des risques naturels (PPRN) approuvé')).toBeChecked()
  await page.getByRole('button', { name: 'Enregistrer' }).click()
  await expect(page.getByText('Le profil de la commune est enregistré.')).toBeVisible()
  await snap(page, 'diagnostic-01-commune-profile')

  // Find the theme of the PCS in the référentiel, as the app serves it.
  const referentiel = await invoke(host, 'referentiel.get', {})
  const domains = (referentiel.value as { domains: DomainView[] }).domains
  const domain = domains.find((d) => d.themes.some((t) => t.criteria.some((c) => PCS.test(c.question))))!
  const theme = domain.themes.find((t) => t.criteria.some((c) => PCS.test(c.question)))!
  const pcs = theme.criteria.find((c) => PCS.test(c.question))!
  expect(pcs.kind).toBe('obligation')
  expect(pcs.applicability.applies).toBe(true)

  await page.getByRole('navigation').getByRole('link', { name: 'Diagnostic' }).click()
  await expect(page.getByRole('heading', { name: 'Lancez votre premier diagnostic' })).toBeVisible()
  await snap(page, 'diagnostic-02-empty')
  const diagnostic = new DiagnosticPage(page)
  await diagnostic.startFirstCampaign('Diagnostic 2026')
  await expect(diagnostic.overallScore).toHaveText('0 %')
  // Nothing answered yet: no obligation is said unmet; every applicable criterion is listed as still to answer.
  await expect(page.getByTestId('unmet-obligations')).toHaveText('0')
  await expect(page.getByTestId('obligations-to-answer')).not.toHaveText('0')
  const toAnswer = page.getByLabel('Critères à renseigner')
  await expect(page.getByTestId('still-to-answer')).not.toHaveText('0')
  await expect(toAnswer.getByRole('link', { name: domain.title, exact: true })).toBeVisible()
  await page.getByRole('button', { name: 'Comment le score est calculé' }).click()
  await expect(page.getByText('Chaque critère a un poids de 1 (mineur) à 5 (essentiel).', { exact: false })).toBeVisible()
  await snap(page, 'diagnostic-02b-synthesis-new-campaign', { fullPage: true })
  await diagnostic.takeSnapshot('Avant le conseil')

  await diagnostic.openTheme(domain.title, theme.title)
  await expect(page.getByTestId('theme-score')).toHaveText('0 %')
  await expect(diagnostic.criterion(pcs.question).getByTestId('criterion-weight')).toHaveText(`Poids ${pcs.weight} sur 5`)
  for (const criterion of theme.criteria.filter((c) => c.applicability.applies && c.id !== pcs.id)) {
    await diagnostic.answer(criterion.question, 'Fait')
  }
  await diagnostic.answer(pcs.question, 'Pas fait', 'Le PCS date de 2009 : à refaire avec la préfecture.')
  await expect(page.getByTestId('theme-score')).not.toHaveText('0 %')

  // A supporting document, stored and given back byte for byte.
  const document = Buffer.from('%PDF-1.4\n% Arrêté préfectoral PPRN\n')
  await diagnostic
    .criterion(pcs.question)
    .locator('input[type=file]')
    .setInputFiles({ name: 'arrêté-pprn.pdf', mimeType: 'application/pdf', buffer: document })
  await expect(diagnostic.criterion(pcs.question).getByRole('button', { name: 'arrêté-pprn.pdf', exact: true })).toBeVisible()
  const downloading = page.waitForEvent('download')
  await diagnostic.criterion(pcs.question).getByRole('button', { name: 'arrêté-pprn.pdf', exact: true }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toBe('arrêté-pprn.pdf')
  expect(readFileSync((await download.path())!)).toEqual(document)
  // A citizen's request about this theme, entered locally, is counted.
  const requests = page.getByLabel('Demandes des citoyens', { exact: true })
  await expect(requests).toContainText('Aucune demande de citoyen sur ce thème')
  await requests.getByLabel('Demande reçue (résumé)').fill('Un habitant demande où se réfugier en cas de crue.')
  await requests.getByRole('button', { name: 'Ajouter' }).click()
  await expect(requests).toContainText('1 demande de citoyen sur ce thème')
  await expect(requests).toContainText('Un habitant demande où se réfugier en cas de crue.')
  await snap(page, 'diagnostic-03-theme-answers')

  // Back to the synthesis: the score has moved, and the unmet obligation leads the weaknesses.
  await page.getByRole('link', { name: 'Diagnostic 2026' }).click()
  await expect(diagnostic.overallScore).not.toHaveText('0 %')
  await expect(page.getByRole('img', { name: /Radar des scores par domaine/ })).toBeVisible()
  const firstWeakness = diagnostic.weaknesses.locator('[aria-label]').first()
  await expect(firstWeakness).toContainText('Obligation non remplie')
  await expect(diagnostic.weaknesses.getByLabel(pcs.question)).toContainText('Obligation non remplie')
  await snap(page, 'diagnostic-04-synthesis')

  // Compare the snapshot taken before the answers with the scores now.
  await diagnostic.takeSnapshot('Après les réponses')
  await page.getByRole('combobox', { name: 'Avant', exact: true }).click()
  await page.getByRole('option', { name: /Avant le conseil/ }).click()
  const domainRow = page.getByRole('table', { name: 'Comparer' }).getByRole('row').filter({ hasText: domain.title }).first()
  await expect(domainRow).toContainText('+')
  await expect(domainRow).toContainText('pts')
  await snap(page, 'diagnostic-05-comparison')

  // The home page's diagnostic tile counts the PCS as non remplie, the unanswered obligations apart.
  await page.getByRole('navigation').getByRole('link', { name: 'Tableau de bord' }).click()
  await expect(page.getByTestId('dashboard-unmet')).toHaveText('1')
  await expect(page.getByTestId('dashboard-to-answer')).not.toHaveText('0')
  await page.getByTestId('dashboard-unmet').scrollIntoViewIfNeeded()
  await snap(page, 'diagnostic-06-home-tile')
})

test('the référentiel is searchable without accents and shows why a criterion does not apply', async ({ page, host, snap }) => {
  await seedFauxVillecerf(host)
  await page.goto(host.url)
  await page.getByRole('navigation').getByRole('link', { name: 'Référentiel' }).click()
  await page.getByLabel('Rechercher un thème, une question ou un texte').fill('debat d orientation budgetaire')
  const criterion = page.getByText(/débat d.orientation budgétaire/i).first()
  await expect(criterion).toBeVisible()
  // Faux-Villecerf has 215 inhabitants: the DOB (3,500 and more) does not apply, and the app says why.
  await expect(
    page
      .getByText(
        /3\s500 habitants ou plus en population totale \(la vôtre en compte 215 en population municipale, en attendant sa population totale\)/,
      )
      .first(),
  ).toBeVisible()
  await snap(page, 'referentiel-01-search')

  // Nobody holds a délégation yet: the coverage view lists every theme; the maire takes one.
  await page.getByRole('tab', { name: 'Couverture des thèmes' }).click()
  await expect(page.getByText(/^0 thème sur \d+ a un élu délégué$/)).toBeVisible()
  const uncovered = page.getByRole('table', { name: /thèmes? sans élu délégué/ })
  const firstTheme = (await uncovered.getByRole('row').nth(1).getByRole('cell').nth(1).textContent())!
  await page.getByRole('tab', { name: 'Parcourir' }).click()
  await page.getByLabel('Rechercher un thème, une question ou un texte').fill(firstTheme)
  await page.getByRole('button', { name: 'J’ai la délégation' }).first().click()
  await expect(page.getByRole('button', { name: 'Ma délégation ✓' }).first()).toBeVisible()
  await page.getByRole('tab', { name: 'Couverture des thèmes' }).click()
  await expect(page.getByText(/^1 thème sur \d+ a un élu délégué$/)).toBeVisible()
  await expect(uncovered).not.toContainText(firstTheme)
  await snap(page, 'referentiel-02-coverage')

  // The regulatory calendar lists dated deadlines, also on the home page.
  await page.getByRole('navigation').getByRole('link', { name: 'Calendrier' }).click()
  await expect(page.getByRole('heading', { name: 'Calendrier réglementaire' })).toBeVisible()
  await expect(
    page
      .getByLabel('Échéances à venir')
      .getByText(/budget/i)
      .first(),
  ).toBeVisible()
  await snap(page, 'calendar-01')
  await page.getByRole('navigation').getByRole('link', { name: 'Tableau de bord' }).click()
  await expect(page.getByLabel('Prochaines échéances')).toBeVisible()
  await snap(page, 'home-03-deadlines')
})
