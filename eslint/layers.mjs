/**
 * The process boundaries, as an allow-list per layer (Signal Desktop's way): which folders a file of each layer may
 * import from, which npm packages, and whether Node's own modules. Anything else is a lint error naming the rule.
 * `cap/layers` checks static imports, re-exports, `import()` and `typeof import()` alike, type-only ones included.
 * A new dependency of a layer is added to its list here, on purpose.
 */
import { builtinModules } from 'node:module'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')

const NO_ELECTRON = "Le cœur de Cap Commune ne dépend pas d'Electron : passez par src/main/electron."
const NO_UI = "Le processus principal n'utilise ni React ni le DOM."
const UI_PACKAGES = ['react', 'react-dom', '@mantine/*', '@tabler/*']

/** Packages of tests and their helpers, in every layer's `*.test.*` and `testing/` files. */
const TEST_PACKAGES = ['vitest', 'eslint', '@testing-library/*', 'happy-dom']

/** Path aliases of the tsconfigs and vite, as folders of the repository. */
const ALIASES = { '@shared/': 'src/shared/' }

/**
 * Layers, the most specific folder first. `reach`: folders its relative (or aliased) imports may point into
 * (`testReach`: more, for its tests);
 * `packages`: npm packages (a `/*` suffix: the whole scope); `node`: Node's built-in modules (always allowed in tests,
 * which run in Node); `refuse`: messages for packages that are refused with a reason.
 */
export const LAYERS = [
  {
    name: 'src/shared',
    label: 'Le contrat partagé (src/shared)',
    folder: 'src/shared/',
    reach: ['src/shared/'],
    packages: ['zod', 'chart.js'],
    node: false,
    refuse: { electron: NO_ELECTRON },
  },
  {
    name: 'src/renderer',
    label: "L'interface (src/renderer)",
    folder: 'src/renderer/',
    reach: ['src/renderer/', 'src/shared/'],
    packages: [
      ...UI_PACKAGES,
      '@tanstack/react-query',
      'react-router',
      'react-i18next',
      'i18next',
      'dayjs',
      'chart.js',
      'react-chartjs-2',
      'pdfjs-dist',
      'zod',
    ],
    node: false,
    refuse: { electron: "L'interface ne parle au processus principal que par le contrat (api/transport.ts)." },
  },
  {
    name: 'src/preload',
    label: 'Le préchargement (src/preload)',
    folder: 'src/preload/',
    reach: ['src/preload/', 'src/shared/'],
    packages: ['electron'],
    node: false,
  },
  {
    name: 'src/main/core',
    label: 'Le cœur (src/main/core)',
    folder: 'src/main/core/',
    // resources/: the content shipped with the app (référentiel, training catalogue).
    reach: ['src/main/core/', 'src/shared/', 'resources/'],
    // The desktop's relay tests start a real relay.
    testReach: ['src/relay/testing/'],
    packages: [
      'better-sqlite3',
      'drizzle-orm',
      'zod',
      'pdfmake',
      'exceljs',
      '@napi-rs/canvas',
      'chart.js',
      '@etalab/decoupage-administratif',
      'pdfjs-dist',
      'tar',
      // Stored documents are typed from their bytes (file-store/store.ts).
      'file-type',
      // The crash test bundles its writer child once (testing/crash).
      'esbuild',
    ],
    node: true,
    refuse: { electron: NO_ELECTRON, ...Object.fromEntries(UI_PACKAGES.map((p) => [p, NO_UI])) },
  },
  {
    name: 'src/main/host',
    label: "L'hôte navigateur (src/main/host)",
    folder: 'src/main/host/',
    reach: ['src/main/host/', 'src/main/core/', 'src/shared/'],
    // The transport tests compare the browser host with the Electron IPC handler.
    testReach: ['src/main/electron/'],
    packages: [],
    node: true,
    refuse: { electron: NO_ELECTRON, ...Object.fromEntries(UI_PACKAGES.map((p) => [p, NO_UI])) },
  },
  {
    name: 'src/main',
    label: 'Le processus principal (src/main)',
    folder: 'src/main/',
    reach: ['src/main/', 'src/shared/'],
    // packaging.test.ts checks the release configuration scripts/package.mjs builds.
    testReach: ['scripts/'],
    packages: ['electron', 'electron-updater'],
    node: true,
    refuse: Object.fromEntries(UI_PACKAGES.map((p) => [p, NO_UI])),
  },
  {
    name: 'src/relay',
    label: 'Le relais (src/relay)',
    folder: 'src/relay/',
    reach: ['src/relay/', 'src/shared/'],
    packages: ['hono', '@hono/*', 'drizzle-orm', 'zod', 'pg', '@electric-sql/pglite', 'sharp', 'nodemailer', 'file-type', 'smtp-server'],
    node: true,
    refuse: {
      electron: 'Le relais ne dépend pas de l’application de bureau.',
      ...Object.fromEntries(UI_PACKAGES.map((p) => [p, 'Le relais rend ses pages avec hono/jsx, pas React.'])),
    },
  },
]

