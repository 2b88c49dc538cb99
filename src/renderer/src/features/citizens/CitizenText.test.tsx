import { screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { platform } from '../../platform'
import { failure, renderWithApp } from '../../testing/render'
import { CitizenText } from './CitizenText'

const TEXT = 'Les travaux sont annoncés sur « https://www.troyes.fr/travaux?rue=Pasteur ». Et http://pas-sur.example.fr non.'

afterEach(() => vi.restoreAllMocks())

describe('CitizenText: a citizen’s links', () => {
  it('shows only the https address as a link, the rest as the text written', () => {
    renderWithApp(<CitizenText links>{TEXT}</CitizenText>)
    const link = screen.getByRole('button', { name: 'https://www.troyes.fr/travaux?rue=Pasteur' })
    expect(link.tagName).toBe('BUTTON')
    // No <a href>: a middle click, a drag or « open in a new window » has nothing to open unconfirmed.
    expect(document.querySelector('a')).toBeNull()
    expect(screen.queryByRole('button', { name: /pas-sur/ })).toBeNull()
    expect(link.closest('p')!.textContent).toBe(TEXT)
  })

  it('links nothing without `links` (a list row is already a button)', () => {
    renderWithApp(<CitizenText>{TEXT}</CitizenText>)
    expect(screen.queryByRole('button')).toBeNull()
    expect(screen.getByText(TEXT)).toBeTruthy()
  })

  it('renders markup as text, never as HTML', () => {
    renderWithApp(<CitizenText links>{'<img src=x onerror=alert(1)> <a href="javascript:alert(1)">clic</a> https://x.example.fr/'}</CitizenText>)
    expect(document.querySelector('img')).toBeNull()
    expect(document.querySelector('a')).toBeNull()
    expect(screen.getByText(/<a href="javascript:alert\(1\)">clic<\/a>/)).toBeTruthy()
    expect(screen.getAllByRole('button')).toHaveLength(1)
  })

  it('asks before opening: the whole address, its site, the warning; « Annuler » opens nothing', async () => {
    const app = renderWithApp(<CitizenText links>{TEXT}</CitizenText>, { answers: { 'app.openLink': () => ({ opened: true }) } })
    const newTab = vi.spyOn(platform, 'openInNewTab').mockImplementation(() => undefined)
    await app.user.click(screen.getByRole('button', { name: 'https://www.troyes.fr/travaux?rue=Pasteur' }))
    const dialog = await screen.findByRole('dialog', { name: 'Ouvrir un lien écrit par un habitant ?' })
    expect(within(dialog).getByText('Cette adresse va s’ouvrir dans votre navigateur :')).toBeTruthy()
    expect(
      within(dialog).getByText((_, node) => node?.textContent === 'https://www.troyes.fr/travaux?rue=Pasteur' && node.tagName === 'DIV'),
    ).toBeTruthy()
    expect(
      within(dialog)
        .getAllByText('www.troyes.fr')
        .map((node) => node.tagName),
    ).toEqual(['SPAN', 'STRONG'])
    expect(within(dialog).getByText('Lien non vérifié par la mairie')).toBeTruthy()
    expect(within(dialog).getByText(/la mairie ne l’a pas vérifié/)).toBeTruthy()
    expect(within(dialog).queryByText(/autre alphabet/)).toBeNull()
    await app.user.click(within(dialog).getByRole('button', { name: 'Annuler' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(app.calls).toEqual([])
    expect(newTab).not.toHaveBeenCalled()
  })

  it('« Ouvrir le lien » asks the main process once, with the exact address', async () => {
    const app = renderWithApp(<CitizenText links>{TEXT}</CitizenText>, { answers: { 'app.openLink': () => ({ opened: true }) } })
    const newTab = vi.spyOn(platform, 'openInNewTab').mockImplementation(() => undefined)
    await app.user.click(screen.getByRole('button', { name: 'https://www.troyes.fr/travaux?rue=Pasteur' }))
    await app.user.click(await screen.findByRole('button', { name: 'Ouvrir le lien' }))
    await waitFor(() => expect(app.calls).toHaveLength(1))
    expect(app.inputsOf('app.openLink')).toEqual([{ url: 'https://www.troyes.fr/travaux?rue=Pasteur' }])
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    // The Electron app opened it in the system browser: no tab besides.
    expect(newTab).not.toHaveBeenCalled()
  })

  it('in the browser host (`opened: false`), opens the link in a new tab', async () => {
    const app = renderWithApp(<CitizenText links>{'Voir https://www.troyes.fr/travaux.'}</CitizenText>, {
      answers: { 'app.openLink': () => ({ opened: false }) },
    })
    const newTab = vi.spyOn(platform, 'openInNewTab').mockImplementation(() => undefined)
    await app.user.click(screen.getByRole('button', { name: 'https://www.troyes.fr/travaux' }))
    await app.user.click(await screen.findByRole('button', { name: 'Ouvrir le lien' }))
    await waitFor(() => expect(newTab).toHaveBeenCalledExactlyOnceWith('https://www.troyes.fr/travaux'))
    expect(app.inputsOf('app.openLink')).toEqual([{ url: 'https://www.troyes.fr/travaux' }])
  })

  it('shows a look-alike site under its « xn-- » name and says why', async () => {
    // « аpple.com » with a Cyrillic « а ».
    const app = renderWithApp(<CitizenText links>{'Payez ici : https://\u0430pple.com/paiement'}</CitizenText>, {
      answers: { 'app.openLink': () => ({ opened: true }) },
    })
    await app.user.click(screen.getByRole('button', { name: 'https://\u0430pple.com/paiement' }))
    const dialog = await screen.findByRole('dialog')
    expect(within(dialog).getByText((_, node) => node?.textContent === 'https://xn--pple-43d.com/paiement' && node.tagName === 'DIV')).toBeTruthy()
    expect(within(dialog).getByText(/lettres d’un autre alphabet/)).toBeTruthy()
    await app.user.click(within(dialog).getByRole('button', { name: 'Ouvrir le lien' }))
    await waitFor(() => expect(app.inputsOf('app.openLink')).toEqual([{ url: 'https://xn--pple-43d.com/paiement' }]))
  })

  it('opens from the keyboard, and says in French when the link could not be opened', async () => {
    const app = renderWithApp(<CitizenText links>{'https://www.troyes.fr/'}</CitizenText>, {
      answers: { 'app.openLink': () => failure('Le navigateur de cet ordinateur n’a pas pu ouvrir ce lien.') },
    })
    await app.user.tab()
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'https://www.troyes.fr/' }))
    await app.user.keyboard('{Enter}')
    const dialog = await screen.findByRole('dialog')
    await app.user.click(within(dialog).getByRole('button', { name: 'Ouvrir le lien' }))
    expect(await screen.findByText('Le navigateur de cet ordinateur n’a pas pu ouvrir ce lien.')).toBeTruthy()
    expect(screen.getByText('Le lien ne s’est pas ouvert')).toBeTruthy()
  })
})
