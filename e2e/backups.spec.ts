import Database from 'better-sqlite3'
import { createHash, randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, openSync, closeSync, writeSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, invoke, test } from './support/fixtures'
import { seedFauxVillecerf } from './support/seed'
import { DataPage } from './pages/DataPage'
import { SetupWizardPage } from './pages/SetupWizardPage'

test.use({ viewport: { width: 1366, height: 768 } })

/** Big documents written straight into the data folder, so that a backup takes long enough to be watched. */
function addLargeDocuments(dataDir: string, projectId: number, count: number, megabytes: number): void {
  const db = new Database(join(dataDir, 'cap-commune.sqlite'))
  const folder = join(dataDir, 'pieces-jointes')
  mkdirSync(folder, { recursive: true })
  const insert = db.prepare(
    "INSERT INTO attachments (project_id, task_id, file_name, mime_type, size, sha256, added_at, added_by) VALUES (?, NULL, ?, 'application/pdf', ?, ?, '2026-05-04T10:00:00.000Z', 'Marie Lambert')",
  )
  for (let i = 0; i < count; i++) {
    const bytes = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(megabytes * 1024 * 1024)])
    const hash = createHash('sha256').update(bytes).digest('hex')
    writeFileSync(join(folder, hash), bytes)
    insert.run(projectId, `Plan ${i + 1}.pdf`, bytes.length, hash)
  }
  db.close()
}

test('Paramètres › Données: a backup with its progress, the list, a restore that keeps the state before it', async ({
  page,
  host,
  dataDir,
  snap,
}) => {
  await seedFauxVillecerf(host)
  const project = (await invoke(host, 'projects.create', { title: 'Rénovation de l’école' })) as { value: { id: number } }
  await host.restart()
  // The first launch of the day makes its automatic backup a few seconds after start.
  await expect
    .poll(async () => ((await invoke(host, 'backups.list', {})) as { value?: { kind: string }[] }).value?.map((b) => b.kind), { timeout: 60_000 })
    .toEqual(['quotidienne'])
  // …and has finished (rotation, second location) before anything else is asked.
  await expect
    .poll(async () => ((await invoke(host, 'backups.status', {})) as { value?: { running: unknown } }).value?.running, { timeout: 60_000 })
    .toBeNull()
  // Then large new documents, that the next backup has to copy: long enough to watch its progress.
  addLargeDocuments(dataDir, project.value.id, 40, 12)

  const data = new DataPage(page)
  await data.open(host.url)
  await snap(page, 'donnees-01-daily')

  await data.backupNow()
  await expect(data.progress).toContainText('Sauvegarde en cours')
  await snap(page, 'donnees-02-backup-progress')
  await expect(page.getByText('Sauvegarde faite et vérifiée.')).toBeVisible({ timeout: 60_000 })
  await expect(data.backupsTable.getByRole('row')).toHaveCount(3)
  await expect(data.backupsTable).toContainText('Projets : 1 · campagnes : 0 · documents : 40 · personnes : 3')
  await expect(data.backupsTable).toContainText('Manuelle')

  // A change after the backup, then the backup is restored: the change is gone, the state before is kept.
  await invoke(host, 'session.open', { profileId: 1 })
  await invoke(host, 'projects.create', { title: 'Projet à annuler' })
  await data.open(host.url)
  await expect(data.backupsTable.getByRole('row')).toHaveCount(3)
  await snap(page, 'donnees-03-list')
  await data.restoreRow(0)
  await expect(data.progress).toBeVisible()
  await snap(page, 'donnees-04-restore-progress')
  // Everyone chooses their profile again afterwards.
  await expect(page.getByRole('list', { name: 'Profils' })).toBeVisible({ timeout: 60_000 })
  await snap(page, 'donnees-04b-after-restore')
  const projects = (await invoke(host, 'session.open', { profileId: 1 }), await invoke(host, 'projects.list', {})) as {
    value: { items: { title: string }[] }
  }
  expect(projects.value.items.map((p) => p.title)).toEqual(['Rénovation de l’école'])
  const backups = (await invoke(host, 'backups.list', {})) as { value: { kind: string; projects: number }[] }
  expect(backups.value.map((b) => [b.kind, b.projects])).toEqual([
    ['avant-restauration', 2],
    ['manuelle', 1],
    ['quotidienne', 1],
  ])
})

