import { beforeEach, describe, expect, it, vi } from 'vitest'
import { failure, ok } from '../testing'
import { setUpCorePerTest } from '../testing/per-test-core'

// The Electron shell's shell.openExternal, as the core sees it; each test says what it does.
const openExternal = vi.fn<(url: string) => Promise<void>>()
const withBrowser = setUpCorePerTest('app-open-link', { openExternal: (url) => openExternal(url), log: () => undefined })
const browserHost = setUpCorePerTest('app-open-link-host')

beforeEach(() => {
  openExternal.mockReset()
  openExternal.mockResolvedValue(undefined)
})

describe('app.openLink', () => {
  it('opens an https link once, as written', async () => {
    const { core, session } = withBrowser()
    const url = 'https://www.troyes.fr/travaux/rue-pasteur?page=2#plan'
    expect(await ok(core, session, 'app.openLink', { url })).toEqual({ opened: true })
    expect(openExternal).toHaveBeenCalledExactlyOnceWith(url)
  })

  it('opens a look-alike host under its ASCII name, the one the confirmation showed', async () => {
    const { core, session } = withBrowser()
    // « аpple » with a Cyrillic « а ».
    await ok(core, session, 'app.openLink', { url: 'https://\u0430pple.com/connexion' })
    expect(openExternal).toHaveBeenCalledExactlyOnceWith('https://xn--pple-43d.com/connexion')
  })

  it('refuses anything but a safe https link with a French reason, whatever the renderer sent', async () => {
    const { core, session } = withBrowser()
    const refused: unknown[] = [
      'http://www.troyes.fr/',
      'javascript:alert(document.domain)',
      'JAVASCRIPT:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'mailto:maire@troyes.fr',
      'file:///C:/Windows/System32/cmd.exe',
      'ms-msdt:/id PCWDiagnostic',
      'https://user:motdepasse@evil.example/',
      'https://www.troyes.fr@evil.example/',
      // A zero-width space: « troyes.fr » seen, evil.example opened.
      'https://www.troyes.fr\u200b.evil.example/',
      'https://evil.example/\nhttps://autre.example/',
      ' https://www.troyes.fr/',
      'https://localhost/',
      `https://www.troyes.fr/${'a'.repeat(2000)}`,
      'www.troyes.fr',
      '',
      42,
      null,
    ]
    for (const url of refused) {
      const error = await failure(core, session, 'app.openLink', { url })
      expect(error.code, String(url)).toBe('INVALID_INPUT')
      expect(error.message, String(url)).toMatch(
        /^Ce lien ne peut pas être ouvert : seules les adresses sûres commençant par https:\/\/|^Le lien à ouvrir doit être une adresse\.$/,
      )
    }
    expect(openExternal).not.toHaveBeenCalled()
  })

  it('needs a signed-in profile', async () => {
    const { core } = withBrowser()
    expect(await failure(core, { profileId: null }, 'app.openLink', { url: 'https://www.troyes.fr/' })).toMatchObject({ code: 'NOT_SIGNED_IN' })
    expect(openExternal).not.toHaveBeenCalled()
  })

  it('says in French when the system browser could not open it', async () => {
    const { core, session } = withBrowser()
    openExternal.mockRejectedValue(new Error('no handler for https'))
    const error = await failure(core, session, 'app.openLink', { url: 'https://www.troyes.fr/' })
    expect(error).toEqual({
      code: 'CONFLICT',
      message: 'Le navigateur de cet ordinateur n’a pas pu ouvrir ce lien. Copiez l’adresse affichée et collez-la dans votre navigateur.',
    })
  })

  it('in the browser host, checks the link and lets the page open it (`opened: false`)', async () => {
    const { core, session } = browserHost()
    expect(await ok(core, session, 'app.openLink', { url: 'https://www.troyes.fr/' })).toEqual({ opened: false })
    expect((await failure(core, session, 'app.openLink', { url: 'http://www.troyes.fr/' })).code).toBe('INVALID_INPUT')
  })
})