const NODE_MODULES = new Set(builtinModules)

function packageName(specifier) {
  const parts = specifier.split('/')
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]
}

function listed(list, name) {
  return list.some((entry) => (entry.endsWith('/*') ? name.startsWith(entry.slice(0, -1)) : entry === name))
}

function repoPath(absolute) {
  return relative(ROOT, absolute).split(sep).join('/')
}

function layerOf(file) {
  return LAYERS.find((layer) => file.startsWith(layer.folder))
}

function isTestFile(file) {
  return /\.test\.[cm]?tsx?$/.test(file) || /\/testing\//.test(file) || /\/__fixtures__\//.test(file)
}

/** Why `specifier` may not be imported from `file` of `layer`, or null. */
export function refusal(layer, file, specifier) {
  const alias = Object.keys(ALIASES).find((prefix) => specifier.startsWith(prefix))
  if (specifier.startsWith('.') || alias) {
    const target = alias
      ? ALIASES[alias] + specifier.slice(alias.length)
      : repoPath(resolve(join(ROOT, dirname(file)), specifier)) + (specifier.endsWith('/') ? '/' : '')
    const reach = isTestFile(file) ? [...layer.reach, ...(layer.testReach ?? [])] : layer.reach
    if (reach.some((folder) => target.startsWith(folder) || `${target}/` === folder)) return null
    return `${layer.label} n'importe que ${layer.reach.join(', ')} : « ${specifier} » mène à ${target}.`
  }
  const bare = specifier.startsWith('node:') ? specifier.slice(5) : specifier
  if (specifier.startsWith('node:') || NODE_MODULES.has(packageName(bare))) {
    // Tests run in Node, whatever the layer they test.
    if (layer.node || isTestFile(file)) return null
    return `${layer.label} n'utilise pas les modules de Node (« ${specifier} »).`
  }
  const name = packageName(specifier)
  const reason = Object.entries(layer.refuse ?? {}).find(([pkg]) => listed([pkg], name))
  if (reason) return reason[1]
  if (listed(layer.packages, name) || (isTestFile(file) && listed(TEST_PACKAGES, name))) return null
  return `${layer.label} n'utilise pas le paquet « ${name} » : ajoutez-le à sa liste dans eslint/layers.mjs s'il le faut vraiment.`
}

/** @type {import('eslint').Rule.RuleModule} */
const layersRule = {
  meta: { type: 'problem', docs: { description: 'What each layer of Cap Commune may import (eslint/layers.mjs).' }, schema: [] },
  create(context) {
    const file = repoPath(context.filename)
    const layer = layerOf(file)
    if (!layer) return {}
    const check = (node, source) => {
      if (!source || typeof source.value !== 'string') return
      const message = refusal(layer, file, source.value)
      if (message) context.report({ node, message })
    }
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source.type === 'Literal' ? node.source : null),
      TSImportType: (node) => check(node, node.argument?.literal ?? node.source ?? null),
    }
  },
}

export const capPlugin = { rules: { layers: layersRule } }
