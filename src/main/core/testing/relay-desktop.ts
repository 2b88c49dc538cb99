/**
 * A real relay process (PGlite) and a real SMTP server for one test file, and desktops paired with it: the set-up the
 * desktop's *.relay.test.ts share. Call it at the top level of the file: it registers its own hooks.
 */
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, inject } from 'vitest'
import { startRelayProcess, type RelayProcess } from '../../../relay/testing/relay-process'
import { startSmtp, type TestSmtp } from '../../../relay/testing/smtp'
import type { CoreOptions } from '../core'
import { createSetUpTemplate, createTestCore, dataDirFrom, ok, TempDirs, type TestCore } from '.'

export function relayForDesktopTests(name: string) {
  const templates = new TempDirs(`cap-commune-${name}-template-`)
  const temp = new TempDirs(`cap-commune-${name}-`)
  const opened: TestCore[] = []
  let template: string
  let relay: RelayProcess
  let smtp: TestSmtp

  beforeAll(async () => {
    template = await createSetUpTemplate(templates.make())
    smtp = await startSmtp()
    relay = await startRelayProcess('pglite', inject('relayDatabases'), { env: { RELAY_SMTP_URL: smtp.url } })
    await relay.admin('commune', 'add', '10145')
  })
  afterAll(async () => {
    await relay?.stop()
    await smtp?.stop()
    templates.cleanup()
  })
  afterEach(() => {
    for (const test of opened.splice(0)) test.core.close()
    temp.cleanup()
  })

  return {
    get relay(): RelayProcess {
      return relay
    },
    get smtp(): TestSmtp {
      return smtp
    },
    /** The set-up commune on a desktop paired with the relay; its outbox timer waits an hour (tests send on demand). */
    async connected(options: Partial<CoreOptions> = {}): Promise<TestCore> {
      const test = createTestCore(dataDirFrom(template, join(temp.make(), 'data')), { portalIntervalMs: 3_600_000, ...options })
      opened.push(test)
      const code = (await relay.admin('commune', 'new-code', '10145')).at(-1)!
      await ok(test.core, test.session, 'portal.connect', { relayUrl: relay.url, pairingCode: code })
      return test
    },
  }
}
