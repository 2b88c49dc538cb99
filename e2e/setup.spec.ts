import { expect, invoke, test } from './support/fixtures'
import { HomePage } from './pages/HomePage'
import { SetupWizardPage } from './pages/SetupWizardPage'

test('a new user sets up Faux-Villecerf and its council, and everything is still there after a restart', async ({ page, host, snap }) => {
  const wizard = new SetupWizardPage(page)
  await wizard.open(host.url)
  await snap(page, 'setup-01-welcome')

  // Nothing chosen yet: the wizard says what to do.
  await wizard.continue()
  await expect(wizard.alert).toContainText('Choisissez votre commune dans la liste')

  await wizard.searchCommune('faux vil')
  await expect(wizard.communeOptions().first()).toContainText('Faux-Villecerf')
  await expect(wizard.communeOptions().first()).toContainText('Aube (10)')
  await snap(page, 'setup-02-search')
  await wizard.communeOptions().first().click()
  const chosen = page.getByLabel('Commune choisie')
  await expect(chosen).toContainText('215 habitants')
  await expect(chosen).toContainText('Aube (10)')
  await expect(chosen).toContainText('Grand Est')
  await expect(chosen).toContainText('10145')
  await expect(chosen).toContainText('211001391')
  await expect(chosen).toContainText("CC de l'Orvin et de l'Ardusson")
  await snap(page, 'setup-03-commune')
  await wizard.continue()

  await expect(page.getByLabel('Année de début du mandat')).toHaveValue('2026')
  await expect(page.getByLabel('Année de fin du mandat')).toHaveValue('2032')
  await wizard.continue()

  await wizard.addPerson({ firstName: 'Marie', lastName: 'Lambert', email: 'marie.lambert@faux-villecerf.fr', phone: '03 25 21 00 00' })
  await wizard.addPerson({ firstName: 'Paul', lastName: 'Girard', role: 'Adjoint au maire', delegation: 'Voirie, travaux et cimetière' })
  await wizard.addPerson({ firstName: 'Sophie', lastName: 'Martin', role: 'Adjoint au maire', delegation: 'École, jeunesse et vie associative' })
  await wizard.addPerson({ firstName: 'Luc', lastName: 'Moreau', role: 'Secrétaire de mairie' })
  await expect(wizard.teamTable().getByRole('row')).toHaveCount(5)
  await snap(page, 'setup-04-team')
  await wizard.continue()

  // The commune profile starts from sensible defaults, said plainly, each editable.
  await expect(page.getByText('Préremplies : la mairie reçoit du public (ERP) ; 1 agent d’après l’équipe saisie')).toBeVisible()
  await expect(page.getByText("communauté de communes (CC de l'Orvin et de l'Ardusson)")).toBeVisible()
  await expect(page.getByRole('switch', { name: /établissement recevant du public/ })).toBeChecked()
  await expect(page.getByRole('checkbox', { name: /milieux aquatiques/i })).toBeChecked()
  await expect(page.getByRole('checkbox', { name: /^Eau/ })).not.toBeChecked()
  await expect(page.getByRole('textbox', { name: /Effectif des agents/ })).toHaveValue('1')
  await expect(page.getByRole('textbox', { name: /Population totale/ })).toHaveValue('215')
  await expect(page.getByTestId('population-prefilled')).toBeVisible()
  await page.getByRole('switch', { name: 'Un cimetière communal' }).check()
  await snap(page, 'setup-05-commune-profile', { fullPage: true })
  await page.getByRole('button', { name: 'Vérifier plus tard' }).click()

  await wizard.chooseAdministrator(/Marie Lambert — Maire/)
  await expect(page.getByLabel('Nom du profil')).toHaveValue('Marie Lambert')
  await snap(page, 'setup-05-profile')
  await wizard.continue()
  await expect(page.getByText('Maire : Marie Lambert')).toBeVisible()
  await expect(page.getByText('3 élus et 1 agent')).toBeVisible()
  await expect(page.getByText('Profil de la commune : réponses par défaut')).toBeVisible()
  await snap(page, 'setup-06-summary')
  await wizard.finish()

  const home = new HomePage(page)
  const checkHome = async () => {
    await expect(home.communeCard.getByRole('heading', { name: 'Faux-Villecerf' })).toBeVisible()
    await expect(home.communeCard).toContainText('215 habitants')
    await expect(home.communeCard).toContainText('Aube (10)')
    await expect(home.communeCard).toContainText("CC de l'Orvin et de l'Ardusson")
    await expect(home.communeCard).toContainText('Mandat 2026–2032')
    await expect(home.person('Marie Lambert')).toContainText('Maire')
    await expect(home.person('Paul Girard')).toContainText('1er adjoint')
    await expect(home.person('Paul Girard')).toContainText('Voirie, travaux et cimetière')
    await expect(home.person('Sophie Martin')).toContainText('2e adjoint')
    await expect(home.person('Sophie Martin')).toContainText('École, jeunesse et vie associative')
    await expect(page.getByRole('button', { name: 'Votre profil' })).toContainText('Marie Lambert')
  }
  await checkHome()
  await snap(page, 'home-01-after-setup')

  // Quit and relaunch: the same data folder opens on the same commune, on the last (password-less) profile.
  await host.restart()
  await page.goto(host.url)
  await checkHome()
  await snap(page, 'home-02-after-restart')

  // Until the profile is reviewed, the diagnostic says it rests on default answers, with a link to review them.
  const campaign = (await invoke(host, 'campaigns.create', { name: 'Diagnostic 2026' })).value as { id: number }
  await page.goto(`${host.origin}/diagnostic/${campaign.id}`)
  const notice = page.getByTestId('default-profile-notice')
  await expect(notice).toContainText('Ce diagnostic repose sur des réponses par défaut')
  await snap(page, 'diagnostic-default-profile-notice')
  await notice.getByRole('link', { name: 'Vérifier le profil de la commune' }).click()
  await expect(page.getByRole('switch', { name: 'Un cimetière communal' })).toBeChecked()
  await page.getByRole('button', { name: 'Enregistrer' }).click()
  await expect(page.getByText('Le profil de la commune est enregistré.')).toBeVisible()
  await page.goBack()
  await expect(page.getByRole('heading', { name: 'Autodiagnostic' })).toBeVisible()
  await expect(notice).toHaveCount(0)
})

