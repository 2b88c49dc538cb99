import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { healthSchema, pairingClaimOutput } from '../shared/relay/api'
import { DRIVERS, REPO_ROOT, startRelayProcess, type RelayProcess } from './testing/relay-process'

const databases = () => inject('relayDatabases')

function cli(env: Record<string, string>, ...args: string[]) {
  return spawnSync(
    process.execPath,
    [join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), '--tsconfig', 'src/relay/tsconfig.json', 'src/relay/main.ts', ...args],
    {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: { ...process.env, RELAY_DATABASE_URL: '', ...env },
    },
  )
}

describe.each(DRIVERS)('relay process on %s', (driver) => {
  let relay: RelayProcess
  beforeAll(async () => {
    relay = await startRelayProcess(driver, databases())
  })
  afterAll(() => relay?.stop())

  it('prints RELAY_URL once it accepts requests and answers the health check with its driver', async () => {
    expect(relay.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const response = await relay.api('/api/v1/health')
    expect(response.status).toBe(200)
    expect(healthSchema.parse(await response.json())).toEqual({ status: 'ok', apiVersion: 1, driver })
  })

  it('runs the admin commands while it runs, and a pairing code works once', async () => {
    const env = { RELAY_DATA_DIR: relay.dataDir, RELAY_DATABASE_URL: relay.databaseUrl ?? '' }
    const added = cli(env, 'commune', 'add', '10145')
    expect(added.stderr).toBe('')
    expect(added.status).toBe(0)
    const lines = added.stdout.trim().split('\n')
    expect(lines[0]).toBe('Commune ajoutée : Faux-Villecerf (10145).')
    const code = lines.at(-1)!
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/)

    const again = cli(env, 'commune', 'add', '10145')
    expect(again.status).toBe(1)
    expect(again.stderr).toContain('existe déjà')

    const claim = await relay.api('/api/v1/pairing', { method: 'POST', json: { code: code.toLowerCase().replaceAll('-', ' ') } })
    expect(claim.status).toBe(200)
    const paired = pairingClaimOutput.parse(await claim.json())
    expect(paired.commune).toEqual({ code: '10145', name: 'Faux-Villecerf', portalUrl: `${relay.url}/10145` })
    expect(paired.token.length).toBeGreaterThanOrEqual(40)

    const reused = await relay.api('/api/v1/pairing', { method: 'POST', json: { code } })
    expect(reused.status).toBe(409)
    expect(await reused.json()).toEqual({ code: 'code_utilise', message: expect.stringContaining('déjà servi') })

    const info = await relay.api('/api/v1/commune', { token: paired.token })
    expect(info.status).toBe(200)
    expect(await info.json()).toMatchObject({ code: '10145', name: 'Faux-Villecerf', population: expect.any(Number) })

    const list = cli(env, 'commune', 'list')
    expect(list.stdout).toContain('10145  Faux-Villecerf — appairée')

    // A new code revokes the old token once claimed.
    const fresh = cli(env, 'commune', 'new-code', '10145').stdout.trim().split('\n').at(-1)!
    const second = await relay.api('/api/v1/pairing', { method: 'POST', json: { code: fresh } })
    expect(second.status).toBe(200)
    expect((await relay.api('/api/v1/commune', { token: paired.token })).status).toBe(401)

    const disabled = cli(env, 'commune', 'disable', '10145')
    expect(disabled.stdout).toContain('désactivée')
    const token2 = ((await second.json()) as { token: string }).token
    expect((await relay.api('/api/v1/commune', { token: token2 })).status).toBe(401)
    expect((await fetch(`${relay.url}/10145`)).status).toBe(404)
    cli(env, 'commune', 'enable', '10145')
    expect((await relay.api('/api/v1/commune', { token: token2 })).status).toBe(200)
  })

  it('refuses unknown and malformed INSEE codes with a French message', () => {
    const env = { RELAY_DATA_DIR: relay.dataDir, RELAY_DATABASE_URL: relay.databaseUrl ?? '' }
    const unknown = cli(env, 'commune', 'add', '99999')
    expect(unknown.status).toBe(1)
    expect(unknown.stderr).toContain('Aucune commune actuelle n’a le code INSEE 99999')
    const malformed = cli(env, 'commune', 'add', '../etc')
    expect(malformed.stderr).toContain('n’est pas un code INSEE')
  })

  it('serves an OpenAPI document generated from the zod contract', async () => {
    const response = await relay.api('/api/v1/openapi.json')
    const doc = (await response.json()) as { openapi: string; paths: Record<string, Record<string, { operationId: string }>> }
    expect(doc.openapi).toBe('3.1.0')
    expect(doc.paths['/api/v1/inputs']!.get!.operationId).toBe('inputs.pull')
    expect(doc.paths['/api/v1/polls/{externalId}']!.put!.operationId).toBe('polls.put')
  })
})

describe('PGlite folder lock', () => {
  it('refuses a second relay on the same folder with a clear French message', async () => {
    const first = await startRelayProcess('pglite', databases())
    try {
      const second = cli({ RELAY_DATA_DIR: first.dataDir, RELAY_PORT: '0' })
      expect(second.status).toBe(1)
      expect(second.stderr).toContain(`Le dossier de données ${first.dataDir} est déjà utilisé par un autre relais`)
      expect(second.stderr).toContain('RELAY_DATABASE_URL')
    } finally {
      await first.stop()
    }
  })

  it('runs the admin commands on the folder itself when no relay runs', async () => {
    const first = await startRelayProcess('pglite', databases())
    const dataDir = first.dataDir
    await first.kill()
    // The lock left by a killed process is stale: the command takes the folder.
    const added = cli({ RELAY_DATA_DIR: dataDir }, 'commune', 'add', '10290')
    expect(added.stderr).toBe('')
    expect(added.stdout).toContain('Commune ajoutée')
    const relay = await startRelayProcess('pglite', databases(), { dataDir })
    try {
      expect(await relay.admin('commune', 'list')).toEqual([expect.stringMatching(/^10290 {2}.+ — en attente d’appairage, 0 contribution\(s\)$/)])
    } finally {
      await relay.stop()
    }
  })
})
