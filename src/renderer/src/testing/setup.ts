/** What Mantine needs from a browser that happy-dom does not give, for the component tests. */
import { cleanup } from '@testing-library/react'
import { afterEach } from 'vitest'
import '../i18n'

window.matchMedia ??= (query: string) =>
  ({
    matches: false,
    media: query,
    onchange: null,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    addListener: () => undefined,
    removeListener: () => undefined,
    dispatchEvent: () => false,
  }) as MediaQueryList

class NoResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
window.ResizeObserver ??= NoResizeObserver
Element.prototype.scrollIntoView ??= () => undefined

afterEach(() => cleanup())

// Textarea's autosize listens for web fonts being loaded.
if (!('fonts' in document)) {
  Object.defineProperty(document, 'fonts', {
    value: { addEventListener: () => undefined, removeEventListener: () => undefined, ready: Promise.resolve() },
  })
}
