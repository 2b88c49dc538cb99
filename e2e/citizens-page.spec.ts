// Type-checked with the relay (src/relay/tsconfig.json): it starts a relay process.
/**
 * The « Citoyens » page in the browser host (1366×768) against a real relay process on 127.0.0.1 (PGlite) and a real
 * SMTP server: citizens send contributions on the portal (with a photo, with hostile text), the secrétaire syncs,
 * filters, searches, opens one (it is no longer new) and looks at its photo, and opens a citizen's link once confirmed.
 */
import { createCanvas } from '@napi-rs/canvas'
import { TestCitizen } from '../src/relay/testing/citizen'
import { CitizensPage } from './pages/CitizensPage'
import { expect, invoke, test } from './support/fixtures'
import { relayAndMailForSpec } from './support/relay'
import { seedFauxVillecerf } from './support/seed'
import { LeaveQuestion } from './pages/LeaveQuestion'

const services = relayAndMailForSpec()

async function photo(): Promise<File> {
  const canvas = createCanvas(160, 120)
  const context = canvas.getContext('2d')
  context.fillStyle = '#2878c8'
  context.fillRect(0, 0, 160, 120)
  context.fillStyle = '#f0c020'
  context.fillRect(40, 30, 80, 60)
  return new File([new Uint8Array(await canvas.encode('jpeg'))], 'trou.jpg', { type: 'image/jpeg' })
}

const HOSTILE = '<img src=x onerror="document.title=\'pirate\'"> Des bancs'

