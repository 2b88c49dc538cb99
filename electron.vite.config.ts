import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'
import { CONTENT_SECURITY_POLICY_META } from './src/shared/csp'

/** The CSP meta tag goes in the built page only: the dev server needs inline scripts for hot reload. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'cap-commune-csp',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY_META}" />`),
  }
}

/**
 * Assets from the root (`/assets/…`), not relative to the page as electron-vite sets them for production builds: a
 * reload of /diagnostic/1, or a direct link to /projets/3, must not look for them under /diagnostic/assets/. Both hosts
 * (app://cap-commune/ and the browser host) serve the renderer at the root of their origin.
 */
function assetsFromTheRoot(): Plugin {
  return { name: 'cap-commune-assets-from-the-root', config: () => ({ base: '/' }) }
}

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/electron/main.ts'),
          host: resolve(__dirname, 'src/main/host/cli.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].js' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    // `@shared/…` is src/shared (tsconfig.web.json paths; the same alias in vitest.config.mts).
    resolve: { alias: { '@shared': resolve(__dirname, 'src/shared') } },
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
    plugins: [react(), contentSecurityPolicy(), assetsFromTheRoot()],
  },
})
