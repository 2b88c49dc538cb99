import { readFileSync } from 'node:fs'
import { expect, invoke, test } from './support/fixtures'
import { seedFauxVillecerf } from './support/seed'
import { ReportsPage } from './pages/ReportsPage'
import { SettingsPage } from './pages/SettingsPage'

/** A 32 × 32 coat of arms (blue over red, white border), as a user would pick it on disk. */
const COAT_OF_ARMS = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAIAAAD8GO2jAAAANUlEQVR42mP4T2PAQCcLGBgmUh2NWjBqwagFoxaMPAseMvBTHY1aMGrBqAWjFow8C4Zw6xoAT44bBOOhluAAAAAASUVORK5CYII=',
  'base64',
)

/** Today plus a number of days, written JJ/MM/AAAA. */
function frenchDate(daysFromToday: number): string {
  const d = new Date()
  d.setDate(d.getDate() + daysFromToday)
  return `${String(d.getDate()).padStart(2, '0')}/${String(d.getMonth() + 1).padStart(2, '0')}/${d.getFullYear()}`
}

test('a logo is set, a dashboard report is previewed, saved and printed, then a council pack is built', async ({ page, host, snap }) => {
  test.setTimeout(180_000)
  await seedFauxVillecerf(host)
  expect((await invoke(host, 'campaigns.create', { name: 'Diagnostic 2026' })).ok).toBe(true)
  expect(
    (await invoke(host, 'projects.create', { title: 'Rénovation de l’école maternelle', status: 'en_cours', budgetPlannedCents: 8_500_000 })).ok,
  ).toBe(true)
  expect((await invoke(host, 'projects.create', { title: 'Éclairage public en LED', status: 'programme' })).ok).toBe(true)

  // pdf.js must work within the app's Content-Security-Policy, without a single page error.
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' || /Content.Security.Policy|Warning:/i.test(message.text())) problems.push(message.text())
  })
  page.on('pageerror', (error) => problems.push(error.message))

  // Paramètres › Commune et mandat: the coat of arms, chosen like any file.
  await page.goto(host.url)
  await page.getByRole('navigation').getByRole('link', { name: 'Paramètres' }).click()
  await new SettingsPage(page).openTab('Commune et mandat')
  const logo = page.getByRole('region', { name: 'Logo ou blason de la commune' })
  await expect(logo).toContainText('Aucun logo pour l’instant')
  await expect(logo).toContainText('Il figure en haut de la couverture et des pages des rapports PDF.')
  const choosing = page.waitForEvent('filechooser')
  await logo.getByRole('button', { name: 'Choisir une image…' }).click()
  await (await choosing).setFiles({ name: 'blason.png', mimeType: 'image/png', buffer: COAT_OF_ARMS })
  await expect(page.getByText('Le logo est enregistré : il figurera sur les prochains rapports.')).toBeVisible()
  await expect(logo.getByRole('img', { name: 'Logo de Faux-Villecerf' })).toBeVisible()
  await expect(logo.getByRole('button', { name: 'Retirer le logo' })).toBeVisible()
  await snap(page, 'reports-01-logo')

  // Rapports: the diagnostic report is offered first, on the latest campaign.
  const reports = new ReportsPage(page)
  await reports.open()
  await expect(page.getByRole('combobox', { name: 'Campagne de diagnostic' })).toHaveValue('Diagnostic 2026')
  await expect(page.getByText('Choisissez un rapport et ses options')).toBeVisible()
  await snap(page, 'reports-02-choose')

  // The dashboard: generated, previewed by pdf.js.
  await reports.choose('Tableau de bord de la commune')
  await expect(page.getByText('Ce rapport n’a pas d’option')).toBeVisible()
  await reports.generate()
  await expect(reports.previewTitle).toHaveText(/^Tableau de bord de la commune/)
  await expect(reports.pageCount).toHaveText(/^\d+ pages?$/)
  const pages = Number((await reports.pageCount.textContent())!.split(' ')[0])
  expect(pages).toBeGreaterThanOrEqual(2)
  await expect(page.getByText(`Page 1 / ${pages}`)).toBeVisible()
  await reports.expectDrawn(1)
  await snap(page, 'reports-03-dashboard-preview')

  // Saved as it came from the core.
  const download = await reports.save()
  expect(download.suggestedFilename()).toMatch(/\.pdf$/)
  const bytes = readFileSync((await download.path())!)
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')

  // Printed: every page becomes an image for the print-only container, then the print dialog opens.
  await page.evaluate(() => {
    ;(window as unknown as { printed: number }).printed = 0
    window.print = () => void (window as unknown as { printed: number }).printed++
  })
  await page.getByRole('button', { name: 'Imprimer' }).click()
  // Drawing every page takes a while on a loaded test machine.
  await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed), { timeout: 60_000 }).toBe(1)
  await expect(page.locator('[data-print-pages] img')).toHaveCount(pages)
  await page.emulateMedia({ media: 'print' })
  await expect(page.locator('#root')).toBeHidden()
  await expect(page.locator('[data-print-pages] img').first()).toBeVisible()
  await snap(page, 'reports-04-print-media')
  await page.emulateMedia({ media: 'screen' })
  await reports.expectDrawn(1)

  // A council pack without any part: the French message, and the preview and the options stay.
  await reports.choose('Dossier de séance du conseil')
  await reports.fillMeetingDate(frenchDate(14))
  await page.getByLabel('Sous-titre (facultatif)').fill('Séance ordinaire')
  await reports.setSections([])
  await reports.generate()
  await expect(page.getByText('Choisissez au moins une partie à inclure dans le dossier.')).toBeVisible()
  await expect(reports.previewTitle).toHaveText(/^Tableau de bord de la commune/)
  await expect(page.getByLabel('Sous-titre (facultatif)')).toHaveValue('Séance ordinaire')
  await snap(page, 'reports-05-council-error')

  // Two parts, the project sheets of two projects found by typing without accents.
  await reports.setSections(['Tableau de bord', 'Fiches projet'])
  await expect(page.getByText('Choisissez au moins une partie à inclure dans le dossier.')).toBeHidden()
  await reports.addProject('ecole', 'Rénovation de l’école maternelle')
  await reports.addProject('eclairage', 'Éclairage public en LED')
  // The list closes once a project is picked: it must not stay open over « Générer l’aperçu ».
  await expect(page.getByRole('listbox')).toBeHidden()
  await expect(page.getByRole('combobox', { name: 'Projets présentés' })).toBeFocused()
  // The answer is held back a moment, so that the progress the core reported stays on screen.
  let release = () => {}
  const held = new Promise<void>((resolve) => (release = resolve))
  await page.route('**/api/invoke', async (route) => {
    if (!route.request().postData()?.includes('"reports.generate"')) return route.fallback()
    const response = await route.fetch()
    await held
    await route.fulfill({ response })
  })
  await reports.generate()
  const progress = page.getByRole('status').filter({ has: page.getByRole('progressbar', { name: 'Avancement du rapport' }) })
  // The core's steps in words; on a fast machine its last one (« Rapport prêt. ») may already be shown.
  await expect(progress).toContainText(/Mise en page…|Rapport prêt\./)
  await expect(page.getByRole('button', { name: 'Générer l’aperçu' })).toBeDisabled()
  await snap(page, 'reports-06-council-progress')
  release()
  await expect(reports.previewTitle).toHaveText(/^Dossier de séance du conseil municipal/)
  await expect(reports.pageCount).toHaveText(/^\d+ pages$/)
  await reports.expectDrawn(1)
  await snap(page, 'reports-07-council-preview')

  // One project's sheet, with its history, chosen by typing in the searchable list.
  await reports.choose('Fiche projet')
  await page.getByRole('combobox', { name: 'Projet', exact: true }).fill('led')
  await page.getByRole('option', { name: 'Éclairage public en LED' }).click()
  await expect(page.getByRole('checkbox', { name: 'Historique des modifications' })).toBeChecked()
  await expect(page.getByText('Cet aperçu est celui du rapport « Dossier de séance du conseil »')).toBeVisible()
  await snap(page, 'reports-08-project-options')
  await reports.generate()
  await expect(reports.previewTitle).toHaveText(/^Fiche projet — Éclairage public en LED/)
  await reports.expectDrawn(1)
  expect(problems).toEqual([])
})

