import { screen, waitFor, within } from '@testing-library/react'
import { Route, Routes, useSearchParams } from 'react-router'
import { describe, expect, it } from 'vitest'
import type { ContributionDetail } from '@shared/contract'
import { failure, renderWithApp, type Answers } from '../../testing/render'
import { ContributionDrawer } from './ContributionDetail'

function detail(values: Partial<ContributionDetail> = {}): ContributionDetail {
  return {
    id: 1,
    kind: 'besoin',
    title: 'Nid-de-poule <b>rue</b>',
    excerpt: 'Devant le n° 12.',
    body: 'Devant le n° 12. <script>alert(1)</script>',
    topic: 'voirie',
    address: '12 rue de l’Église',
    latitude: null,
    longitude: null,
    authorDisplayName: 'Jeanne B.',
    authorPseudonymousId: 'c-1',
    status: 'recue',
    moderation: 'masquee',
    publicAnswer: null,
    answered: false,
    reports: 4,
    reportsBy: { spam: 3, offensant: 1, hors_sujet: 0 },
    createdAt: '2026-11-30T10:00:00.000Z',
    updatedAt: '2026-11-30T10:00:00.000Z',
    receivedAt: '2026-11-30T10:05:00.000Z',
    seen: true,
    photos: 0,
    firstPhotoId: null,
    photoList: [],
    project: null,
    themeId: null,
    themeName: null,
    duplicateOf: null,
    duplicates: [],
    projectTitle: null,
    duplicateOfId: null,
    sync: null,
    ...values,
  }
}

// A 1×1 PNG.
const PIXEL = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='

describe('ContributionDrawer: the photo', () => {
  it('closes only the full-size photo on Échap, then the panel on a second Échap', async () => {
    let closed = 0
    const app = renderWithApp(<ContributionDrawer id={1} onClose={() => closed++} />, {
      answers: {
        'citizens.get': () => detail({ photos: 1, firstPhotoId: 5, photoList: [{ id: 5, width: 1, height: 1, problem: null }] }),
        'citizens.photo': () => ({ mimeType: 'image/png', contentBase64: PIXEL }),
      },
    })
    await app.user.click(await screen.findByRole('button', { name: 'Agrandir la photo 1' }))
    expect(await screen.findByRole('dialog', { name: 'Photo 1 sur 1' })).toBeTruthy()
    await app.user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Photo 1 sur 1' })).toBeNull())
    expect(closed).toBe(0)
    expect(screen.getByRole('heading', { name: 'Nid-de-poule <b>rue</b>' })).toBeTruthy()
    await app.user.keyboard('{Escape}')
    await waitFor(() => expect(closed).toBe(1))
  })
})

describe('ContributionDrawer: where it is', () => {
  it('shows the position a citizen gave without an address, and says why there is no map', async () => {
    renderWithApp(<ContributionDrawer id={1} onClose={() => {}} />, {
      answers: { 'citizens.get': () => detail({ address: null, latitude: 45.7640431, longitude: 4.835659 }) },
    })
    expect(await screen.findByText('45,76404° N, 4,83566° E')).toBeTruthy()
    expect(screen.getByText('Position indiquée (GPS)')).toBeTruthy()
    expect(screen.getByText(/Aucune carte n’est affichée/)).toBeTruthy()
    expect(screen.queryByText('Adresse indiquée')).toBeNull()
  })

  it('shows no position when the citizen gave none', async () => {
    renderWithApp(<ContributionDrawer id={1} onClose={() => {}} />, { answers: { 'citizens.get': () => detail() } })
    expect(await screen.findByText('12 rue de l’Église')).toBeTruthy()
    expect(screen.queryByText('Position indiquée (GPS)')).toBeNull()
  })
})