test('Citoyens: the list is filtered, searched and counted; a contribution opens with its photo and is no longer new', async ({
  page,
  host,
  snap,
}) => {
  const { relay, smtp } = services()
  await seedFauxVillecerf(host)
  const citizens = new CitizensPage(page)
  await page.goto(host.url)
  await citizens.open()
  await expect(page.getByText('La commune n’est pas connectée au portail citoyen')).toBeVisible()
  await expect(page.getByText('Aucune contribution reçue pour l’instant.')).toBeVisible()

  const code = (await relay.admin('commune', 'add', '10145')).at(-1)!
  expect(await invoke(host, 'portal.connect', { relayUrl: relay.url, pairingCode: code })).toMatchObject({ ok: true })
  const citizen = new TestCitizen(relay, '10145')
  await citizen.signIn(smtp, 'habitante@example.fr', 'Jeanne B.')
  for (const fields of <Record<string, string | Blob[]>[]>[
    { kind: 'proposition', topic: 'environnement', title: HOSTILE, body: 'Au lavoir, voir https://pirate.example/x' },
    {
      kind: 'besoin',
      topic: 'voirie',
      title: 'Nid-de-poule',
      body: 'Devant le n° 12, un trou profond.',
      address: '12 rue de l’Église',
      latitude: '48.2971',
      longitude: '4.0744',
      photos: [await photo()],
    },
    { kind: 'besoin', topic: 'ecole', title: 'Passage piéton effacé', body: 'Devant l’école maternelle.' },
  ]) {
    expect((await citizen.post('/10145/contribuer', fields, { from: '/10145/contribuer' })).status).toBe(303)
  }

  await page.reload()
  await page.getByRole('button', { name: 'Synchroniser maintenant' }).click()
  await expect(page.getByText('Synchronisation terminée : 3 nouvelles contributions.')).toBeVisible()
  await expect(citizens.count('recue')).toHaveText('3')
  await expect(citizens.list.getByRole('listitem')).toHaveCount(3)
  // Hostile text is shown as text, never run; the link is not a link.
  await expect(citizens.item(HOSTILE)).toBeVisible()
  await expect(citizens.list.locator('img[src="x"]')).toHaveCount(0)
  await expect(citizens.list.getByRole('link')).toHaveCount(0)
  await expect(citizens.item('Nid-de-poule').getByRole('img', { name: 'Photo 1 sur 1' })).toBeVisible()
  await snap(page, 'citoyens-10-list')

  await citizens.choose('Sujet choisi par l’habitant', 'Voirie et déplacements')
  await expect(citizens.list.getByRole('listitem')).toHaveCount(1)
  await expect(page.getByRole('status').filter({ hasText: /^1 contribution$/ })).toBeVisible()
  await page.getByRole('button', { name: 'Effacer les filtres' }).click()
  // The counts are the status filter.
  await page
    .getByRole('group', { name: 'Nombre de contributions par suite donnée' })
    .getByRole('button', { name: /À l’étude/ })
    .click()
  await expect(page.getByText('Aucune contribution ne correspond à ces critères.')).toBeVisible()
  await page.getByRole('button', { name: 'Effacer les filtres' }).click()
  await citizens.search('devant')
  await expect(citizens.list.getByRole('listitem')).toHaveCount(2)
  // Accents and case ignored; the address is searched too.
  await citizens.search('EGLISE')
  await expect(citizens.list.getByRole('listitem')).toHaveCount(1)
  await expect(citizens.item('Nid-de-poule')).toBeVisible()
  await citizens.search('piscine')
  await expect(page.getByText('Aucune contribution ne correspond à ces critères.')).toBeVisible()
  await page.getByRole('button', { name: 'Effacer les filtres' }).click()

  await citizens.openItem('Nid-de-poule')
  await expect(citizens.detail.getByText('12 rue de l’Église')).toBeVisible()
  // The position the phone gave, with why there is no map (the app works offline).
  await expect(citizens.detail.getByText('48,29710° N, 4,07440° E')).toBeVisible()
  await expect(citizens.detail.getByText('Par Jeanne B. (identifiant')).toBeVisible()
  await expect(citizens.detail.getByText('habitante@example.fr')).toHaveCount(0)
  await snap(page, 'citoyens-11-detail')
  await citizens.detail.getByRole('button', { name: 'Agrandir la photo 1' }).click()
  await expect(page.getByRole('dialog', { name: 'Photo 1 sur 1' }).getByRole('img', { name: 'Photo 1 sur 1' })).toBeVisible()
  await snap(page, 'citoyens-12-photo')
  // Échap closes the photo only, not the panel under it.
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog', { name: 'Photo 1 sur 1' })).toBeHidden()
  await expect(citizens.detail.getByRole('heading', { name: 'Nid-de-poule' })).toBeVisible()

  // The mairie publishes it, changes its status and answers: sent to the relay, read by the citizen.
  await citizens.decisions.getByRole('button', { name: 'Publier sur le portail' }).click()
  await citizens.setStatus('À l’étude')
  // An answer typed and not saved is not lost by closing the panel: asked first.
  await citizens.decisions.getByRole('textbox', { name: 'Réponse publique de la mairie' }).fill('Merci : l’équipe')
  await citizens.detail.getByRole('button', { name: 'Fermer' }).first().click()
  // Closing the panel is not leaving the page: the question says « en fermant ».
  const question = new LeaveQuestion(page)
  await question.expectAsked('La réponse que vous avez saisie n’est pas enregistrée : en fermant cette contribution, elle sera perdue.')
  await snap(page, 'citoyens-13-answer-kept')
  await question.keepEditing()
  await expect(citizens.decisions.getByRole('textbox', { name: 'Réponse publique de la mairie' })).toHaveValue('Merci : l’équipe')
  await citizens.answer('Merci : l’équipe technique passe jeudi.')
  await expect(citizens.decisions.getByText('Envoyé au portail')).toBeVisible()
  await snap(page, 'citoyens-13-decisions')
  await expect.poll(async () => (await citizen.get('/10145/mes-contributions')).html).toContain('Merci : l’équipe technique passe jeudi.')
  const mine = (await citizen.get('/10145/mes-contributions')).html
  expect(mine).toContain('À l’étude')
  await citizens.closeItem()
  await page.getByRole('checkbox', { name: 'Seulement les nouvelles (jamais ouvertes)' }).check()
  await expect(citizens.list.getByRole('listitem')).toHaveCount(2)
  await expect(citizens.item('Nid-de-poule')).toHaveCount(0)

  await citizens.openItem(HOSTILE)
  await expect(citizens.detail.getByText('Au lavoir, voir https://pirate.example/x')).toBeVisible()
  await expect(citizens.detail.getByRole('link')).toHaveCount(0)
  expect(await page.title()).not.toBe('pirate')
  // Its https address opens only once confirmed: the whole address, its site, a warning; « Annuler » opens nothing.
  const opened: string[] = []
  page.context().on('page', (tab) => opened.push(tab.url()))
  await page
    .context()
    .route('https://pirate.example/**', (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', body: '<title>Site extérieur</title><p>Site extérieur</p>' }),
    )
  await citizens.citizenLink('https://pirate.example/x').hover()
  await snap(page, 'citoyens-11b-link')
  await citizens.citizenLink('https://pirate.example/x').click()
  await expect(citizens.linkConfirmation.getByText('https://pirate.example/x', { exact: true })).toBeVisible()
  await expect(citizens.linkConfirmation.getByText('Lien non vérifié par la mairie')).toBeVisible()
  await snap(page, 'citoyens-11c-link-confirm')
  await citizens.linkConfirmation.getByRole('button', { name: 'Annuler' }).click()
  await expect(citizens.linkConfirmation).toBeHidden()
  await expect(citizens.detail.getByRole('heading', { name: HOSTILE })).toBeVisible()
  expect(opened).toEqual([])
  // « Ouvrir le lien »: checked by the host, then a new tab that cannot reach back into the app (no opener, no referrer).
  await citizens.citizenLink('https://pirate.example/x').click()
  const newTab = page.context().waitForEvent('page')
  await citizens.linkConfirmation.getByRole('button', { name: 'Ouvrir le lien' }).click()
  const tab = await newTab
  await expect(tab).toHaveURL('https://pirate.example/x')
  await expect(tab.getByText('Site extérieur')).toBeVisible()
  expect(await tab.evaluate(() => [window.opener === null, document.referrer])).toEqual([true, ''])
  await tab.close()
  await expect(citizens.linkConfirmation).toBeHidden()
  await expect(citizens.detail.getByRole('heading', { name: HOSTILE })).toBeVisible()

  await citizens.closeItem()

  // The mairie's own organisation: « Passage piéton effacé » repeats « Nid-de-poule », linked to a theme.
  await page.getByRole('checkbox', { name: 'Seulement les nouvelles (jamais ouvertes)' }).uncheck()
  await citizens.openItem('Passage piéton effacé')
  await citizens.link('Doublon de', 'nid', 'Nid-de-poule')
  await expect(citizens.links.getByRole('combobox', { name: 'Doublon de' })).toHaveValue('Nid-de-poule')
  await citizens.link('Thème du référentiel', 'entretien', 'Entretien de la voirie communale')
  await expect(citizens.links.getByRole('combobox', { name: 'Thème du référentiel' })).toHaveValue('Entretien de la voirie communale')
  await snap(page, 'citoyens-14-links')
  await citizens.closeItem()
  await expect(citizens.item('Passage piéton effacé').getByText('Doublon')).toBeVisible()

  // « Transformer en projet »: asked first, then the new project's page, prefilled with the citizen's words as text.
  await citizens.openItem(HOSTILE)
  await citizens.transformIntoProject()
  await expect(page.getByRole('heading', { name: HOSTILE })).toBeVisible()
  await expect(page.getByText('Au lavoir, voir https://pirate.example/x')).toBeVisible()
  expect(await page.title()).not.toBe('pirate')
  await snap(page, 'citoyens-15-project')
  await citizens.open()
  await expect(citizens.item(HOSTILE).getByText(`Projet lié : ${HOSTILE}`)).toBeVisible()

  // The home page: the contributions without an answer open the Citoyens page filtered.
  await page.getByRole('link', { name: 'Tableau de bord' }).first().click()
  const unanswered = page.getByRole('link', { name: /contributions? sans réponse : voir celles sans réponse/ })
  await expect(unanswered).toBeVisible()
  await unanswered.scrollIntoViewIfNeeded()
  await snap(page, 'citoyens-16-home')
  await unanswered.click()
  await expect(page.getByRole('checkbox', { name: 'Seulement celles sans réponse' })).toBeChecked()
  await expect(citizens.list.getByRole('listitem')).toHaveCount(2)
  await expect(citizens.item('Nid-de-poule')).toHaveCount(0)

  // The diagnostic counts, per theme, the contributions linked to it (not the duplicate) and opens them on this page.
  await page.getByRole('checkbox', { name: 'Seulement celles sans réponse' }).uncheck()
  await citizens.openItem('Nid-de-poule')
  await citizens.link('Thème du référentiel', 'entretien', 'Entretien de la voirie communale')
  await citizens.closeItem()
  const campaign = await invoke(host, 'campaigns.create', { name: 'Diagnostic 2026' })
  await page.goto(`${host.origin}/diagnostic/${(campaign.value as { id: number }).id}`)
  await page.getByRole('tab', { name: 'Répondre par thème' }).click()
  await page.getByRole('button', { name: 'Voirie, réseaux et mobilité' }).click()
  const demands = page.getByRole('link', {
    name: '1 contribution du portail sur le thème Entretien de la voirie communale : la voir sur la page Citoyens',
  })
  await expect(demands).toHaveText('dont 1 du portail')
  await demands.scrollIntoViewIfNeeded()
  await snap(page, 'citoyens-17-diagnostic-demands')
  await demands.click()
  await expect(citizens.filters.getByRole('combobox', { name: 'Thème du référentiel' })).toHaveValue('Entretien de la voirie communale')
  await expect(citizens.list.getByRole('listitem')).toHaveCount(2)
})
