import js from '@eslint/js'
import globals from 'globals'
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'

const electronImport = {
  name: 'electron',
  message: "Le cœur de Cap Commune ne dépend pas d'Electron : passez par src/main/electron.",
}
const reactImports = ['react', 'react-dom', 'react-dom/client', '@mantine/*', '@tabler/*'].map((name) => ({
  name,
  message: "Le processus principal n'utilise ni React ni le DOM.",
}))

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'migrations/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // The Electron-free core and the shared contract never import Electron, React or the DOM.
    files: ['src/main/core/**/*.ts', 'src/main/host/**/*.ts', 'src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronImport, ...reactImports.filter((r) => !r.name.includes('*'))],
          patterns: [{ group: ['electron/*', '@mantine/*', '@tabler/*'], message: 'Interdit dans le cœur.' }],
        },
      ],
    },
  },
  {
    // The whole main process: no React, no DOM.
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/core/**', 'src/main/host/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: reactImports.filter((r) => !r.name.includes('*')),
          patterns: [{ group: ['@mantine/*', '@tabler/*'], message: "Le processus principal n'utilise pas l'interface." }],
        },
      ],
    },
  },
  {
    // The relay (src/relay): Electron-free and React-free; only src/shared, its own code, node and its own packages.
    files: ['src/relay/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            electronImport,
            ...['react', 'react-dom', 'better-sqlite3', 'electron-updater', 'pdfmake', 'exceljs', '@napi-rs/canvas'].map((name) => ({
              name,
              message: 'Le relais n’utilise pas les paquets de l’application de bureau.',
            })),
          ],
          patterns: [
            { group: ['electron/*', '@mantine/*', '@tabler/*', 'react-dom/*'], message: 'Le relais n’utilise ni Electron ni React.' },
            { group: ['**/main/**', '**/renderer/**', '**/preload/**'], message: 'Le relais n’importe que src/shared et son propre code.' },
          ],
        },
      ],
    },
  },
  { files: ['src/relay/portal/static/**/*.js'], languageOptions: { globals: { ...globals.browser } } },
)