test('bad input in the wizard gets a clear French message and nothing is saved half-way', async ({ page, host, snap }) => {
  const wizard = new SetupWizardPage(page)
  await wizard.open(host.url)
  // By postal code, then with the keyboard only: arrow to the commune, Enter to choose it.
  await wizard.searchCommune('10290')
  await expect(wizard.communeOptions().filter({ hasText: 'Faux-Villecerf' })).toBeVisible()
  await wizard.searchCommune('FAUX VILLECERF')
  await expect(wizard.communeOptions().first()).toContainText('Faux-Villecerf')
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Enter')
  await expect(page.getByLabel('Commune choisie')).toContainText('Faux-Villecerf')
  await wizard.continue()

  // A mandate that ends before it starts.
  await page.getByLabel('Année de fin du mandat').fill('2020')
  await expect(page.getByText("L'année de fin du mandat doit être après l'année de début.")).toBeVisible()
  await wizard.continue()
  await expect(wizard.alert).toContainText("L'année de fin du mandat doit être après l'année de début.")
  await page.getByLabel('Année de fin du mandat').fill('2032')
  await wizard.continue()

  // Empty name.
  await wizard.submitPerson()
  await expect(page.getByText('Le prénom est obligatoire.')).toBeVisible()
  await expect(page.getByText('Le nom est obligatoire.')).toBeVisible()

  // A 10,000-character name.
  await wizard.fillPerson({ firstName: 'Marie', lastName: 'L'.repeat(10_000) })
  await wizard.submitPerson()
  await expect(page.getByText('Le nom ne doit pas dépasser 80 caractères.')).toBeVisible()

  // A malformed e-mail address.
  await wizard.fillPerson({ firstName: 'Marie', lastName: 'Lambert', email: 'marie.lambert@' })
  await wizard.submitPerson()
  await expect(page.getByText("L'adresse e-mail n'est pas valide (exemple : prenom.nom@mairie.fr).")).toBeVisible()
  await snap(page, 'setup-07-bad-input')

  // Typed but not added: the wizard does not let the person be lost.
  await wizard.continue()
  await expect(wizard.alert).toContainText('Vous avez commencé à saisir une personne sans l’ajouter')

  await wizard.fillPerson({ firstName: 'Marie', lastName: 'Lambert', email: 'marie.lambert@faux-villecerf.fr' })
  await wizard.submitPerson()
  await expect(wizard.teamTable()).toContainText('Marie Lambert')
  // A second maire.
  await wizard.fillPerson({ firstName: 'Jean', lastName: 'Dupuis', role: 'Maire' })
  await wizard.submitPerson()
  await expect(wizard.alert).toContainText("La commune ne peut avoir qu'un seul maire : Marie Lambert l'est déjà.")
  await snap(page, 'setup-08-second-maire')

  // Nothing has been written: the app is still not set up, even after a restart.
  const status = await invoke(host, 'app.status', {})
  expect(status).toMatchObject({ ok: true, value: { setupDone: false, profiles: [] } })

  // The main process applies the same rules to a request sent without the UI, and saves nothing either.
  const longName = await invoke(host, 'setup.complete', {
    inseeCode: '10145',
    mandate: { startYear: 2026, endYear: 2032 },
    members: [
      { firstName: 'Marie', lastName: 'Lambert', role: 'maire' },
      { firstName: 'Paul', lastName: 'G'.repeat(10_000), role: 'adjoint' },
    ],
    administrator: { memberIndex: 0, displayName: 'Marie Lambert' },
  })
  expect(longName).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: 'Le nom ne doit pas dépasser 80 caractères.' } })
  const badEmail = await invoke(host, 'setup.complete', {
    inseeCode: '10145',
    mandate: { startYear: 2026, endYear: 2032 },
    members: [{ firstName: 'Marie', lastName: 'Lambert', role: 'maire', email: 'pas-une-adresse' }],
    administrator: { memberIndex: 0, displayName: 'Marie Lambert' },
  })
  expect(badEmail.error?.message).toBe("L'adresse e-mail n'est pas valide (exemple : prenom.nom@mairie.fr).")
  const emptyName = await invoke(host, 'setup.complete', {
    inseeCode: '10145',
    mandate: { startYear: 2026, endYear: 2032 },
    members: [{ firstName: '   ', lastName: 'Lambert', role: 'maire' }],
    administrator: { memberIndex: 0, displayName: 'Marie Lambert' },
  })
  expect(emptyName.error?.message).toBe('Le prénom est obligatoire.')

  await host.restart()
  await page.goto(host.url)
  await expect(wizard.heading).toBeVisible()
  expect(await invoke(host, 'app.status', {})).toMatchObject({ ok: true, value: { setupDone: false, profiles: [] } })
})
