import Database from 'better-sqlite3'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from './support/fixtures'
import { seedFauxVillecerf } from './support/seed'
import { HomePage } from './pages/HomePage'
import { SettingsPage } from './pages/SettingsPage'
import { TeamPage } from './pages/TeamPage'

interface AuditRow {
  profile_name: string
  entity: string
  action: string
  field: string | null
  before: string | null
  after: string | null
}

function auditTrail(dataDir: string): AuditRow[] {
  const db = new Database(join(dataDir, 'cap-commune.sqlite'), { readonly: true })
  try {
    return db.prepare('SELECT profile_name, entity, action, field, before, after FROM audit_log ORDER BY id').all() as AuditRow[]
  } finally {
    db.close()
  }
}

test('the administrator edits the team; every change is signed with the active profile', async ({ page, host, dataDir, snap }) => {
  await seedFauxVillecerf(host)
  await page.goto(host.url)
  const home = new HomePage(page)
  await expect(home.communeCard).toContainText('Faux-Villecerf')
  await expect(home.person('Agnès Roux')).toContainText('Secrétaire de mairie')

  await home.goTo('Équipe municipale')
  const team = new TeamPage(page)
  await team.add({ firstName: 'Luc', lastName: 'Bernard', role: 'Conseiller municipal' })
  await expect(team.row('Luc Bernard')).toContainText('Conseiller municipal')
  await team.edit('Paul Girard', { delegation: 'Voirie, travaux et cimetière' })
  await expect(team.row('Paul Girard')).toContainText('Voirie, travaux et cimetière')
  await expect(team.row('Paul Girard')).toContainText('1er adjoint')

  // Deleting asks first; cancelling keeps the person.
  await team.askRemoval('Luc Bernard')
  await snap(page, 'team-01-confirm-removal')
  await team.dialog.getByRole('button', { name: 'Annuler' }).click()
  await expect(team.row('Luc Bernard')).toBeVisible()
  await team.askRemoval('Luc Bernard')
  await team.dialog.getByRole('button', { name: 'Supprimer' }).click()
  await expect(team.row('Luc Bernard')).toHaveCount(0)
  await snap(page, 'team-02-table')

  // A second maire is refused with the reason.
  await page.getByRole('button', { name: 'Ajouter une personne' }).click()
  await team.dialog.getByRole('textbox', { name: 'Prénom', exact: true }).fill('Jean')
  await team.dialog.getByRole('textbox', { name: 'Nom', exact: true }).fill('Dupuis')
  await team.dialog.getByRole('combobox', { name: 'Rôle' }).click()
  await page.getByRole('option', { name: 'Maire', exact: true }).click()
  await team.dialog.getByRole('button', { name: 'Ajouter une personne' }).click()
  await expect(team.dialog.getByRole('alert')).toContainText("La commune ne peut avoir qu'un seul maire : Marie Lambert l'est déjà.")
  // What was typed is not thrown away without asking.
  await team.dialog.getByRole('button', { name: 'Annuler' }).click()
  await page.getByRole('button', { name: 'Abandonner la saisie' }).click()
  await expect(team.row('Jean Dupuis')).toHaveCount(0)

  // The team exported for a French spreadsheet: UTF-8 with a BOM, ';' between fields.
  const downloading = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Exporter (tableur)' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toBe('equipe-faux-villecerf.csv')
  const csv = readFileSync((await download.path())!, 'utf8')
  expect(csv.startsWith('\uFEFF')).toBe(true)
  const lines = csv.slice(1).split('\r\n')
  expect(lines[0]).toBe("Civilité;Prénom;Nom;Rôle;Délégation;E-mail;Téléphone;Thèmes d'intérêt")
  expect(lines).toContain('Monsieur;Paul;Girard;1er adjoint;Voirie, travaux et cimetière;;;')

  const trail = auditTrail(dataDir)
  const delegationChange = trail.find((row) => row.entity === 'member' && row.field === 'delegation')
  expect(delegationChange).toEqual({
    profile_name: 'Marie Lambert',
    entity: 'member',
    action: 'update',
    field: 'delegation',
    before: JSON.stringify('Voirie'),
    after: JSON.stringify('Voirie, travaux et cimetière'),
  })
  const removal = trail.find((row) => row.action === 'delete')
  expect(removal?.profile_name).toBe('Marie Lambert')
  expect(JSON.parse(removal!.before!)).toMatchObject({ firstName: 'Luc', lastName: 'Bernard', role: 'conseiller_municipal' })
})

