// Type-checked with the relay (src/relay/tsconfig.json): it starts a relay process.
import { startRelayProcess, type RelayProcess } from '../../src/relay/testing/relay-process'
import { startSmtp, type TestSmtp } from '../../src/relay/testing/smtp'
import { test } from './fixtures'

/**
 * One real relay process on 127.0.0.1 (PGlite) for the whole spec file — with a real SMTP server it mails through
 * when `mail` —, stopped after it; the returned function gives them to the tests. Also sets the desktop size and a
 * timeout long enough for the relay to start on a busy machine.
 */
function servicesForSpec(mail: boolean): () => { relay: RelayProcess; smtp: TestSmtp | null } {
  let relay: RelayProcess | undefined
  let smtp: TestSmtp | null = null
  test.use({ viewport: { width: 1366, height: 768 } })
  test.describe.configure({ timeout: 240_000 })
  test.beforeAll(async () => {
    test.setTimeout(180_000)
    if (mail) smtp = await startSmtp()
    relay = await startRelayProcess('pglite', { pgliteTemplate: '', postgresUrl: '' }, smtp ? { env: { RELAY_SMTP_URL: smtp.url } } : {})
  })
  test.afterAll(async () => {
    await relay?.stop()
    await smtp?.stop()
  })
  return () => ({ relay: relay!, smtp })
}

export function relayForSpec(): () => RelayProcess {
  const services = servicesForSpec(false)
  return () => services().relay
}

/** The relay and the SMTP server it mails through (sign-in links, alerts), for a spec that reads the mails. */
export function relayAndMailForSpec(): () => { relay: RelayProcess; smtp: TestSmtp } {
  const services = servicesForSpec(true)
  return () => ({ relay: services().relay, smtp: services().smtp! })
}
