import { expect, invoke, test } from './support/fixtures'
import { seedFauxVillecerf } from './support/seed'
import { DiagnosticPage } from './pages/DiagnosticPage'

interface DomainView {
  title: string
  themes: { id: string; title: string; criteria: { id: string; question: string; applicability: { applies: boolean } }[] }[]
}

test('« Créer un projet » keeps what is typed: Échap in the calendar, Tab, impossible dates and negative budgets', async ({ page, host, snap }) => {
  await seedFauxVillecerf(host)
  await page.goto(host.url)
  await page.getByRole('navigation').getByRole('link', { name: 'Projets' }).click()
  await page.getByRole('button', { name: 'Nouveau projet' }).click()
  const dialog = page.getByRole('dialog', { name: 'Nouveau projet' })
  const title = dialog.getByRole('textbox', { name: 'Titre', exact: true })
  await title.fill('Réfection du lavoir')

  // Échap in the calendar closes the calendar only.
  // The first calendar button is the one of « Début ».
  await dialog.getByRole('button', { name: 'Ouvrir le calendrier' }).first().click()
  const calendar = page.getByRole('button', { name: 'Mois suivant' })
  await expect(calendar).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(calendar).toBeHidden()
  await expect(dialog).toBeVisible()
  await expect(title).toHaveValue('Réfection du lavoir')

  // Tab goes from one date to the next, never onto a button.
  const start = dialog.getByLabel('Début', { exact: true })
  await start.fill('31/02/2027')
  await page.keyboard.press('Tab')
  await expect(dialog.getByLabel('Fin prévue', { exact: true })).toBeFocused()
  await expect(start).toHaveValue('31/02/2027')
  await expect(dialog.getByText("Cette date n'existe pas : vérifiez le jour et le mois.")).toBeVisible()

  // « -500 » stays as typed and is refused in French.
  const planned = dialog.getByLabel('Budget prévu')
  await planned.fill('-500')
  await planned.blur()
  await expect(planned).toHaveValue('-500 €')
  await expect(dialog.getByText('Un montant ne peut pas être négatif : écrivez-le sans signe moins.')).toBeVisible()
  await snap(page, 'forms-01-project-refused')
  await dialog.getByRole('button', { name: 'Créer le projet' }).click()
  await expect(dialog).toBeVisible()
  expect(((await invoke(host, 'projects.list', {})).value as { total: number }).total).toBe(0)

  // Échap on the form itself asks before throwing the typing away.
  await title.focus()
  await page.keyboard.press('Escape')
  const discard = page.getByRole('dialog', { name: 'Abandonner la saisie ?' })
  await expect(discard).toBeVisible()
  await snap(page, 'forms-02-discard')
  await discard.getByRole('button', { name: 'Continuer la saisie' }).click()
  await expect(discard).toBeHidden()
  await expect(title).toHaveValue('Réfection du lavoir')

  // Corrected, it is created.
  await start.fill('05/03/2027')
  await planned.fill('20000')
  await dialog.getByRole('button', { name: 'Créer le projet' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Réfection du lavoir' })).toBeVisible()

  // A grant asked above the budget gets a warning, and can still be saved.
  await page.getByRole('tab', { name: /Budget/ }).click()
  await page.getByRole('button', { name: 'Ajouter un financement' }).click()
  const funding = page.getByRole('dialog', { name: 'Nouveau financement' })
  await funding.getByLabel('Montant demandé').fill('25000')
  await expect(funding.getByText('Montant supérieur au budget du projet')).toBeVisible()
  await snap(page, 'forms-03-funding-over-budget')
  await funding.getByRole('button', { name: 'Ajouter un financement' }).click()
  await expect(funding).toBeHidden()
  await expect(page.getByRole('table', { name: 'Financements' })).toContainText(/25\s000,00/)
})

test('an answer chosen and a comment typed in a theme are saved without a button, and survive leaving the page', async ({ page, host, snap }) => {
  await seedFauxVillecerf(host)
  const campaign = (await invoke(host, 'campaigns.create', { name: 'Diagnostic 2026' })).value as { id: number }
  const domains = ((await invoke(host, 'referentiel.get', {})).value as { domains: DomainView[] }).domains
  const domain = domains.find((d) => d.themes.some((t) => t.criteria.filter((c) => c.applicability.applies).length >= 2))!
  const theme = domain.themes.find((t) => t.criteria.filter((c) => c.applicability.applies).length >= 2)!
  const [first, second] = theme.criteria.filter((c) => c.applicability.applies)

  await page.goto(host.url)
  await page.getByRole('navigation').getByRole('link', { name: 'Diagnostic' }).click()
  const diagnostic = new DiagnosticPage(page)
  await diagnostic.openTheme(domain.title, theme.title)
  const block = diagnostic.criterion(first!.question)
  await block.getByText('Pas fait', { exact: true }).click()
  await block.getByLabel('Commentaire').fill('Devis demandé au bureau d’études')
  await expect(block.getByRole('status')).toHaveText('Enregistré')
  await snap(page, 'forms-04-answer-saved')

  // The second answer is chosen and the user leaves at once, for the home page.
  await diagnostic.criterion(second!.question).getByText('Fait', { exact: true }).click()
  await page.getByRole('navigation').getByRole('link', { name: 'Tableau de bord' }).click()
  await expect
    .poll(async () => {
      const answers = (await invoke(host, 'answers.list', { campaignId: campaign.id })).value as {
        criterionId: string
        status: string
        comment: string
      }[]
      return answers.map((a) => [a.criterionId, a.status, a.comment]).sort()
    })
    .toEqual(
      [
        [first!.id, 'pas_fait', 'Devis demandé au bureau d’études'],
        [second!.id, 'fait', ''],
      ].sort(),
    )
})

test('Paramètres › Commune: leaving the page with a mandate year typed asks first; « Continuer la saisie » keeps it', async ({
  page,
  host,
  snap,
}) => {
  await seedFauxVillecerf(host)
  await page.goto(host.url)
  const menu = page.getByRole('navigation')
  await menu.getByRole('link', { name: 'Paramètres' }).click()
  const endYear = page.getByLabel('Année de fin du mandat')
  await endYear.fill('2033')
  await menu.getByRole('link', { name: 'Projets' }).click()
  const question = page.getByRole('dialog', { name: 'Abandonner la saisie ?' })
  await expect(question).toBeVisible()
  await snap(page, 'settings-04-leave-question')
  await question.getByRole('button', { name: 'Continuer la saisie' }).click()
  await expect(question).toBeHidden()
  await expect(endYear).toHaveValue('2033')
  await menu.getByRole('link', { name: 'Projets' }).click()
  await page.getByRole('dialog', { name: 'Abandonner la saisie ?' }).getByRole('button', { name: 'Abandonner la saisie' }).click()
  await expect(page.getByRole('heading', { name: 'Projets', level: 1 })).toBeVisible()
})
