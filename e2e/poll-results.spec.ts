/**
 * The results of a sondage from the browser host (1366×768): reached from « Consultations » by « Résultats », they
 * say « Résultats provisoires » while the poll is open; paper ballots typed in the form are refused in French when
 * the choices count more ballots than were received, then added to the chart and the table once right; removing them
 * asks first.
 */
import { PollResultsPage } from './pages/PollResultsPage'
import { PollsPage } from './pages/PollsPage'
import { expect, invoke, test } from './support/fixtures'
import { seedFauxVillecerf } from './support/seed'

test('paper ballots entered on a sondage’s results: refused in French when they do not add up, then charted and removed', async ({
  page,
  host,
  snap,
}) => {
  await seedFauxVillecerf(host)
  const today = new Date().toISOString().slice(0, 10)
  const created = await invoke(host, 'polls.create', {
    kind: 'sondage',
    title: 'Horaires de la bibliothèque',
    description: 'Une demi-journée de plus : aidez-nous à choisir.',
    opensOn: today,
    closesOn: '2099-12-31',
    verification: 'email',
    results: 'a_la_cloture',
    questions: [
      { kind: 'choix_unique', label: 'Quel jour préférez-vous ?', options: [{ label: 'Mercredi' }, { label: 'Samedi' }, { label: 'Dimanche' }] },
      { kind: 'texte_court', label: 'Une remarque ?', required: false },
    ],
  })
  expect(created.ok).toBe(true)

  await page.goto(host.url)
  const polls = new PollsPage(page)
  await polls.open()
  await polls.row('Horaires de la bibliothèque').getByRole('link', { name: 'Résultats « Horaires de la bibliothèque »' }).click()
  const results = new PollResultsPage(page)
  await results.expectOpen('Horaires de la bibliothèque')
  await expect(page.getByText('Résultats provisoires')).toBeVisible()
  await expect(page.getByText('Aucun bulletin papier saisi.', { exact: false })).toBeVisible()

  await results.enterPaper(40, { Mercredi: 12, Samedi: 25, Dimanche: 9 })
  await expect(results.paperDialog).toContainText('totalisent 46 bulletins, plus que les 40 bulletins papier reçus')
  await results.paperDialog.getByLabel('Dimanche', { exact: true }).fill('3')
  await results.paperDialog.getByRole('button', { name: 'Enregistrer les bulletins' }).click()
  await expect(results.paperDialog).toBeHidden()

  const question = results.question('Quel jour préférez-vous ?')
  await expect(question.getByRole('row', { name: /Samedi/ })).toContainText('25')
  await expect(question.getByRole('row', { name: /Samedi/ })).toContainText('62,5 %')
  await expect(question.getByRole('img', { name: /Réponses à « Quel jour préférez-vous \? »/ }).locator('canvas')).toBeVisible()
  await expect(page.getByText('40 bulletins papier saisis par', { exact: false })).toBeVisible()
  await snap(page, 'poll-results-01-paper-entered')
  await question.scrollIntoViewIfNeeded()
  await snap(page, 'poll-results-02-chart')

  // With paper ballots counted, the poll's form keeps its questions and choices, and says why.
  await polls.open()
  await polls.choose('Horaires de la bibliothèque', 'Modifier')
  await expect(polls.dialog.getByText('40 bulletins papier sont saisis')).toBeVisible()
  await expect(polls.dialog.getByRole('button', { name: 'Ajouter une question' })).toBeDisabled()
  await expect(polls.question(1).getByRole('button', { name: 'Retirer le choix 1' })).toBeDisabled()
  await snap(page, 'poll-results-03-form-locked')
  await polls.dialog.getByRole('button', { name: 'Annuler' }).click()
  await expect(polls.dialog).toBeHidden()
  await polls.row('Horaires de la bibliothèque').getByRole('link', { name: 'Résultats « Horaires de la bibliothèque »' }).click()
  await results.expectOpen('Horaires de la bibliothèque')

  await page.getByRole('button', { name: 'Retirer les bulletins papier' }).click()
  await expect(page.getByText('Les 40 bulletins papier et leurs nombres par choix seront retirés', { exact: false })).toBeVisible()
  await page.getByRole('button', { name: 'Supprimer' }).click()
  await expect(page.getByText('Aucun bulletin papier saisi.', { exact: false })).toBeVisible()
})
