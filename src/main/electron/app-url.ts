/**
 * Where the renderer lives. The built interface is served from a custom privileged scheme rather than file://,
 * so it gets a real origin (fetch, history routing, CSP 'self') and no access to the rest of the disk.
 */
export const APP_SCHEME = 'app'
export const APP_HOST = 'cap-commune'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
/** The root, not /index.html: the renderer's BrowserRouter reads the path, and '/' is its home route. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/`

/**
 * The electron-vite dev server URL, honoured only when running from sources: a packaged app must never load
 * its interface from elsewhere because of an environment variable.
 */
export function devServerUrlFor(isPackaged: boolean, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (isPackaged) return undefined
  const url = env.ELECTRON_RENDERER_URL
  return url && /^https?:\/\//.test(url) ? url : undefined
}
