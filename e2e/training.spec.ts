import ExcelJS from 'exceljs'
import { readFileSync } from 'node:fs'
import { expect, invoke, test } from './support/fixtures'
import { seedFauxVillecerf } from './support/seed'
import { HomePage } from './pages/HomePage'
import { LeaveQuestion } from './pages/LeaveQuestion'
import { ReportsPage } from './pages/ReportsPage'
import { TrainingPage } from './pages/TrainingPage'

test.use({ viewport: { width: 1366, height: 768 } })

const PAUL = 'Paul Girard'
const WEAKNESS = 'Circulation et stationnement'

test('an adjoint with a délégation is trained from a weakness of the diagnostic: planned, followed with its attestation, counted and listed', async ({
  page,
  host,
  snap,
}) => {
  await seedFauxVillecerf(host)
  expect((await invoke(host, 'mandate.update', { startYear: 2026, endYear: 2032, installedOn: '2026-03-27' })).ok).toBe(true)
  // A diagnostic whose roads theme is weak: both criteria of « Circulation et stationnement » not done.
  const campaign = await invoke(host, 'campaigns.create', { name: 'Diagnostic 2026' })
  const campaignId = (campaign.value as { id: number }).id
  for (const criterionId of ['arretes-circulation', 'securite-routiere']) {
    expect((await invoke(host, 'answers.save', { campaignId, criterionId, status: 'pas_fait' })).ok).toBe(true)
  }

  await page.goto(host.url)
  const home = new HomePage(page)
  const dashboardLine = page.getByLabel('Formation des élus', { exact: true })
  await expect(dashboardLine).toContainText('1 élu délégué sur 1 pas encore formé avant le 26 mars 2027')
  await snap(page, 'training-01-dashboard-untrained')

  const training = new TrainingPage(page)
  await training.open()
  await expect(training.obligations).toContainText('1 élu ayant une délégation sur 1 n’est pas encore formé')
  await expect(training.obligations).toContainText('le 26 mars 2027 inclus')
  await expect(training.obligations).toContainText('À prendre avant le 27 juin 2026')
  const suggestion = training.suggestion(PAUL, WEAKNESS)
  await expect(suggestion).toContainText('Point faible du diagnostic')
  await snap(page, 'training-02-suggestion')

  // The suggestion becomes a wish.
  await suggestion.getByRole('button', { name: 'En faire un souhait' }).click()
  await expect(training.dialog.getByLabel('Intitulé')).toHaveValue(WEAKNESS)
  await training.save()
  await expect(training.training(PAUL, WEAKNESS)).toContainText('Souhaitée')
  await expect(training.member(PAUL).getByLabel(`Formations suggérées pour ${PAUL}`).getByLabel(WEAKNESS, { exact: true })).toHaveCount(0)

  // The commune's organisme, with its agrément.
  await training.tab('Organismes')
  await page.getByRole('button', { name: 'Ajouter un organisme' }).click()
  await training.dialog.getByLabel('Nom').fill('Association des maires de l’Aube')
  await training.dialog.getByLabel('Agréé par le ministère').check()
  await training.dialog.getByLabel('Numéro d’agrément').fill('AG-10-2021')
  await training.save()
  await expect(page.getByRole('cell', { name: 'Association des maires de l’Aube', exact: true })).toBeVisible()

  // The wish becomes a planned training: organisme, date, cost.
  await training.tab('Les élus')
  await training
    .training(PAUL, WEAKNESS)
    .getByRole('button', { name: `Modifier « ${WEAKNESS} »` })
    .click()
  await training.choose('Où en est-elle ?', 'Inscrite')
  await training.choose('Organisme', 'Association des maires de l’Aube (agréé)')
  await training.dialog.getByLabel('Début').fill('20/11/2026')
  await training.dialog.getByLabel('Durée').fill('7')
  await training.dialog.getByLabel('Coût de la formation').fill('250')
  await training.dialog.getByLabel('Déplacement et séjour').fill('38,40')
  await training.save()
  await expect(training.training(PAUL, WEAKNESS)).toContainText('Inscrite')
  await expect(training.training(PAUL, WEAKNESS)).toContainText('agrément n° AG-10-2021')
  await expect(training.obligations).toContainText('formation prévue')
  await snap(page, 'training-03-planned')

  // Followed, with its attestation.
  await training
    .training(PAUL, WEAKNESS)
    .getByRole('button', { name: `Modifier « ${WEAKNESS} »` })
    .click()
  await training.choose('Où en est-elle ?', 'Suivie')
  await training.save()
  const chooser = page.waitForEvent('filechooser')
  await training
    .training(PAUL, WEAKNESS)
    .getByRole('button', { name: `Joindre l’attestation de « ${WEAKNESS} »` })
    .click()
  const attestation = Buffer.from('%PDF-1.4\n% attestation de présence de Paul Girard\n')
  await (await chooser).setFiles({ name: 'attestation-paul.pdf', mimeType: 'application/pdf', buffer: attestation })
  await expect(training.training(PAUL, WEAKNESS)).toContainText('Attestation : attestation-paul.pdf')
  await expect(training.training(PAUL, WEAKNESS)).toContainText('Suivie')
  await expect(training.obligations).toContainText('L’élu ayant une délégation est formé')
  await expect(training.member(PAUL)).toContainText('Formé la première année')
  await snap(page, 'training-04-followed')
  // The attestation comes back as it was stored (the browser host downloads it).
  const downloading = page.waitForEvent('download')
  await training.training(PAUL, WEAKNESS).getByRole('button', { name: 'Attestation : attestation-paul.pdf' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toBe('attestation-paul.pdf')
  expect(readFileSync((await download.path())!)).toEqual(attestation)

  // The dashboard's count of untrained délégués drops.
  await home.goTo('Tableau de bord')
  await expect(dashboardLine).toContainText('Tous les élus délégués sont formés')
  await snap(page, 'training-05-dashboard-trained')

  // The élu's own view in « Mes tâches »: the maire's rights and the basics of the mandate.
  await home.goTo('Mes tâches')
  const mine = page.getByLabel('Ma formation', { exact: true })
  await expect(mine).toContainText('DIF déclaré : non renseigné')
  await expect(mine).toContainText('Le rôle du maire, des adjoints et du conseil')
  await snap(page, 'training-06-my-training')

  // The yearly table lists it, on screen, in XLSX and in the PDF.
  await training.open()
  await training.tab('Budget et tableau annuel')
  const table = page.getByRole('table', { name: 'Formations financées par la commune en 2026' })
  await expect(table).toContainText(PAUL)
  await expect(table).toContainText(WEAKNESS)
  await expect(table).toContainText('288,40 €')
  await snap(page, 'training-07-budget-table')
  const xlsxDownload = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Tableau en XLSX' }).click()
  const xlsx = await xlsxDownload
  expect(xlsx.suggestedFilename()).toBe('formations-des-elus-2026.xlsx')
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(readFileSync((await xlsx.path())!) as unknown as ArrayBuffer)
  const row = workbook.worksheets[0]!.getRow(2).values as unknown[]
  expect([row[1], row[3], row[4], row[5], row[12]]).toEqual([PAUL, WEAKNESS, 'Association des maires de l’Aube', 'AG-10-2021', 288.4])

  await page.getByRole('link', { name: 'Tableau en PDF' }).click()
  const reports = new ReportsPage(page)
  await expect(page.getByRole('radio', { name: /^Formation des élus/ })).toBeChecked()
  await reports.generate()
  await expect(reports.previewTitle).toContainText('Formation des élus')
  await reports.expectDrawn(1)
  await snap(page, 'training-08-report-preview')

  // Credits typed and not saved are not lost by choosing another year.
  await training.open()
  await training.tab('Budget et tableau annuel')
  const credits = page.getByRole('textbox', { name: 'Crédits votés pour 2026' })
  await credits.fill('1200')
  await page.getByRole('combobox', { name: 'Année' }).click()
  await page.getByRole('option', { name: '2027' }).click()
  const question = new LeaveQuestion(page)
  await question.expectAsked('Les crédits saisis pour 2026 ne sont pas enregistrés : en choisissant une autre année, ils seront perdus.')
  await snap(page, 'training-09-other-year-asked')
  await question.keepEditing()
  await expect(credits).toHaveValue(/^1\s?200/)
})
