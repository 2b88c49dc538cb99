import { describe, expect, it } from 'vitest'
import { createMainWindowOptions, SPELLCHECKER_LANGUAGES } from './window-options'

describe('createMainWindowOptions', () => {
  const options = createMainWindowOptions('/app/out/preload/index.js')
  const web = options.webPreferences ?? {}

  it('isolates the renderer: sandbox, context isolation, no Node.js anywhere', () => {
    expect(web.preload).toBe('/app/out/preload/index.js')
    expect(web.contextIsolation).toBe(true)
    expect(web.sandbox).toBe(true)
    expect(web.nodeIntegration).toBe(false)
    expect(web.nodeIntegrationInWorker).toBe(false)
    expect(web.nodeIntegrationInSubFrames).toBe(false)
  })

  it('keeps the web security model on', () => {
    expect(web.webSecurity).toBe(true)
    expect(web.allowRunningInsecureContent).toBe(false)
    expect(web.webviewTag).toBe(false)
    expect(web.experimentalFeatures).toBe(false)
    expect(web.navigateOnDragDrop).toBe(false)
  })

  it('spell-checks in French', () => {
    expect(web.spellcheck).toBe(true)
    expect(SPELLCHECKER_LANGUAGES).toEqual(['fr'])
  })

  it('opens a titled, hidden-until-painted window of a usable size', () => {
    expect(options.title).toBe('Cap Commune')
    expect(options.show).toBe(false)
    expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i)
    expect([options.width, options.height]).toEqual([1280, 800])
    expect([options.minWidth, options.minHeight]).toEqual([960, 640])
  })
})