test('moving to a new computer: export here, « Reprendre les données d’une autre installation » there', async ({ page, host, snap, browser }) => {
  await seedFauxVillecerf(host)
  await invoke(host, 'projects.create', { title: 'Salle des fêtes' })
  const data = new DataPage(page)
  await data.open(host.url)
  const download = page.waitForEvent('download')
  await data.exportCommune()
  await expect(page.getByText(/Le fichier Faux-Villecerf .*\.capcommune .* est prêt/)).toBeVisible({ timeout: 30_000 })
  await snap(page, 'donnees-05-export')
  await page.getByRole('link', { name: /Télécharger Faux-Villecerf/ }).click()
  const archive = join(mkdtempSync(join(tmpdir(), 'cap-commune-e2e-archive-')), 'commune.capcommune')
  await (await download).saveAs(archive)

  // The new computer: a fresh data folder, the wizard's first screen.
  const { startHost } = await import('./support/host')
  const otherDir = mkdtempSync(join(tmpdir(), 'cap-commune-e2e-other-'))
  const other = await startHost(otherDir)
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'fr-FR' })
  const newPage = await context.newPage()
  try {
    const wizard = new SetupWizardPage(newPage)
    await wizard.open(other.url)
    await expect(newPage.getByRole('button', { name: 'Reprendre les données d’une autre installation' })).toBeVisible()
    await snap(newPage, 'donnees-06-wizard-choice')
    await newPage.getByRole('button', { name: 'Reprendre les données d’une autre installation' }).click()

    // A truncated file is refused, clearly, before anything is touched.
    const truncated = join(otherDir, '..', 'tronque.capcommune')
    const { readFileSync } = await import('node:fs')
    const bytes = readFileSync(archive)
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)))
    await new DataPage(newPage).chooseArchive(truncated)
    await expect(newPage.getByRole('alert')).toContainText('est endommagé(e) ou incomplet(ète)')

    await new DataPage(newPage).chooseArchive(archive)
    await expect(newPage.getByText('Le fichier est complet et vérifié.')).toBeVisible({ timeout: 30_000 })
    await expect(newPage.getByText(/^Faux-Villecerf — exporté le/)).toBeVisible()
    await snap(newPage, 'donnees-07-import-ready')
    await newPage.getByRole('button', { name: 'Importer ces données' }).click()
    await expect(newPage.getByText('Marie Lambert').first()).toBeVisible({ timeout: 30_000 })
    await snap(newPage, 'donnees-08-imported')
  } finally {
    await context.close()
    await other.stop()
    rmSync(otherDir, { recursive: true, force: true })
  }
})

test('at launch, a damaged data file: the latest good backup is offered, never an empty commune', async ({ page, host, dataDir, snap }) => {
  await seedFauxVillecerf(host)
  expect((await invoke(host, 'projects.create', { title: 'Voirie' })).ok).toBe(true)
  expect((await invoke(host, 'backups.create', {})).ok).toBe(true)
  // Closed cleanly (WAL checkpointed), then damaged in the middle (a power cut while writing), then started again.
  await host.restart()
  const file = join(dataDir, 'cap-commune.sqlite')
  const fd = openSync(file, 'r+')
  writeSync(fd, Buffer.alloc(8192, 0x41), 0, 8192, 8192)
  closeSync(fd)
  await host.restart()
  await page.setViewportSize({ width: 1366, height: 768 })
  await page.goto(host.url)
  await expect(page.getByRole('heading', { name: 'Vos données doivent être restaurées' })).toBeVisible()
  await expect(page.getByText('Bienvenue dans Cap Commune')).toHaveCount(0)
  await snap(page, 'donnees-09-recovery')
  await page.getByRole('button', { name: /^Restaurer la sauvegarde du/ }).click()
  await expect(page.getByText('Marie Lambert').first()).toBeVisible({ timeout: 30_000 })
})
