/**
 * Concurrency, against real relay processes: one citizen's 1,000 simultaneous votes count once; 200 citizens voting at
 * once give exact tallies; two relay processes on one PostgreSQL keep both; the pull cursor never skips a row while
 * writers run.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { pollResultsSchema, pullOutput } from '../shared/relay/api'
import { TestCitizen } from './testing/citizen'
import { vote } from './testing/fixtures'
import { DRIVERS, pairedCommune, startRelayProcess, type RelayProcess } from './testing/relay-process'
import { startSmtp, type TestSmtp } from './testing/smtp'

/** Signs citizens in without waiting for one mail at a time. */
async function citizens(relay: RelayProcess, smtp: TestSmtp, count: number, prefix: string, via: RelayProcess[] = [relay]): Promise<TestCitizen[]> {
  const list = Array.from({ length: count }, (_, i) => new TestCitizen(via[i % via.length]!, '10145'))
  for (let i = 0; i < count; i += 50)
    await Promise.all(list.slice(i, i + 50).map((c, j) => c.signIn(smtp, `${prefix}${i + j}@example.fr`, `H${i + j}`)))
  return list
}

async function results(relay: RelayProcess, token: string, poll: string) {
  return pollResultsSchema.parse(await (await relay.api(`/api/v1/polls/${poll}/results`, { token })).json())
}

/** Everything the feed gives from 0, page by page. */
async function pullAll(relay: RelayProcess, token: string, limit: number, after = 0) {
  const seen: number[] = []
  let cursor = after
  for (;;) {
    const page = pullOutput.parse(await (await relay.api(`/api/v1/inputs?after=${cursor}&limit=${limit}`, { token })).json())
    seen.push(...page.items.map((i) => i.seq))
    cursor = page.nextCursor
    if (!page.hasMore) return { seen, cursor }
  }
}

describe.each(DRIVERS)('concurrency on %s', (driver) => {
  let relay: RelayProcess
  let smtp: TestSmtp
  let token: string
  beforeAll(async () => {
    smtp = await startSmtp()
    relay = await startRelayProcess(driver, inject('relayDatabases'), { env: { RELAY_SMTP_URL: smtp.url, RELAY_RATE_LIMIT_FACTOR: '100' } })
    token = await pairedCommune(relay, '10145')
  })
  afterAll(async () => {
    await relay?.stop()
    await smtp?.stop()
  })

  it('counts one answer for 1,000 simultaneous votes by one citizen', async () => {
    await relay.api('/api/v1/polls/rafale', { method: 'PUT', token, json: vote() })
    const [one] = await citizens(relay, smtp, 1, 'rafale')
    const attempts = await Promise.all(
      Array.from({ length: 1000 }, (_, i) => one!.post('/10145/sondages/rafale', { q_q: i % 2 ? 'a' : 'b', _csrf: one!.formToken! })),
    )
    expect(attempts.filter((a) => a.status === 200).length).toBeGreaterThan(0)
    expect(attempts.every((a) => a.status === 200)).toBe(true)
    const after = await results(relay, token, 'rafale')
    expect(after.participants).toBe(1)
    expect(after.questions[0]!.options.reduce((n, o) => n + o.count, 0)).toBe(1)
  }, 300_000)

  it('gives exact tallies for 200 citizens voting at once', async () => {
    await relay.api('/api/v1/polls/foule', { method: 'PUT', token, json: vote() })
    const crowd = await citizens(relay, smtp, 200, 'foule')
    const answered = await Promise.all(crowd.map((c, i) => c.post('/10145/sondages/foule', { q_q: i < 137 ? 'a' : 'b', _csrf: c.formToken! })))
    expect(answered.map((a) => a.status)).toEqual(Array(200).fill(200))
    const tally = await results(relay, token, 'foule')
    expect(tally.participants).toBe(200)
    expect(tally.questions[0]!.options.map((o) => o.count)).toEqual([137, 63])
  }, 300_000)

  it('never skips a row of the feed while writers insert and update concurrently', async () => {
    const writers = await citizens(relay, smtp, 8, 'ecrit')
    const start = await pullAll(relay, token, 1000)
    let cursor = start.cursor
    const delivered = new Set<number>()
    let writing = true
    const write = Promise.all(
      writers.map(async (w, i) => {
        for (let n = 0; n < 15; n++) {
          const sent = await w.post('/10145/contribuer', {
            kind: 'proposition',
            topic: 'autre',
            title: `Idée ${i}-${n}`,
            body: 'Texte.',
            _csrf: w.formToken!,
          })
          expect(sent.status).toBe(303)
        }
      }),
    ).finally(() => (writing = false))
    // A reader pulls small pages all along, as the desktop would.
    while (writing) {
      const page = await pullAll(relay, token, 7, cursor)
      page.seen.forEach((s) => delivered.add(s))
      cursor = page.cursor
    }
    await write
    const last = await pullAll(relay, token, 7, cursor)
    last.seen.forEach((s) => delivered.add(s))
    const everything = await pullAll(relay, token, 1000, start.cursor)
    expect(everything.seen).toHaveLength(120)
    expect(everything.seen.filter((s) => !delivered.has(s))).toEqual([])
  })
})

describe('two relay processes on one PostgreSQL', () => {
  let a: RelayProcess
  let b: RelayProcess
  let smtp: TestSmtp
  beforeAll(async () => {
    smtp = await startSmtp()
    a = await startRelayProcess('postgres', inject('relayDatabases'), { env: { RELAY_SMTP_URL: smtp.url, RELAY_RATE_LIMIT_FACTOR: '100' } })
    b = await startRelayProcess('postgres', inject('relayDatabases'), {
      databaseUrl: a.databaseUrl!,
      env: { RELAY_SMTP_URL: smtp.url, RELAY_RATE_LIMIT_FACTOR: '100' },
    })
  })
  afterAll(async () => {
    await a?.stop()
    await b?.stop()
    await smtp?.stop()
  })

  it('keeps one answer per citizen and exact tallies when both processes serve the same voters', async () => {
    const token = await pairedCommune(a, '10145')
    await b.api('/api/v1/polls/deux', { method: 'PUT', token, json: vote() })
    const voters = await citizens(a, smtp, 60, 'deux', [a, b])
    const answers = await Promise.all(
      voters.flatMap((v, i) =>
        // Each citizen votes 10 times at once, through both processes, always the same choice.
        Array.from({ length: 10 }, (_, n) =>
          v.through(n % 2 ? a : b).post('/10145/sondages/deux', { q_q: i % 3 === 0 ? 'a' : 'b', _csrf: v.formToken! }),
        ),
      ),
    )
    expect(answers.every((r) => r.status === 200)).toBe(true)
    const tally = await results(a, token, 'deux')
    expect(tally.participants).toBe(60)
    expect(tally.questions[0]!.options.map((o) => o.count)).toEqual([20, 40])
    expect(await results(b, token, 'deux')).toEqual(tally)
    const feed = await pullAll(b, token, 13)
    expect(new Set(feed.seen).size).toBe(feed.seen.length)
    expect(feed.seen.length).toBe(60)
  }, 300_000)
})
