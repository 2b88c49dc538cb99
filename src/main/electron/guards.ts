import { safeHttpsUrl } from '../../shared/links'
import { APP_HOST, APP_SCHEME } from './app-url'

function parseUrl(url: unknown): URL | null {
  if (typeof url !== 'string') return null
  try {
    return new URL(url)
  } catch {
    return null
  }
}

/** A URL of the app itself: the `app://cap-commune/` scheme, or the dev server when running from sources. */
export function isAppUrl(url: unknown, devServerUrl?: string): boolean {
  const parsed = parseUrl(url)
  if (!parsed || parsed.username || parsed.password) return false
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST) return true
  const devServer = devServerUrl ? parseUrl(devServerUrl) : null
  return devServer !== null && parsed.origin === devServer.origin
}

/**
 * Only plain https links leave the app, in the system browser; credentials in a URL are a phishing sign. The rule is
 * the one `app.openLink` applies to citizens' links (shared/links.ts).
 */
export function isSafeExternalUrl(url: unknown): boolean {
  return safeHttpsUrl(url) !== null
}

/** IPC is answered only for frames showing the app: a foreign page that got loaded somehow gets nothing. */
export function isTrustedSender(frameUrl: string | null | undefined, devServerUrl?: string): boolean {
  return isAppUrl(frameUrl, devServerUrl)
}

/** The few parts of Electron's WebContents the guards use, so tests can pass a fake. */
export interface PreventableEvent {
  preventDefault(): void
}
export interface NavigationEvent extends PreventableEvent {
  url: string
}
export interface GuardedWebContents {
  on(event: 'will-navigate' | 'will-frame-navigate' | 'will-redirect', listener: (event: NavigationEvent) => void): unknown
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void
  session: {
    setPermissionRequestHandler(handler: (webContents: unknown, permission: string, callback: (permissionGranted: boolean) => void) => void): void
  }
}
export type OpenExternal = (url: string) => Promise<void>

function openIfSafe(url: string, openExternal: OpenExternal): void {
  if (!isSafeExternalUrl(url)) return
  openExternal(url).catch((error: unknown) => console.error(`Impossible d'ouvrir ${url} dans le navigateur`, error))
}

/**
 * Keeps every web page of the app on the app: no navigation or redirect elsewhere, no new windows (https links go
 * to the system browser), no <webview>, and no permission (camera, location, notifications…) granted to the page.
 */
export function installNavigationGuards(contents: GuardedWebContents, openExternal: OpenExternal, devServerUrl?: string): void {
  const keepOnApp = (event: NavigationEvent) => {
    if (isAppUrl(event.url, devServerUrl)) return
    event.preventDefault()
    return true
  }
  // A link clicked in the page: stay, and show it in the browser when it is a safe https link.
  contents.on('will-navigate', (event) => {
    if (keepOnApp(event)) openIfSafe(event.url, openExternal)
  })
  // Subframes and server redirects: just refuse.
  contents.on('will-frame-navigate', keepOnApp)
  contents.on('will-redirect', keepOnApp)
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    openIfSafe(url, openExternal)
    return { action: 'deny' }
  })
  contents.session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false))
}
