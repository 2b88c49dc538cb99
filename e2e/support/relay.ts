// Type-checked with the relay (src/relay/tsconfig.json): it starts a relay process.
import { startRelayProcess, type RelayProcess } from '../../src/relay/testing/relay-process'
import { test } from './fixtures'

/**
 * One real relay process on 127.0.0.1 (PGlite) for the whole spec file, stopped after it; the returned function gives
 * it to the tests. Also sets the desktop size and a timeout long enough for the relay to start on a busy machine.
 */
export function relayForSpec(): () => RelayProcess {
  let relay: RelayProcess | undefined
  test.use({ viewport: { width: 1366, height: 768 } })
  test.describe.configure({ timeout: 240_000 })
  test.beforeAll(async () => {
    test.setTimeout(180_000)
    relay = await startRelayProcess('pglite', { pgliteTemplate: '', postgresUrl: '' })
  })
  test.afterAll(async () => {
    await relay?.stop()
  })
  return () => relay!
}