test('profiles: an élu gets a password-protected profile, signs in and can only read the team', async ({ page, host, snap }) => {
  await seedFauxVillecerf(host)
  await page.goto(host.url)
  const home = new HomePage(page)
  await home.goTo('Paramètres')
  const settings = new SettingsPage(page)
  await settings.openTab('Profils')
  await settings.createProfile({ displayName: 'Paul Girard', member: 'Paul Girard', password: 'voirie2026' })
  await expect(settings.profilesTable.getByRole('row').filter({ hasText: 'Paul Girard' })).toContainText('Utilisateur')
  await expect(settings.profilesTable.getByRole('row').filter({ hasText: 'Paul Girard' })).toContainText('Mot de passe')
  await snap(page, 'settings-01-profiles')

  // Switch to Paul: his password is asked for.
  await page.getByRole('button', { name: 'Votre profil' }).click()
  await page.getByRole('menuitem', { name: 'Changer de profil' }).click()
  await expect(page.getByRole('heading', { name: 'Qui utilise Cap Commune ?' })).toBeVisible()
  await snap(page, 'session-01-picker')
  await page.getByRole('listitem').filter({ hasText: 'Paul Girard' }).click()
  await page.getByLabel('Mot de passe', { exact: true }).fill('mauvais')
  await page.getByRole('button', { name: 'Ouvrir' }).click()
  await expect(page.getByRole('alert')).toContainText('Mot de passe incorrect')
  await snap(page, 'session-02-wrong-password')
  // A forgotten password: who can replace it, by name.
  await page.getByRole('button', { name: 'Mot de passe oublié ?' }).click()
  await expect(page.getByRole('note')).toContainText('Un administrateur peut le remplacer : Marie Lambert.')
  await snap(page, 'session-03-password-forgotten')
  await page.getByLabel('Mot de passe', { exact: true }).fill('voirie2026')
  await page.getByRole('button', { name: 'Ouvrir' }).click()
  await expect(page.getByRole('button', { name: 'Votre profil' })).toContainText('Paul Girard')

  // Paul reads the team but cannot change it.
  await home.goTo('Équipe municipale')
  await expect(page.getByText('Seul un profil administrateur peut la modifier.')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Ajouter une personne' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Modifier Marie Lambert' })).toHaveCount(0)
  await snap(page, 'team-03-read-only')

  // Changing his own password needs the current one.
  await home.goTo('Paramètres')
  await settings.openTab('Mon profil')
  await page.getByLabel('Mot de passe actuel', { exact: true }).fill('faux-mot')
  await page.getByLabel('Nouveau mot de passe', { exact: true }).fill('nouveau2026')
  await page.getByLabel('Confirmez le nouveau mot de passe').fill('nouveau2026')
  await page.getByRole('button', { name: 'Enregistrer' }).click()
  await expect(page.getByRole('alert')).toContainText('Le mot de passe actuel est incorrect.')
  await page.getByLabel('Mot de passe actuel', { exact: true }).fill('voirie2026')
  await page.getByRole('button', { name: 'Enregistrer' }).click()
  // Checking the current password and hashing the new one cost about a second each at OWASP's scrypt cost.
  await expect(page.getByText('Le mot de passe est enregistré.')).toBeVisible({ timeout: 30_000 })

  // After a restart with two profiles, nobody is signed in silently: the chooser asks who is there.
  await host.restart()
  await page.goto(host.url)
  await expect(page.getByRole('heading', { name: 'Qui utilise Cap Commune ?' })).toBeVisible()
  await expect(page.getByRole('listitem')).toHaveText(['MMarie Lambert', 'PPaul Girard'])
})

