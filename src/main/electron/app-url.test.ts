import { describe, expect, it } from 'vitest'
import { APP_ENTRY_URL, devServerUrlFor } from './app-url'
import { isAppUrl } from './guards'

describe('app URLs', () => {
  it('starts the interface at the root of the app scheme, a URL the guards accept', () => {
    expect(APP_ENTRY_URL).toBe('app://cap-commune/')
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true)
  })

  it('honours the dev server only when running from sources', () => {
    const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173' }
    expect(devServerUrlFor(false, env)).toBe('http://localhost:5173')
    expect(devServerUrlFor(true, env)).toBeUndefined()
    expect(devServerUrlFor(false, {})).toBeUndefined()
    expect(devServerUrlFor(false, { ELECTRON_RENDERER_URL: 'file:///tmp/evil.html' })).toBeUndefined()
  })
})
