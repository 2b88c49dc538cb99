/** The portal's only two static files, served under a content hash so browsers keep them a year. */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { RELAY_ROOT } from '../paths'

function asset(name: string, type: string) {
  const body = readFileSync(join(RELAY_ROOT, 'portal', 'static', name))
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12)
  const [base, ext] = name.split('.')
  return { path: `/assets/${base}-${hash}.${ext}`, body, type }
}

export const ASSETS = [asset('portal.css', 'text/css; charset=utf-8'), asset('portal.js', 'text/javascript; charset=utf-8')]
export const ASSET_PATHS = { css: ASSETS[0]!.path, js: ASSETS[1]!.path }
