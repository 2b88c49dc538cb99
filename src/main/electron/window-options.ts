import type { BrowserWindowConstructorOptions } from 'electron'
import { PRODUCT_NAME } from '../core/paths'

/** The window background shown before the interface paints (Mantine's light body colour), to avoid a white flash. */
export const WINDOW_BACKGROUND_COLOR = '#f8f9fa'
/** Spell-checking in French; macOS uses the system's own spell-checker and ignores this. */
export const SPELLCHECKER_LANGUAGES = ['fr']

/**
 * The main window: a sandboxed renderer with context isolation, no Node.js, no <webview>, and only the preload's
 * `window.capCommune` bridge to reach the main process.
 */
export function createMainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: PRODUCT_NAME,
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 640,
    // Shown on 'ready-to-show' so the user never sees an empty frame.
    show: false,
    backgroundColor: WINDOW_BACKGROUND_COLOR,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
    },
  }
}
