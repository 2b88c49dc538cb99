import ExcelJS from 'exceljs'
import { readFileSync } from 'node:fs'
import { expect, invoke, test } from './support/fixtures'
import { seedFauxVillecerf } from './support/seed'
import { DiagnosticPage } from './pages/DiagnosticPage'
import { HomePage } from './pages/HomePage'
import { MyTasksPage } from './pages/MyTasksPage'
import { ProjectPage } from './pages/ProjectPage'
import { LeaveQuestion } from './pages/LeaveQuestion'

/** Today plus a number of days, written JJ/MM/AAAA. */
function frenchDate(daysFromToday: number): string {
  const d = new Date()
  d.setDate(d.getDate() + daysFromToday)
  return `${String(d.getDate()).padStart(2, '0')}/${String(d.getMonth() + 1).padStart(2, '0')}/${d.getFullYear()}`
}

test('a project born from a diagnostic weakness is planned, shared, followed on the dashboard, traced and exported', async ({ page, host, snap }) => {
  await seedFauxVillecerf(host)
  // Paul Girard, 1er adjoint, gets his own profile (no password).
  const members = (await invoke(host, 'members.list', {})).value as { id: number; firstName: string; lastName: string }[]
  const paul = members.find((m) => m.lastName === 'Girard')!
  const paulProfile = (await invoke(host, 'profiles.create', { displayName: 'Paul Girard', memberId: paul.id })).value as { id: number }
  const campaign = (await invoke(host, 'campaigns.create', { name: 'Diagnostic 2026' })).value as { id: number }
  // Only what was answered is a weakness: the council says it does not meet every quarter.
  expect((await invoke(host, 'answers.save', { campaignId: campaign.id, criterionId: 'conseil-trimestriel', status: 'pas_fait' })).ok).toBe(true)

  await page.goto(host.url)
  await page.getByRole('navigation').getByRole('link', { name: 'Diagnostic' }).click()
  const diagnostic = new DiagnosticPage(page)
  const weakness = diagnostic.weaknesses.locator('[aria-label]').first()
  await expect(weakness).toContainText('Obligation non remplie')
  await weakness.getByRole('button', { name: 'Créer un projet' }).click()
  const dialog = page.getByRole('dialog')
  await expect(dialog.getByRole('textbox', { name: 'Titre', exact: true })).not.toHaveValue('')
  await dialog.getByRole('textbox', { name: 'Titre', exact: true }).fill('Calendrier des séances du conseil 2027')
  await dialog.getByLabel('Budget prévu').fill('1500,5')
  await snap(page, 'projects-01-from-weakness')
  await dialog.getByRole('button', { name: 'Créer le projet' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Calendrier des séances du conseil 2027' })).toBeVisible()

  // Plan: one action, two tasks for two élus.
  const project = new ProjectPage(page)
  await project.addAction('Préparer le calendrier', frenchDate(30))
  await project.addTask('Préparer le calendrier', {
    title: 'Proposer les dates des séances',
    assignee: 'Marie Lambert',
    due: frenchDate(10),
    checklist: ['Vérifier les vacances scolaires'],
  })
  await project.addTask('Préparer le calendrier', { title: 'Réserver la salle du conseil', assignee: 'Paul Girard', due: frenchDate(-3) })
  await expect(project.task('Réserver la salle du conseil')).toContainText('en retard depuis le')
  await project.setTaskStatus('Proposer les dates des séances', 'Faite')
  await expect(page.getByText('50 %').first()).toBeVisible()
  await snap(page, 'projects-02-tasks')

  // Money: a DETR request.
  await project.openTab('Budget et financements')
  await page.getByRole('button', { name: 'Ajouter un financement' }).click()
  await page.getByRole('dialog').getByLabel('Montant demandé').fill('12345,50')
  await page.getByRole('dialog').getByRole('button', { name: 'Ajouter un financement' }).click()
  await expect(page.getByRole('table', { name: 'Financements' })).toContainText('12 345,50 €')
  await snap(page, 'projects-03-budget')

  // The audit trail names who changed what.
  await project.openTab('Historique')
  const history = page.getByRole('table', { name: 'Journal des modifications' })
  const statusChange = history.getByRole('row').filter({ hasText: 'Modification · Tâche' }).filter({ hasText: 'Statut' }).first()
  await expect(statusChange).toContainText('Marie Lambert')
  await expect(statusChange).toContainText('À faire')
  await expect(statusChange).toContainText('Faite')
  await snap(page, 'projects-04-history')

  // The dashboard shows the project in progress and the late task.
  await new HomePage(page).goTo('Tableau de bord')
  await expect(page.getByLabel('Tâches en retard', { exact: true }).last()).toContainText('Réserver la salle du conseil')
  await expect(page.getByLabel('Budget du mandat')).toContainText('1\u202f500,50\u00a0€')
  await expect(page.getByRole('img', { name: 'Budget par domaine : prévu, engagé, réalisé' })).toBeVisible()
  await snap(page, 'projects-05-dashboard')

  // Paul signs in: his tasks, late first.
  await page.getByRole('button', { name: 'Votre profil' }).click()
  await page.getByRole('menuitem', { name: 'Changer de profil' }).click()
  await page.getByRole('listitem').filter({ hasText: 'Paul Girard' }).click()
  await expect(page.getByRole('button', { name: 'Votre profil' })).toContainText('Paul Girard')
  await new HomePage(page).goTo('Mes tâches')
  const late = new MyTasksPage(page).group('En retard (1)')
  await expect(late).toContainText('Réserver la salle du conseil')
  await expect(page.getByText('Proposer les dates des séances')).toHaveCount(0)
  await snap(page, 'projects-06-my-tasks')
  expect(paulProfile.id).toBeGreaterThan(0)

  // Export to Excel and read it back.
  await new HomePage(page).goTo('Projets')
  const downloading = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Exporter (Excel)' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/^projets-\d{4}-\d\d-\d\d\.xlsx$/)
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer)
  const sheet = workbook.worksheets[0]!
  const rows: string[] = []
  sheet.eachRow((row) =>
    rows.push(
      (row.values as unknown[])
        .filter((v) => v !== undefined && v !== null)
        .map(String)
        .join(' | '),
    ),
  )
  expect(rows.join('\n')).toContain('Calendrier des séances du conseil 2027')
  const line = rows.find((r) => r.startsWith('Calendrier des séances du conseil 2027'))!
  expect(line).toContain('| Idée | Haute | Gouvernance et vie démocratique |')
  // Financeurs, progress (%), open tasks, late tasks.
  expect(line).toContain('| DETR | 50 | 1 | 1 |')
})

test('Mes tâches shows the 50 most urgent tasks first, and the others on « Afficher plus »', async ({ page, host, snap }) => {
  await seedFauxVillecerf(host)
  const members = (await invoke(host, 'members.list', {})).value as { id: number; lastName: string }[]
  const marie = members.find((m) => m.lastName === 'Lambert')!
  const project = (await invoke(host, 'projects.create', { title: 'Entretien des chemins communaux', status: 'en_cours' })).value as { id: number }
  const isoDate = (days: number) => {
    const d = new Date()
    d.setDate(d.getDate() + days)
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
  }
  // 5 late, 50 to come, 5 without a due date: 60 tasks for Marie Lambert, who is signed in.
  const plan = [
    ...Array.from({ length: 5 }, (_, i) => ({ title: `Relancer l’entreprise ${i + 1}`, dueOn: isoDate(-10 + i) })),
    ...Array.from({ length: 50 }, (_, i) => ({ title: `Chemin n° ${String(i + 1).padStart(2, '0')} : élaguer`, dueOn: isoDate(i + 1) })),
    ...Array.from({ length: 5 }, (_, i) => ({ title: `Idée ${i + 1}`, dueOn: null })),
    { title: 'Commander les panneaux', dueOn: isoDate(3), status: 'faite' },
  ]
  for (const task of plan) {
    expect((await invoke(host, 'tasks.create', { projectId: project.id, assigneeMemberId: marie.id, ...task })).ok).toBe(true)
  }

  await page.goto(host.url)
  await new HomePage(page).goTo('Mes tâches')
  const myTasks = new MyTasksPage(page)
  await expect(myTasks.group('En retard (5)')).toContainText('Relancer l’entreprise 1')
  await expect(myTasks.group('À venir (50)')).toContainText('Chemin n° 01 : élaguer')
  await expect(myTasks.tasks).toHaveCount(50)
  await expect(myTasks.group('Sans échéance (5)')).toHaveCount(0)
  await expect(myTasks.more).toContainText('50 tâches affichées sur 60, les plus urgentes d’abord.')
  await snap(page, 'my-tasks-01-first-page')

  await myTasks.showMore()
  await expect(myTasks.tasks).toHaveCount(60)
  await expect(myTasks.group('Sans échéance (5)')).toContainText('Idée 5')
  await expect(myTasks.more).toHaveCount(0)
  await snap(page, 'my-tasks-02-all')

  // Done tasks, when shown, are never « À venir »: they come last, under « Faites ».
  await page.getByRole('switch', { name: 'Afficher les tâches faites' }).check({ force: true })
  await expect(myTasks.more).toContainText('50 tâches affichées sur 61, les plus urgentes d’abord.')
  await myTasks.showMore()
  await expect(myTasks.group('Faites (1)')).toContainText('Commander les panneaux')
  await expect(myTasks.group('À venir (50)')).not.toContainText('Commander les panneaux')
  await myTasks.group('Faites (1)').scrollIntoViewIfNeeded()
  await snap(page, 'my-tasks-03-done')
})

test('a project document opens from the project — in the browser, as a download, byte for byte', async ({ page, host, snap }) => {
  await seedFauxVillecerf(host)
  expect((await invoke(host, 'projects.create', { title: 'Cœur de village', status: 'en_cours' })).ok).toBe(true)
  await page.goto(host.url)
  await new HomePage(page).goTo('Projets')
  await page.getByRole('link', { name: 'Cœur de village' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Cœur de village' })).toBeVisible()
  const projectPage = new ProjectPage(page)
  await projectPage.openTab('Échanges et documents')
  // A comment typed and not published is not lost by leaving the project: asked first, then kept.
  await page.getByRole('textbox', { name: 'Nouveau commentaire' }).fill('Le devis du couvreur est arrivé.')
  const question = new LeaveQuestion(page)
  await question.leaveByMenu('Projets')
  await snap(page, 'projects-06b-comment-leave-asked')
  await question.keepEditing()
  await expect(page.getByRole('textbox', { name: 'Nouveau commentaire' })).toHaveValue('Le devis du couvreur est arrivé.')
  const documents = page.getByLabel('Documents', { exact: true })
  const pdf = Buffer.from('%PDF-1.4\n% Esquisse de la place\n')
  await documents.locator('input[type=file]').setInputFiles({ name: 'Esquisse place.pdf', mimeType: 'application/pdf', buffer: pdf })
  await expect(documents.getByRole('button', { name: 'Esquisse place.pdf', exact: true })).toBeVisible()
  await snap(page, 'projects-07-documents')
  // The Electron app opens it in the computer's viewer; the browser host has none, so it is downloaded.
  const downloading = page.waitForEvent('download')
  await documents.getByRole('button', { name: 'Esquisse place.pdf', exact: true }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toBe('Esquisse place.pdf')
  expect(readFileSync((await download.path())!)).toEqual(pdf)
  // « Télécharger » gives the same file.
  const again = page.waitForEvent('download')
  await documents.getByRole('button', { name: 'Télécharger Esquisse place.pdf' }).click()
  expect(readFileSync((await (await again).path())!)).toEqual(pdf)
})

test('Ctrl+K finds a project without accents and opens it', async ({ page, host, snap }) => {
  await seedFauxVillecerf(host)
  expect((await invoke(host, 'projects.create', { title: 'Rénovation de l’école maternelle', status: 'en_cours' })).ok).toBe(true)
  await page.goto(host.url)
  await expect(page.getByRole('button', { name: 'Votre profil' })).toBeVisible()
  await page.keyboard.press('Control+k')
  await page.getByRole('dialog').getByLabel('Rechercher').fill('ecole')
  await expect(page.getByRole('option').first()).toContainText('Rénovation de l’école maternelle')
  await snap(page, 'search-01')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'Rénovation de l’école maternelle' })).toBeVisible()

  // « coeur » typed without the ligature finds « Cœur de village ».
  expect((await invoke(host, 'projects.create', { title: 'Cœur de village', status: 'idee' })).ok).toBe(true)
  await page.keyboard.press('Control+k')
  await page.getByRole('dialog').getByLabel('Rechercher').fill('coeur')
  await expect(page.getByRole('option').first()).toContainText('Cœur de village')
  await snap(page, 'search-02-ligature')
})
