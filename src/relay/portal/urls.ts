import type { RelayContext } from '../context'

/** The commune's portal as citizens reach it: `<public url>/<code INSEE>`. */
export function portalUrl(relay: RelayContext, communeCode: string, path = ''): string {
  return `${relay.publicUrl()}/${communeCode}${path}`
}