test('empty states point to the diagnostic and the projects', async ({ page, host, snap }) => {
  await seedFauxVillecerf(host)
  await page.goto(host.url)
  const reports = new ReportsPage(page)
  await reports.open()
  await expect(page.getByText('Aucun diagnostic pour l’instant')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Générer l’aperçu' })).toBeDisabled()
  await snap(page, 'reports-09-no-campaign')
  await reports.choose('Fiche projet')
  await expect(page.getByText('Aucun projet pour l’instant')).toBeVisible()
  await page.getByRole('link', { name: 'Aller aux projets' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Projets du mandat' })).toBeVisible()
})

test('the home page and a project page open their PDF report, ready to preview and save', async ({ page, host, snap }) => {
  await seedFauxVillecerf(host)
  const created = await invoke(host, 'projects.create', { title: 'Réfection du cœur de village', status: 'en_cours', budgetPlannedCents: 12_345_600 })
  expect(created.ok).toBe(true)
  await page.goto(host.url)
  // The home page leads to the dashboard report, already chosen.
  await page.getByRole('link', { name: 'Tableau de bord en PDF' }).click()
  await expect(page.getByRole('radio', { name: /Tableau de bord de la commune/ })).toBeChecked()
  await page.getByRole('link', { name: 'Projets', exact: true }).click()
  await page.getByRole('link', { name: 'Réfection du cœur de village' }).click()
  await page.getByRole('link', { name: 'Fiche PDF' }).click()
  const reports = new ReportsPage(page)
  await expect(page.getByRole('radio', { name: /Fiche projet/ })).toBeChecked()
  await expect(page.getByRole('combobox', { name: 'Projet', exact: true })).toHaveValue('Réfection du cœur de village')
  await reports.generate()
  await expect(reports.previewTitle).toHaveText(/^Fiche projet — Réfection du cœur de village/)
  await reports.expectDrawn(1)
  await snap(page, 'reports-10-from-project')
  const download = await reports.save()
  expect(download.suggestedFilename()).toMatch(/^projet-refection-du-coeur-de-village-\d{4}-\d{2}-\d{2}\.pdf$/)
})

test('the report options show a long campaign or project name whole at 1366×768, not cut off', async ({ page, host, snap }) => {
  await seedFauxVillecerf(host)
  expect((await invoke(host, 'campaigns.create', { name: 'Diagnostic de début de mandat 2026' })).ok).toBe(true)
  expect(
    (await invoke(host, 'projects.create', { title: 'Programme de rénovation énergétique des bâtiments communaux', status: 'programme' })).ok,
  ).toBe(true)
  await page.goto(host.url)
  const reports = new ReportsPage(page)
  await reports.open()
  const campaign = page.getByRole('combobox', { name: 'Campagne de diagnostic' })
  await expect(campaign).toHaveValue('Diagnostic de début de mandat 2026')
  // Every field of the options shows its whole value: the text is no wider than the field that holds it.
  const cut = async () =>
    page.getByRole('combobox').evaluateAll((fields) =>
      fields
        .filter((f): f is HTMLInputElement => f instanceof HTMLInputElement && f.offsetParent !== null && f.value !== '')
        .filter((f) => f.scrollWidth > f.clientWidth + 1)
        .map((f) => f.value),
    )
  expect(await cut()).toEqual([])
  await reports.choose('Fiche projet')
  const project = page.getByRole('combobox', { name: 'Projet', exact: true })
  await project.fill('Programme')
  await page.getByRole('option', { name: 'Programme de rénovation énergétique des bâtiments communaux' }).click()
  await expect(project).toHaveValue('Programme de rénovation énergétique des bâtiments communaux')
  expect(await cut()).toEqual([])
  await snap(page, 'reports-10-long-names')
})
