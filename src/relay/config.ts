/** The relay's configuration, from environment variables only (documented in README.md and docs/relay.md). */
import { homedir } from 'node:os'
import { join } from 'node:path'

export interface RelayConfig {
  /** 0 picks a free port. */
  port: number
  host: string
  /** PGlite's folder (and its lock); unused with PostgreSQL. */
  dataDir: string
  /** Where citizens reach the portal, for the links in mails; defaults to the local address. */
  publicUrl: string | null
  databaseUrl: string | null
  /** Connections per process to PostgreSQL. */
  poolSize: number
  smtpUrl: string | null
  /** Mails go to the log instead of SMTP. */
  devMail: boolean
  mailFrom: string
  /** Trust X-Forwarded-For from a reverse proxy for rate limits per IP. */
  trustProxy: boolean
  /** Run the scheduled jobs (mails, digests, maintenance) in this process. */
  jobs: boolean
  /** Multiplies every rate limit (many citizens behind one address, a load test). */
  rateLimitFactor: number
}

export class ConfigError extends Error {}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} doit être un nombre entier entre ${min} et ${max} (reçu : « ${raw} »).`)
  }
  return value
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  if (['1', 'true', 'oui', 'yes'].includes(raw.toLowerCase())) return true
  if (['0', 'false', 'non', 'no'].includes(raw.toLowerCase())) return false
  throw new ConfigError(`${name} doit valoir 1 ou 0 (reçu : « ${raw} »).`)
}

function url(env: NodeJS.ProcessEnv, name: string, protocols: string[]): string | null {
  const raw = env[name]?.trim()
  if (!raw) return null
  let parsed: URL
  try {
    parsed = new URL(raw)
  } catch {
    throw new ConfigError(`${name} n’est pas une adresse valide.`)
  }
  if (!protocols.includes(parsed.protocol)) throw new ConfigError(`${name} doit commencer par ${protocols.map((p) => `${p}//`).join(' ou ')}.`)
  return raw.replace(/\/+$/, '')
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): RelayConfig {
  return {
    port: integer(env, 'RELAY_PORT', 8787, 0, 65535),
    host: env.RELAY_HOST?.trim() || '127.0.0.1',
    dataDir: env.RELAY_DATA_DIR?.trim() || join(homedir(), '.cap-commune-relay'),
    publicUrl: url(env, 'RELAY_PUBLIC_URL', ['http:', 'https:']),
    databaseUrl: url(env, 'RELAY_DATABASE_URL', ['postgres:', 'postgresql:']),
    poolSize: integer(env, 'RELAY_DATABASE_POOL', 10, 1, 200),
    smtpUrl: url(env, 'RELAY_SMTP_URL', ['smtp:', 'smtps:']),
    devMail: flag(env, 'RELAY_DEV_MAIL', false),
    mailFrom: env.RELAY_MAIL_FROM?.trim() || 'Portail citoyen <ne-pas-repondre@cap-commune.invalid>',
    trustProxy: flag(env, 'RELAY_TRUST_PROXY', false),
    jobs: flag(env, 'RELAY_JOBS', true),
    rateLimitFactor: integer(env, 'RELAY_RATE_LIMIT_FACTOR', 1, 1, 10_000),
  }
}