describe('ContributionDrawer: the mairie’s decisions', () => {
  it('shows the reports received, publishes again and changes the status', async () => {
    let current = detail()
    const app = renderWithApp(<ContributionDrawer id={1} onClose={() => {}} />, {
      answers: {
        'citizens.get': () => current,
        'citizens.update': (input) =>
          (current = detail({ ...current, ...input, sync: { state: 'en_attente', error: null, attempts: 0, nextAttemptAt: null, sentAt: null } })),
      },
    })
    const reports = await screen.findByRole('table', { name: 'Signalements reçus sur le portail' })
    expect(within(reports).getByText('Publicité ou spam')).toBeTruthy()
    expect(within(reports).getByText('3')).toBeTruthy()
    expect(screen.getByText(/Masquée : seul son auteur la voit/)).toBeTruthy()
    // Citizen text is text: the markup is shown, never rendered.
    expect(screen.getByText('Nid-de-poule <b>rue</b>')).toBeTruthy()
    expect(document.querySelector('script')).toBeNull()

    await app.user.click(screen.getByRole('button', { name: 'Publier sur le portail' }))
    await waitFor(() => expect(app.inputsOf('citizens.update')).toEqual([{ id: 1, moderation: 'publiee' }]))
    expect(await screen.findByText('En attente d’envoi')).toBeTruthy()
    expect(await screen.findByRole('button', { name: 'Masquer' })).toBeTruthy()

    await app.user.click(screen.getAllByLabelText(/^Suite donnée/).find((element) => element.tagName === 'INPUT')!)
    await app.user.click(await screen.findByRole('option', { name: 'Retenue' }))
    await waitFor(() => expect(app.inputsOf('citizens.update')).toHaveLength(2))
    expect(app.inputsOf('citizens.update')[1]).toEqual({ id: 1, status: 'retenue' })
  })

  it('writes the public answer, refuses one over 4 000 characters, and says why the last sending failed', async () => {
    let current = detail({
      moderation: 'publiee',
      sync: {
        state: 'en_attente',
        error: 'Le relais ne répond pas (relais.example.fr).',
        attempts: 2,
        nextAttemptAt: '2026-12-01T10:00:00.000Z',
        sentAt: null,
      },
    })
    const app = renderWithApp(<ContributionDrawer id={1} onClose={() => {}} />, {
      answers: {
        'citizens.get': () => current,
        'citizens.update': (input) => (current = detail({ ...current, publicAnswer: input.publicAnswer ?? null, answered: true })),
        'citizens.sendNow': () => ({ sent: 0, failed: 1, problem: 'Le relais ne répond pas.' }),
      },
    })
    expect(await screen.findByText('En attente d’envoi')).toBeTruthy()
    expect(screen.getByText(/Le relais ne répond pas \(relais\.example\.fr\)\. Nouvel essai le/)).toBeTruthy()
    await app.user.click(screen.getByRole('button', { name: 'Renvoyer maintenant' }))
    await waitFor(() => expect(app.inputsOf('citizens.sendNow')).toHaveLength(1))

    const answer = screen.getByRole('textbox', { name: /Réponse publique de la mairie/ })
    await app.user.click(answer)
    await app.user.paste('a'.repeat(4001))
    expect(await screen.findByText(/La réponse publique ne doit pas dépasser 4\s000 caractères/u)).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Enregistrer la réponse' }).hasAttribute('disabled')).toBe(true)

    await app.user.clear(answer)
    await app.user.type(answer, 'Merci, c’est prévu jeudi.')
    await app.user.click(screen.getByRole('button', { name: 'Enregistrer la réponse' }))
    await waitFor(() => expect(app.inputsOf('citizens.update')).toEqual([{ id: 1, publicAnswer: 'Merci, c’est prévu jeudi.' }]))
    expect(await screen.findByText('Réponse enregistrée : elle part vers le portail citoyen.')).toBeTruthy()
  })
})

