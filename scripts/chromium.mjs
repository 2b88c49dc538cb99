// Finds a Chromium for the end-to-end tests: Playwright's own where it is installed or can be downloaded,
// else Debian's chromium (installed with apt-get when running as root). Never silently skips.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const SYSTEM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable']

async function playwrightChromium() {
  try {
    const { chromium } = await import('@playwright/test')
    const path = chromium.executablePath()
    return path && existsSync(path) ? path : null
  } catch {
    return null
  }
}

function systemChromium() {
  return SYSTEM_CANDIDATES.find((path) => existsSync(path)) ?? null
}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0
}

function log(message) {
  process.stderr.write(`[chromium] ${message}\n`)
}

/**
 * Returns the path of a usable Chromium, installing one if it can. Throws an Error whose message says
 * what to install when none can be had.
 */
export async function findChromium({ install = true } = {}) {
  const fromEnv = process.env.CAP_COMMUNE_CHROMIUM
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv
    throw new Error(`CAP_COMMUNE_CHROMIUM désigne ${fromEnv}, qui n'existe pas.`)
  }
  const found = (await playwrightChromium()) ?? systemChromium()
  if (found || !install) {
    if (found) return found
  } else {
    log('aucun Chromium trouvé : tentative de téléchargement par Playwright…')
    const download = spawnSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit', timeout: 300_000 })
    if (download.status === 0) {
      const downloaded = await playwrightChromium()
      if (downloaded) return downloaded
    }
    if (isRoot() && existsSync('/usr/bin/apt-get')) {
      log('téléchargement impossible : installation du paquet Debian chromium…')
      try {
        execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' })
        execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
          stdio: 'inherit',
          env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
        })
      } catch {
        log("l'installation du paquet chromium a échoué")
      }
      const installed = systemChromium()
      if (installed) return installed
    }
  }
  throw new Error(
    [
      'Aucun navigateur Chromium pour les tests de bout en bout.',
      'Installez-en un, au choix :',
      '  - npx playwright install chromium   (demande un accès Internet)',
      '  - sudo apt-get install chromium     (Debian/Ubuntu)',
      "  - ou indiquez le chemin d'un Chromium existant dans la variable CAP_COMMUNE_CHROMIUM.",
    ].join('\n'),
  )
}

// `node scripts/chromium.mjs` prints the path (used by scripts/e2e.mjs and by hand).
if (import.meta.url === `file://${process.argv[1]}`) {
  findChromium()
    .then((path) => console.log(path))
    .catch((error) => {
      console.error(error.message)
      process.exit(1)
    })
}
