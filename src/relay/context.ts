import type { RelayConfig } from './config'
import type { RelayDatabase } from './db/open'
import type { Mailer } from './mail/mailer'
import type { PhotoStore } from './photos/store'

/** What every route and job of one relay process shares. */
export interface RelayContext {
  config: RelayConfig
  database: RelayDatabase
  mailer: Mailer
  photos: PhotoStore
  /** The portal's base address as citizens reach it (RELAY_PUBLIC_URL, else the local address once listening). */
  publicUrl(): string
  log(message: string): void
}