describe('ContributionDrawer: the mairie’s organisation', () => {
  const referentiel = () =>
    ({ domains: [{ id: 'vie', title: 'Vie municipale', themes: [{ id: 'conseil-municipal', title: 'Réunions du conseil municipal' }] }] }) as never
  const projectSummary = (id: number, title: string) => ({ id, title }) as never

  it('links a project, a theme and an original found by its words; a refusal is said in French', async () => {
    let current = detail()
    const answers: Answers = {
      'citizens.get': () => current,
      'projects.list': () => ({ items: [projectSummary(7, 'Réfection de la voirie'), projectSummary(8, 'Préau de l’école')], total: 2 }),
      'referentiel.get': referentiel,
      'citizens.duplicateCandidates': ({ search }) => ({
        items: search?.includes('lampe')
          ? [{ id: 2, title: 'Lampe cassée', excerpt: 'Place', kind: 'besoin', createdAt: '2026-11-29T10:00:00.000Z' }]
          : [],
      }),
      'citizens.link': (input) => {
        if (input.duplicateOfId === 2) return failure('Une contribution ne peut pas être le doublon d’elle-même : choisissez une autre contribution.')
        if (input.projectId)
          current = detail({ ...current, project: { id: 7, title: 'Réfection de la voirie' }, projectTitle: 'Réfection de la voirie' })
        if (input.themeId) current = detail({ ...current, themeId: input.themeId, themeName: 'Réunions du conseil municipal' })
        return current
      },
    }
    const app = renderWithApp(<ContributionDrawer id={1} onClose={() => {}} />, { answers })
    expect(await screen.findByText(/ne sont pas envoyés au portail citoyen/)).toBeTruthy()
    const field = (label: string) => screen.getAllByLabelText(label).find((element) => element.tagName === 'INPUT')!

    await app.user.click(field('Projet lié'))
    await app.user.type(field('Projet lié'), 'voirie')
    await app.user.click(await screen.findByRole('option', { name: 'Réfection de la voirie' }))
    await waitFor(() => expect(app.inputsOf('citizens.link')).toEqual([{ id: 1, projectId: 7 }]))
    expect(await screen.findByRole('link', { name: 'Ouvrir le projet' })).toBeTruthy()
    // A besoin is not turned into a project.
    expect(screen.queryByRole('button', { name: 'Transformer en projet' })).toBeNull()

    await app.user.click(field('Thème du référentiel'))
    await app.user.click(await screen.findByRole('option', { name: 'Réunions du conseil municipal' }))
    await waitFor(() => expect(app.inputsOf('citizens.link')[1]).toEqual({ id: 1, themeId: 'conseil-municipal' }))

    const duplicate = field('Doublon de')
    await app.user.click(duplicate)
    await app.user.type(duplicate, 'lampe')
    await app.user.click(await screen.findByRole('option', { name: 'Lampe cassée' }))
    await waitFor(() => expect(app.inputsOf('citizens.link')[2]).toEqual({ id: 1, duplicateOfId: 2 }))
    expect(await screen.findByText(/ne peut pas être le doublon d’elle-même/)).toBeTruthy()
  })

  it('« Transformer en projet » asks first, then opens the new project', async () => {
    const current = detail({ kind: 'proposition', title: 'Un jardin partagé' })
    const app = renderWithApp(
      <Routes>
        <Route path="/" element={<ContributionDrawer id={1} onClose={() => {}} />} />
        <Route path="/projets/:projectId" element={<p>Page du projet 12</p>} />
      </Routes>,
      {
        answers: {
          'citizens.get': () => current,
          'projects.list': () => ({ items: [], total: 0 }),
          'referentiel.get': referentiel,
          'citizens.duplicateCandidates': () => ({ items: [] }),
          'citizens.transform': () => ({ projectId: 12, contribution: detail({ ...current, project: { id: 12, title: 'Un jardin partagé' } }) }),
        },
      },
    )
    await app.user.click(await screen.findByRole('button', { name: 'Transformer en projet' }))
    const confirm = await screen.findByRole('dialog', { name: 'Transformer cette proposition en projet ?' })
    expect(app.inputsOf('citizens.transform')).toEqual([])
    await app.user.click(within(confirm).getByRole('button', { name: 'Créer le projet' }))
    expect(await screen.findByText('Page du projet 12')).toBeTruthy()
    expect(app.inputsOf('citizens.transform')).toHaveLength(1)
    expect(app.inputsOf('citizens.transform')[0]).toMatchObject({ id: 1 })
  })
})

/** The Citoyens page's way of opening a contribution: ?contribution=ID, with another row to click. */
function PageWithDrawer() {
  const [params, setParams] = useSearchParams()
  return (
    <>
      <button type="button" onClick={() => setParams({ contribution: '2' })}>
        Ouvrir la contribution 2
      </button>
      <ContributionDrawer id={Number(params.get('contribution')) || null} onClose={() => setParams({})} />
    </>
  )
}

