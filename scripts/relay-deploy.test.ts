/**
 * The deployment files of the relay cannot run here (no container images): this checks what can be checked — the
 * compose file parses and wires the relay to PostgreSQL behind a proxy with backups, the Dockerfile copies paths that
 * exist and starts the relay's entry point, and every RELAY_* variable the relay reads is documented in the README.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { load } from 'js-yaml'
import { describe, expect, it } from 'vitest'

const ROOT = join(__dirname, '..')
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8')

interface Compose {
  services: Record<
    string,
    { image?: string; build?: { context: string; dockerfile: string }; environment?: Record<string, string>; deploy?: { replicas: number } }
  >
}

describe('relay deployment files', () => {
  it('compose: N relay replicas on one PostgreSQL, a reverse proxy and nightly backups', () => {
    const compose = load(read('deploy/relay/compose.yaml')) as Compose
    expect(Object.keys(compose.services).sort()).toEqual(['backup', 'postgres', 'proxy', 'relay'])
    const relay = compose.services.relay!
    expect(relay.deploy!.replicas).toBeGreaterThan(1)
    expect(relay.environment!.RELAY_DATABASE_URL).toMatch(/^postgres:\/\/.+@postgres:5432\//)
    expect(relay.environment!.RELAY_TRUST_PROXY).toBe('1')
    expect(existsSync(join(ROOT, 'deploy/relay', relay.build!.context, relay.build!.dockerfile))).toBe(true)
    expect(compose.services.postgres!.image).toMatch(/^postgres:15/)
  })

  it('Dockerfile: copies existing paths and starts the relay', () => {
    const dockerfile = read('deploy/relay/Dockerfile')
    for (const [, from] of dockerfile.matchAll(/^COPY (\S+(?: \S+)*) \S+$/gm)) {
      for (const path of from!.split(' ')) expect(existsSync(join(ROOT, path)), path).toBe(true)
    }
    expect(dockerfile).toMatch(/^CMD \["node", "--import", "tsx", "src\/relay\/main.ts"\]$/m)
    expect(existsSync(join(ROOT, 'src/relay/main.ts'))).toBe(true)
  })

  it('README documents every RELAY_* variable the relay reads', () => {
    const used = new Set([...read('src/relay/config.ts').matchAll(/'(RELAY_[A-Z_]+)'|env\.(RELAY_[A-Z_]+)/g)].map((m) => m[1] ?? m[2]))
    expect(used.size).toBeGreaterThan(10)
    const readme = read('README.md')
    for (const name of used) expect(readme, name).toMatch(new RegExp(`\\| \`${name}\` +\\|`))
    expect(read('docs/relay.md')).toContain('RELAY_DATABASE_URL')
  })
})
