import { expect, invoke, test } from './support/fixtures'
import { seedFauxVillecerf } from './support/seed'
import { HomePage } from './pages/HomePage'

/** What a reader of the journal must never see: codes, field names, ISO dates, JSON. */
const RAW = [/\d{4}-\d\d-\d\d/, /[{}[\]"]/, /\b[a-z]+_[a-z_]+\b/, /\b[a-z]{2,}[A-Z][A-Za-z]*\b/]

test('the Journal des modifications reads in French: labels, names instead of ids, French dates, the criterion answered', async ({
  page,
  host,
  snap,
}) => {
  await seedFauxVillecerf(host)
  const members = (await invoke(host, 'members.list', {})).value as { id: number; firstName: string }[]
  const paul = members.find((m) => m.firstName === 'Paul')!
  const campaign = (await invoke(host, 'campaigns.create', { name: 'Diagnostic de début de mandat' })).value as { id: number }
  expect((await invoke(host, 'answers.save', { campaignId: campaign.id, criterionId: 'budget-vote-delai', status: 'pas_fait' })).ok).toBe(true)
  const project = (await invoke(host, 'projects.create', { title: 'Réfection du lavoir', referentMemberId: paul.id })).value as { id: number }
  const task = (
    await invoke(host, 'tasks.create', { projectId: project.id, title: 'Demander trois devis', assigneeMemberId: paul.id, dueOn: '2027-01-15' })
  ).value as { id: number }
  expect((await invoke(host, 'tasks.update', { id: task.id, title: 'Demander trois devis', assigneeMemberId: paul.id, status: 'faite' })).ok).toBe(
    true,
  )
  const questionnaire = (await invoke(host, 'communeProfile.get', {})).value as { risks: Record<string, unknown> }
  expect((await invoke(host, 'communeProfile.update', { ...questionnaire, risks: { ...questionnaire.risks, pprn: true } })).ok).toBe(true)

  await page.goto(host.url)
  await new HomePage(page).goTo('Journal des modifications')
  const journal = page.getByRole('table', { name: 'Journal des modifications' })
  const row = (text: string | RegExp) => journal.getByRole('row').filter({ hasText: text })
  await expect(row('Faite le').first()).toBeVisible()
  await snap(page, 'journal-01')

  // The task done: its status in words, the date it was done the French way (the time of the line itself), no raw
  // field name.
  const doneRow = row('Faite le').first()
  const cells = await doneRow.getByRole('cell').allInnerTexts()
  expect(cells[5]).toMatch(/^(1er|\d{1,2}) [a-zéû]+ \d{4} à \d\d:\d\d$/)
  expect(cells[5]).toBe(cells[0])
  await expect(
    row(/^.*Statut.*$/)
      .filter({ hasText: 'Demander trois devis' })
      .first(),
  ).toContainText('À faire')
  // The people by name, not by their id.
  await expect(row('Création · Tâche').first()).toContainText('Responsable : Paul Girard')
  await expect(row('Création · Tâche').first()).toContainText('15 janvier 2027')
  // « Création · Réponse » names the criterion answered.
  await expect(row('Création · Réponse')).toContainText('Le budget primitif est-il voté')
  await expect(row('Création · Réponse')).toContainText('Réponse : Pas fait')
  // The commune profile: the question in words, not a JSON blob.
  await expect(row('Profil de la commune')).toContainText('Risques majeurs : PPRN approuvé ·')

  for (const text of await journal.getByRole('cell').allInnerTexts()) for (const pattern of RAW) expect(text, text).not.toMatch(pattern)
  await row('Création · Réponse').scrollIntoViewIfNeeded()
  await snap(page, 'journal-02-answer-and-team')
})
