import { sql } from 'drizzle-orm'
import { type Queryable, queryRows } from '../db/open'

/** Takes (or renews) the lease of a scheduled job; true when this process holds it. One holder at a time, across processes. */
export async function takeLease(db: Queryable, name: string, holder: string, seconds: number): Promise<boolean> {
  const result = await queryRows<{ holder: string }>(
    db,
    sql`
    INSERT INTO job_leases (name, holder, leased_until) VALUES (${name}, ${holder}, now() + make_interval(secs => ${seconds}))
    ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, leased_until = excluded.leased_until
    WHERE job_leases.leased_until < now() OR job_leases.holder = excluded.holder
    RETURNING holder`,
  )
  return result.length === 1
}

export async function markRun(db: Queryable, name: string): Promise<void> {
  await db.execute(sql`UPDATE job_leases SET last_run_at = now() WHERE name = ${name}`)
}
