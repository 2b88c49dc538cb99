import { describe, expect, it, vi } from 'vitest'
import { installNavigationGuards, isAppUrl, isSafeExternalUrl, isTrustedSender, type GuardedWebContents, type NavigationEvent } from './guards'

const DEV_SERVER = 'http://localhost:5173'

describe('isAppUrl', () => {
  it('accepts the app scheme and, when given, the dev server', () => {
    expect(isAppUrl('app://cap-commune/index.html')).toBe(true)
    expect(isAppUrl('app://cap-commune/membres/3')).toBe(true)
    expect(isAppUrl('http://localhost:5173/membres', DEV_SERVER)).toBe(true)
  })

  it('refuses everything else', () => {
    for (const url of [
      'http://localhost:5173/',
      'app://evil/index.html',
      'app://user:pass@cap-commune/index.html',
      'apps://cap-commune/index.html',
      'file:///etc/passwd',
      'https://cap-commune/',
      'http://evil.example/',
      'javascript:alert(1)',
      'not a url',
      '',
    ]) {
      expect(isAppUrl(url), url).toBe(false)
    }
    expect(isAppUrl('http://localhost:5174/', DEV_SERVER)).toBe(false)
    expect(isAppUrl('https://localhost:5173/', DEV_SERVER)).toBe(false)
    expect(isAppUrl(undefined)).toBe(false)
  })
})

describe('isSafeExternalUrl', () => {
  it('accepts plain https links', () => {
    expect(isSafeExternalUrl('https://www.service-public.fr/particuliers')).toBe(true)
  })

  it('refuses http, file, javascript:, custom schemes and credentials', () => {
    for (const url of [
      'http://evil.example/',
      'file:///C:/Windows/System32/cmd.exe',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'smb://serveur/partage',
      'ms-msdt:/id PCWDiagnostic',
      'app://cap-commune/index.html',
      'https://user:pass@evil.example/',
      'https://user@evil.example/',
      'nonsense',
    ]) {
      expect(isSafeExternalUrl(url), url).toBe(false)
    }
  })
})

describe('isTrustedSender', () => {
  it('trusts only frames of the app', () => {
    expect(isTrustedSender('app://cap-commune/index.html')).toBe(true)
    expect(isTrustedSender('http://localhost:5173/', DEV_SERVER)).toBe(true)
    expect(isTrustedSender('http://localhost:5173/')).toBe(false)
    expect(isTrustedSender('https://evil.example/')).toBe(false)
    expect(isTrustedSender('file:///tmp/page.html')).toBe(false)
    expect(isTrustedSender(null)).toBe(false)
    expect(isTrustedSender(undefined)).toBe(false)
  })
})

type Listener = (event: NavigationEvent) => void

/** A stand-in for Electron's WebContents recording what the guards install. */
function fakeWebContents() {
  const listeners = new Map<string, Listener[]>()
  let windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined
  let permissionHandler: ((webContents: unknown, permission: string, callback: (granted: boolean) => void) => void) | undefined
  const contents: GuardedWebContents = {
    on(event: string, listener: Listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener])
      return contents
    },
    setWindowOpenHandler: (handler) => {
      windowOpenHandler = handler
    },
    session: {
      setPermissionRequestHandler: (handler) => {
        permissionHandler = handler
      },
    },
  }
  return {
    contents,
    /** Emits an event the way Electron does; returns whether a listener called preventDefault. */
    emit(event: string, url = '') {
      const preventDefault = vi.fn()
      for (const listener of listeners.get(event) ?? []) listener({ url, preventDefault })
      return preventDefault.mock.calls.length > 0
    },
    windowOpen: (url: string) => windowOpenHandler!({ url }),
    requestPermission(permission: string) {
      const callback = vi.fn()
      permissionHandler!({}, permission, callback)
      return callback
    },
  }
}

function guarded(devServerUrl?: string) {
  const fake = fakeWebContents()
  const openExternal = vi.fn((_url: string) => Promise.resolve())
  installNavigationGuards(fake.contents, openExternal, devServerUrl)
  return { ...fake, openExternal }
}

describe('installNavigationGuards', () => {
  it('prevents navigation away from the app and does not open insecure links', () => {
    const page = guarded()
    expect(page.emit('will-navigate', 'http://evil.example/')).toBe(true)
    expect(page.emit('will-frame-navigate', 'http://evil.example/')).toBe(true)
    expect(page.emit('will-navigate', 'file:///etc/passwd')).toBe(true)
    expect(page.openExternal).not.toHaveBeenCalled()
  })

  it('lets the app navigate within itself', () => {
    const page = guarded(DEV_SERVER)
    expect(page.emit('will-navigate', 'app://cap-commune/membres')).toBe(false)
    expect(page.emit('will-navigate', 'http://localhost:5173/membres')).toBe(false)
    expect(page.emit('will-redirect', 'app://cap-commune/index.html')).toBe(false)
  })

  it('shows a clicked https link in the system browser instead of inside the app', () => {
    const page = guarded()
    expect(page.emit('will-navigate', 'https://www.legifrance.gouv.fr/')).toBe(true)
    expect(page.openExternal).toHaveBeenCalledWith('https://www.legifrance.gouv.fr/')
  })

  it('blocks redirects away from the app without opening them', () => {
    const page = guarded()
    expect(page.emit('will-redirect', 'https://evil.example/')).toBe(true)
    expect(page.openExternal).not.toHaveBeenCalled()
  })

  it('denies every window.open, sending only https links to the system browser', () => {
    const page = guarded()
    expect(page.windowOpen('https://www.service-public.fr/')).toEqual({ action: 'deny' })
    expect(page.openExternal).toHaveBeenCalledExactlyOnceWith('https://www.service-public.fr/')
    for (const url of ['http://evil.example/', 'file:///etc/passwd', 'javascript:alert(1)', 'app://cap-commune/index.html']) {
      expect(page.windowOpen(url), url).toEqual({ action: 'deny' })
    }
    expect(page.openExternal).toHaveBeenCalledTimes(1)
  })

  it('refuses to attach a <webview>', () => {
    expect(guarded().emit('will-attach-webview')).toBe(true)
  })

  it('denies every permission request', () => {
    const page = guarded()
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read']) {
      expect(page.requestPermission(permission)).toHaveBeenCalledExactlyOnceWith(false)
    }
  })

  it('logs a failure to open the browser instead of throwing', async () => {
    const fake = fakeWebContents()
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    installNavigationGuards(fake.contents, () => Promise.reject(new Error('pas de navigateur')))
    expect(fake.windowOpen('https://example.org/')).toEqual({ action: 'deny' })
    await vi.waitFor(() => expect(error).toHaveBeenCalled())
    error.mockRestore()
  })
})
