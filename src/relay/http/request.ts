import type { Context } from 'hono'
import { getConnInfo } from '@hono/node-server/conninfo'
import type { RelayContext } from '../context'

/** The client's IP, for rate limits only (hashed before it is stored). Behind a proxy, X-Forwarded-For's last hop. */
export function clientIp(c: Context, relay: RelayContext): string {
  if (relay.config.trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')
    const last = forwarded?.split(',').pop()?.trim()
    if (last) return last
  }
  try {
    return getConnInfo(c).remote.address ?? 'inconnue'
  } catch {
    return 'inconnue'
  }
}
