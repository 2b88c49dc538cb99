import { join } from 'node:path'
import js from '@eslint/js'
import globals from 'globals'
import { createNodeResolver, importX } from 'eslint-plugin-import-x'
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'
import { capPlugin } from './eslint/layers.mjs'

/** The TypeScript projects that type-aware rules read (every .ts/.tsx file of src/, e2e/ and bench/ is in one). */
const TYPED_FILES = ['src/**/*.{ts,tsx}', 'e2e/**/*.ts', 'bench/**/*.ts']

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
    rules: {
      ...reactHooks.configs.recommended.rules,
      // One way to reach the contract: the `@shared/…` alias, not a relative path that breaks when a file moves.
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ regex: '^(\\.\\./)+shared(/|$)', message: "Importez src/shared par l'alias @shared/… (pas par un chemin relatif)." }],
        },
      ],
    },
  },
  {
    // What each layer may import: eslint/layers.mjs (tested by src/main/core/boundaries.test.ts).
    files: ['src/**/*.{ts,tsx,mts}'],
    plugins: { cap: capPlugin, 'import-x': importX },
    settings: {
      // `@shared/…` resolves as vite does (electron.vite.config.ts), so no-cycle follows aliased imports too.
      'import-x/resolver-next': [
        createNodeResolver({
          extensions: ['.ts', '.tsx', '.mts', '.js', '.mjs', '.json'],
          alias: { '@shared': [join(import.meta.dirname, 'src/shared')] },
        }),
      ],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx', '.mts'] },
      'import-x/extensions': ['.ts', '.tsx', '.mts', '.js', '.mjs'],
    },
    rules: {
      'cap/layers': 'error',
      // No import cycle; type-only imports are erased and do not count.
      'import-x/no-cycle': ['error', { ignoreExternal: true, allowUnsafeDynamicCyclicDependency: false }],
    },
  },
  {
    // Promises are awaited, returned or explicitly voided: a forgotten one loses its error (and the user's data).
    files: TYPED_FILES,
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.node.json', './tsconfig.web.json', './src/relay/tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // Async handlers in JSX attributes and option objects (onClick, onConfirm) are fine: they catch what they can.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false, properties: false } }],
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    // One number formatter: French numbers (narrow no-break spaces, decimal comma, rounding) come from shared/format.ts.
    files: ['src/**/*.{ts,tsx,mts}', 'e2e/**/*.ts', 'bench/**/*.ts'],
    ignores: ['src/shared/format.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'Intl',
          property: 'NumberFormat',
          message: 'Les nombres s’écrivent avec les fonctions de src/shared/format.ts (ajoutez-y celle qui manque).',
        },
      ],
    },
  },
  // The relay portal's own small scripts run in the citizen's browser.
  { files: ['src/relay/portal/static/**/*.js'], languageOptions: { globals: { ...globals.browser } } },
)