describe('ContributionDrawer: a public answer being typed', () => {
  const answers: Answers = {
    'citizens.get': ({ id }) => detail({ id, title: `Contribution ${id}`, moderation: 'publiee' }),
    'projects.list': () => ({ items: [], total: 0 }) as never,
    'referentiel.get': () => ({ domains: [] }) as never,
    'citizens.duplicateCandidates': () => ({ items: [] }),
  }
  const answer = () => screen.getByRole('textbox', { name: /Réponse publique de la mairie/ }) as HTMLTextAreaElement

  it('closes at once while nothing is typed', async () => {
    const app = renderWithApp(<PageWithDrawer />, { answers, route: '/citoyens?contribution=1' })
    await screen.findByRole('heading', { name: 'Contribution 1' })
    await app.user.click(answer())
    await app.user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Contribution 1' })).toBeNull())
    expect(screen.queryByText('Abandonner la saisie ?')).toBeNull()
  })

  it('asks before closing the panel or opening another contribution; « Continuer la saisie » keeps the draft', async () => {
    const app = renderWithApp(<PageWithDrawer />, { answers, route: '/citoyens?contribution=1' })
    await screen.findByRole('heading', { name: 'Contribution 1' })
    await app.user.type(answer(), 'Merci, nous passons lundi.')

    await app.user.keyboard('{Escape}')
    expect(await screen.findByText('Abandonner la saisie ?')).toBeTruthy()
    // Closing the panel is not leaving the page: the question says so.
    expect(screen.getByText(/en fermant cette contribution, elle sera perdue/)).toBeTruthy()
    expect(screen.queryByText(/quitt/)).toBeNull()
    await app.user.click(screen.getByRole('button', { name: 'Continuer la saisie' }))
    await waitFor(() => expect(screen.queryByText('Abandonner la saisie ?')).toBeNull())
    expect(screen.getByRole('heading', { name: 'Contribution 1' })).toBeTruthy()
    expect(answer().value).toBe('Merci, nous passons lundi.')

    await app.user.click(screen.getByRole('button', { name: 'Ouvrir la contribution 2', hidden: true }))
    expect(await screen.findByText('Abandonner la saisie ?')).toBeTruthy()
    expect(screen.getByText(/en fermant cette contribution/)).toBeTruthy()
    await app.user.click(screen.getByRole('button', { name: 'Continuer la saisie' }))
    await waitFor(() => expect(screen.queryByText('Abandonner la saisie ?')).toBeNull())
    expect(answer().value).toBe('Merci, nous passons lundi.')

    // Abandoning is a choice: then the other contribution opens, with its own empty answer.
    await app.user.click(screen.getByRole('button', { name: 'Ouvrir la contribution 2', hidden: true }))
    await app.user.click(await screen.findByRole('button', { name: 'Abandonner la saisie' }))
    expect(await screen.findByRole('heading', { name: 'Contribution 2' })).toBeTruthy()
    expect(answer().value).toBe('')
    expect(app.inputsOf('citizens.update')).toEqual([])
  })
})

describe('ContributionDrawer: a link in the citizen’s text', () => {
  const answers: Answers = {
    'citizens.get': () => detail({ body: 'Tout est expliqué sur https://www.troyes.fr/travaux.' }),
    'projects.list': () => ({ items: [], total: 0 }) as never,
    'referentiel.get': () => ({ domains: [] }) as never,
    'citizens.duplicateCandidates': () => ({ items: [] }),
    'app.openLink': () => ({ opened: true }),
  }

  it('opens behind its confirmation; Échap there closes the confirmation only, not the panel', async () => {
    let closed = 0
    const app = renderWithApp(<ContributionDrawer id={1} onClose={() => closed++} />, { answers })
    await app.user.click(await screen.findByRole('button', { name: 'https://www.troyes.fr/travaux' }))
    expect(await screen.findByRole('dialog', { name: 'Ouvrir un lien écrit par un habitant ?' })).toBeTruthy()
    await app.user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Ouvrir un lien écrit par un habitant ?' })).toBeNull())
    expect(closed).toBe(0)
    expect(app.inputsOf('app.openLink')).toEqual([])

    await app.user.click(screen.getByRole('button', { name: 'https://www.troyes.fr/travaux' }))
    await app.user.click(await screen.findByRole('button', { name: 'Ouvrir le lien' }))
    await waitFor(() => expect(app.inputsOf('app.openLink')).toEqual([{ url: 'https://www.troyes.fr/travaux' }]))
    expect(closed).toBe(0)
    expect(screen.getByText(/Seuls ses liens commençant par https:\/\/ peuvent s’ouvrir, après confirmation/)).toBeTruthy()
  })
})
