import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { addCommune } from '../communes/queries'
import { readConfig } from '../config'
import type { RelayContext } from '../context'
import { queryRows } from '../db/open'
import { createMailer, type OutgoingMail } from '../mail/mailer'
import { databasePhotoStore } from '../photos/store'
import { openTestDatabase } from '../testing/database'
import { DRIVERS } from '../testing/relay-process'
import { sendDigests } from './digest'
import { takeLease } from './lease'

describe.each(DRIVERS)('scheduled jobs on %s', (driver) => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>
  let relay: RelayContext
  const sent: OutgoingMail[] = []
  let failNext = false
  beforeAll(async () => {
    database = await openTestDatabase(driver, inject('relayDatabases'))
    await addCommune(database.db, '10145')
    const transport = {
      describe: 'test',
      async send(mail: OutgoingMail) {
        if (failNext) {
          failNext = false
          throw new Error(`refusé pour ${mail.to}`)
        }
        sent.push(mail)
      },
      close: () => undefined,
    }
    relay = {
      config: readConfig({}),
      database,
      mailer: createMailer(database.db, transport, () => undefined),
      photos: databasePhotoStore(database.db),
      publicUrl: () => 'https://relais.example.fr',
      log: () => undefined,
    }
  })
  afterAll(async () => {
    await database?.dispose()
  })

  it('gives a job’s lease to one holder at a time, and back once it expires', async () => {
    expect(await takeLease(database.db, 'recapitulatifs', 'processus-a', 60)).toBe(true)
    expect(await takeLease(database.db, 'recapitulatifs', 'processus-b', 60)).toBe(false)
    expect(await takeLease(database.db, 'recapitulatifs', 'processus-a', 60)).toBe(true)
    await database.db.execute(sql`UPDATE job_leases SET leased_until = now() - interval '1 second'`)
    expect(await takeLease(database.db, 'recapitulatifs', 'processus-b', 60)).toBe(true)
  })

  it('sends the weekly digest once, with the news of the topics followed, and keeps a failed mail for later without the address', async () => {
    const old = sql`now() - interval '8 days'`
    await database.db.execute(sql`INSERT INTO citizens (commune_code, email, pseudonymous_id, display_name, topics, digest, created_at)
      VALUES ('10145', 'voirie@example.fr', 'hab-1', 'Louis', '["voirie"]', 'hebdomadaire', ${old}),
             ('10145', 'aucun@example.fr', 'hab-2', 'Rose', '[]', 'aucun', ${old}),
             ('10145', 'ecole@example.fr', 'hab-3', 'Inès', '["ecole"]', 'hebdomadaire', ${old})`)
    await database.db.execute(sql`INSERT INTO news (commune_code, external_id, title, body, topic, published_on)
      VALUES ('10145', 'n1', 'Travaux rue Haute', 'Du 3 au 7.', 'voirie', '2026-12-01')`)
    expect(await sendDigests(relay)).toBe(1)
    expect(await sendDigests(relay)).toBe(0)
    failNext = true
    expect(await relay.mailer.flush()).toBe(0)
    const rows = await queryRows<{ to_address: string; last_error: string; attempts: number }>(
      database.db,
      sql`SELECT to_address, last_error, attempts FROM mail_outbox`,
    )
    expect(rows).toEqual([{ to_address: 'voirie@example.fr', last_error: 'refusé pour <destinataire>', attempts: 1 }])
    // Retried after its backoff.
    await database.db.execute(sql`UPDATE mail_outbox SET next_attempt_at = now()`)
    expect(await relay.mailer.flush()).toBe(1)
    expect(sent.map((m) => [m.to, m.subject])).toEqual([['voirie@example.fr', 'Faux-Villecerf : les nouveautés']])
    expect(sent[0]!.body).toContain('• Travaux rue Haute (Voirie et déplacements)')
    expect(sent[0]!.body).toContain('https://relais.example.fr/10145/compte')
  })

  it('runs PGlite’s maintenance (VACUUM, CHECKPOINT) or PostgreSQL’s ANALYZE without error', async () => {
    await expect(database.maintenance()).resolves.toBeUndefined()
  })
})