test('Paramètres: the mandate is checked and saved; the commune shows its official data', async ({ page, host, snap }) => {
  await seedFauxVillecerf(host)
  await page.goto(`${host.url}`)
  await new HomePage(page).goTo('Paramètres')
  await expect(page.getByLabel('Fiche de la commune')).toContainText("CC de l'Orvin et de l'Ardusson")
  await expect(page.getByLabel('Fiche de la commune')).toContainText('211001391')
  await page.getByLabel('Année de fin du mandat').fill('2040')
  await expect(page.getByText('Un mandat municipal dure six ans (sept au plus en cas de report des élections).')).toBeVisible()
  await page.getByLabel('Année de fin du mandat').fill('2033')
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click()
  await expect(page.getByText('Le mandat est enregistré.')).toBeVisible()
  await snap(page, 'settings-02-commune')
  await new HomePage(page).goTo('Tableau de bord')
  await expect(page.getByLabel('Votre commune')).toContainText('Mandat 2026–2033')
  await new HomePage(page).goTo('Paramètres')
  await new SettingsPage(page).openTab('Données')
  await expect(page.getByRole('heading', { name: 'Sauvegardes', exact: true })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Changer d’ordinateur' })).toBeVisible()
  await snap(page, 'settings-03-data')
})

test('the civility writes a woman’s role in the feminine: « 1re adjointe », « Conseillère municipale »', async ({ page, host, snap }) => {
  await seedFauxVillecerf(host)
  await page.goto(host.url)
  const home = new HomePage(page)
  await home.goTo('Équipe municipale')
  const team = new TeamPage(page)
  // Paul leaves the adjoints: the first rank is free.
  await page.getByRole('button', { name: 'Modifier Paul Girard' }).click()
  await team.dialog.getByRole('combobox', { name: 'Rôle' }).click()
  await page.getByRole('option', { name: 'Conseiller municipal délégué', exact: true }).click()
  await team.dialog.getByRole('button', { name: 'Enregistrer' }).click()
  await expect(team.dialog).toBeHidden()
  // Once Madame is chosen, the list of roles itself reads in the feminine.
  await page.getByRole('button', { name: 'Ajouter une personne' }).click()
  await team.dialog.getByRole('radio', { name: 'Madame', exact: true }).check()
  await team.dialog.getByRole('combobox', { name: 'Rôle' }).click()
  await expect(page.getByRole('option', { name: 'Conseillère municipale déléguée', exact: true })).toBeVisible()
  await snap(page, 'team-04-feminine-roles-list')
  await page.keyboard.press('Escape')
  await team.dialog.getByRole('button', { name: 'Annuler' }).click()
  await page.getByRole('button', { name: 'Abandonner la saisie' }).click()
  await team.add({ civility: 'Madame', firstName: 'Sophie', lastName: 'Martin', role: 'Adjointe au maire' })
  await team.add({ civility: 'Madame', firstName: 'Claire', lastName: 'Dubois', role: 'Adjointe au maire' })
  await team.add({ civility: 'Madame', firstName: 'Léa', lastName: 'Petit', role: 'Conseillère municipale' })
  await team.add({ civility: 'Monsieur', firstName: 'Luc', lastName: 'Bernard', role: 'Conseiller municipal' })
  await expect(team.row('Sophie Martin')).toContainText('1re adjointe')
  await expect(team.row('Claire Dubois')).toContainText('2e adjointe')
  await expect(team.row('Léa Petit')).toContainText('Conseillère municipale')
  await expect(team.row('Luc Bernard')).toContainText('Conseiller municipal')
  await expect(team.row('Paul Girard')).toContainText('Conseiller municipal délégué')
  await snap(page, 'team-05-feminine-roles')

  await home.goTo('Tableau de bord')
  await expect(home.person('Sophie Martin')).toContainText('1re adjointe')
  await expect(home.person('Claire Dubois')).toContainText('2e adjointe')
})
