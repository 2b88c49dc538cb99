/**
 * Mails are queued in the database (mail_outbox) inside the transaction that decides them, then sent by whichever
 * relay process takes them first (each row is leased with FOR UPDATE SKIP LOCKED): nothing is lost on a restart and
 * nothing is sent twice by two processes. A sent mail is deleted: the relay keeps no copy of what it mailed.
 */
import { sql } from 'drizzle-orm'
import type { RelayConfig } from '../config'
import { type Queryable, type RelayDb, queryRows } from '../db/open'
import { mailOutbox } from '../db/schema'

export interface OutgoingMail {
  to: string
  subject: string
  body: string
  communeCode?: string | null
}

export interface Transport {
  describe: string
  send(mail: OutgoingMail): Promise<void>
  close(): void
}

export interface Mailer {
  /** Queues a mail in the caller's transaction. */
  queue(db: Queryable, mail: OutgoingMail): Promise<void>
  /** Sends what is due now (called by the job, and right after a magic link or an alert is queued). */
  flush(): Promise<number>
  /** Whether mails can leave at all (SMTP or the development log). */
  canSend: boolean
  close(): void
}

export async function createTransport(config: RelayConfig, log: (message: string) => void): Promise<Transport | null> {
  if (config.smtpUrl) {
    const nodemailer = (await import('nodemailer')).default
    // A pool reuses SMTP connections: a burst of magic links or an alert to every subscriber does not open one each.
    const url = new URL(config.smtpUrl)
    if (!url.searchParams.has('pool')) url.searchParams.set('pool', 'true')
    const transport = nodemailer.createTransport(url.toString())
    return {
      describe: `SMTP ${new URL(config.smtpUrl).host}`,
      async send(mail) {
        await transport.sendMail({ from: config.mailFrom, to: mail.to, subject: mail.subject, text: mail.body })
      },
      close: () => transport.close(),
    }
  }
  if (config.devMail) {
    return {
      describe: 'journal (RELAY_DEV_MAIL=1)',
      async send(mail) {
        log(`Courriel (développement) à ${mail.to} — ${mail.subject}\n${mail.body}`)
      },
      close: () => undefined,
    }
  }
  return null
}

const LEASE_SECONDS = 120
const BATCH = 25

export function createMailer(db: RelayDb, transport: Transport | null, log: (message: string) => void): Mailer {
  let running: Promise<number> | null = null
  let again = false
  async function sendDue(): Promise<number> {
    if (!transport) return 0
    let sent = 0
    for (;;) {
      const due = await queryRows<{ id: number; to_address: string; subject: string; body: string; attempts: number }>(
        db,
        sql`
        UPDATE mail_outbox SET locked_until = now() + make_interval(secs => ${LEASE_SECONDS}), attempts = attempts + 1
        WHERE id IN (
          SELECT id FROM mail_outbox
          WHERE sent_at IS NULL AND next_attempt_at <= now() AND (locked_until IS NULL OR locked_until < now())
          ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
        RETURNING id, to_address, subject, body, attempts`,
      )
      if (!due.length) return sent
      // Sent side by side (the SMTP transport pools its connections); each row's outcome is recorded on its own.
      const outcomes = await Promise.all(
        due.map(async (row) => {
          try {
            await transport.send({ to: row.to_address, subject: row.subject, body: row.body })
            await db.execute(sql`DELETE FROM mail_outbox WHERE id = ${row.id}`)
            return 1
          } catch (error) {
            // Backoff: 1, 2, 4… minutes, at most a day. The error is kept without the address.
            const minutes = Math.min(2 ** Math.min(Number(row.attempts) - 1, 11), 1440)
            const reason = String((error as Error).message ?? error)
              .replaceAll(row.to_address, '<destinataire>')
              .slice(0, 500)
            await db.execute(
              sql`UPDATE mail_outbox SET locked_until = NULL, last_error = ${reason}, next_attempt_at = now() + make_interval(mins => ${minutes}) WHERE id = ${row.id}`,
            )
            log(`Envoi d’un courriel reporté de ${minutes} min : ${reason}`)
            return 0
          }
        }),
      )
      sent += outcomes.reduce<number>((n, o) => n + o, 0)
    }
  }
  return {
    canSend: transport !== null,
    async queue(q, mail) {
      await q.insert(mailOutbox).values({ toAddress: mail.to, subject: mail.subject, body: mail.body, communeCode: mail.communeCode ?? null })
    },
    flush() {
      // One flush at a time in this process; a call during a flush makes it look again once more (coalesced).
      if (running) {
        again = true
        return running
      }
      running = (async () => {
        let total = 0
        do {
          again = false
          total += await sendDue()
        } while (again)
        return total
      })().finally(() => (running = null))
      return running
    },
    close() {
      transport?.close()
    },
  }
}
