import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { benchmarkSchema, pollResultsSchema, pullOutput, pulledInputSchema, residentBatchCreated } from '../../shared/relay/api'
import { TestCitizen } from '../testing/citizen'
import { project, vote } from '../testing/fixtures'
import { DRIVERS, pairedCommune, startRelayProcess, type RelayProcess } from '../testing/relay-process'
import { startSmtp, type TestSmtp } from '../testing/smtp'

describe.each(DRIVERS)('sync API on %s', (driver) => {
  let relay: RelayProcess
  let smtp: TestSmtp
  let token: string
  let other: string
  beforeAll(async () => {
    smtp = await startSmtp()
    relay = await startRelayProcess(driver, inject('relayDatabases'), { env: { RELAY_SMTP_URL: smtp.url } })
    token = await pairedCommune(relay, '10145')
    other = await pairedCommune(relay, '10290')
  })
  afterAll(async () => {
    await relay?.stop()
    await smtp?.stop()
  })

  it('publishes, updates and withdraws a project, shown on the portal with the fields chosen', async () => {
    const put = await relay.api('/api/v1/projects/p1', { method: 'PUT', token, json: project })
    expect(put.status).toBe(200)
    const read = async () => (await (await fetch(`${relay.url}/10145/projets/p1`)).text()).replace(/[\u202f\u00a0]/g, ' ')
    let page = await read()
    expect(page).toContain('Rénovation de la salle des fêtes')
    expect(page).toContain('185 000 €')
    expect(page).toContain('1er avril 2026')
    await relay.api('/api/v1/projects/p1', { method: 'PUT', token, json: { ...project, budgetCents: null, progress: 60 } })
    page = await read()
    expect(page).not.toContain('€')
    expect(page).toContain('60 %')
    // Another commune never sees it.
    expect((await fetch(`${relay.url}/10290/projets/p1`)).status).toBe(404)
    expect(await (await relay.api('/api/v1/projects/p1', { method: 'DELETE', token })).json()).toEqual({ removed: true })
    expect((await fetch(`${relay.url}/10145/projets/p1`)).status).toBe(404)
    await relay.api('/api/v1/projects/p1', { method: 'PUT', token, json: project })
  })

  it('answers hostile or malformed requests with a French message and stores nothing', async () => {
    const cases: [string, RequestInit & { token?: string; json?: unknown }, number, RegExp][] = [
      ['/api/v1/projects/p2', { method: 'PUT', token, json: { ...project, title: 42 } }, 400, /Le titre doit être un texte/],
      ['/api/v1/projects/p2', { method: 'PUT', token, json: { ...project, title: 'x'.repeat(201) } }, 400, /ne doit pas dépasser 200 caractères/],
      ['/api/v1/projects/p2', { method: 'PUT', token, json: { ...project, title: 'Salle\u202Eexe.sfêtes' } }, 400, /caractères non autorisés/],
      ['/api/v1/projects/p2', { method: 'PUT', token, json: { ...project, summary: 'nul\u0000' } }, 400, /caractères non autorisés/],
      ['/api/v1/projects/p2', { method: 'PUT', token, json: { ...project, progress: 140 } }, 400, /invalide/],
      ['/api/v1/projects/..%2F..%2Fetc', { method: 'PUT', token, json: project }, 400, /identifiant/],
      [
        '/api/v1/projects/p2',
        { method: 'PUT', token, body: '{"title":', headers: { 'Content-Type': 'application/json' } },
        400,
        /pas du JSON valide/,
      ],
      ['/api/v1/projects/p2', { method: 'PUT', token, body: 'title=x', headers: { 'Content-Type': 'text/plain' } }, 415, /doit être du JSON/],
      ['/api/v1/projects/p2', { method: 'PUT', token, json: { ...project, summary: 'x'.repeat(300_000) } }, 413, /trop volumineuse/],
      ['/api/v1/projects/p2', { method: 'PUT', token: 'x'.repeat(43), json: project }, 401, /plus valable/],
      ['/api/v1/projects/p2', { method: 'PUT', json: project }, 401, /Jeton manquant/],
      [
        '/api/v1/polls/v2',
        { method: 'PUT', token, json: { ...vote(), closesAt: '2025-01-01T00:00:00Z' } },
        400,
        /La clôture doit suivre l’ouverture/,
      ],
      [
        '/api/v1/polls/v2',
        { method: 'PUT', token, json: { ...vote(), questions: [{ ...vote().questions[0]!, options: [{ id: 'a', label: 'Seul' }] }] } },
        400,
        /au moins deux choix/,
      ],
      [
        '/api/v1/news/n2',
        { method: 'PUT', token, json: { title: 'Route', body: 'Fermée', topic: 'voirie', publishedOn: '2026-12-01', isAlert: true } },
        400,
        /date de fin/,
      ],
      ['/api/v1/inputs?after=-1', { token }, 400, /curseur/],
      ['/api/v1/inputs?after=abc', { token }, 400, /curseur/],
      ['/api/v1/resident-code-batches', { method: 'POST', token, json: { label: 'Lot', count: 100_000 } }, 400, /Au plus 5 000 codes/],
      ['/api/v1/benchmark', { method: 'PUT', token, json: { band: 'mille', scores: [] } }, 400, /tranche de population est inconnue/],
      ['/api/v1/pairing', { method: 'POST', json: { code: 'AAAA-BBBB-CCCC' } }, 400, /code d’appairage est inconnu/],
    ]
    for (const [path, init, status, message] of cases) {
      const response = await relay.api(path, init)
      const body = (await response.json()) as { code: string; message: string }
      expect({ path, status: response.status }).toEqual({ path, status })
      expect(body.message).toMatch(message)
      expect(body.code).toMatch(/^[a-z_]+$/)
    }
    expect((await relay.api('/api/v1/polls/v2/results', { token })).status).toBe(404)
    expect((await fetch(`${relay.url}/10145/projets/p2`)).status).toBe(404)
  })

  it('pulls contributions in pages since a cursor, idempotently, and takes back status, answer and moderation', async () => {
    const citizen = new TestCitizen(relay, '10145')
    await citizen.signIn(smtp, 'lea@example.fr', 'Léa')
    for (let i = 1; i <= 5; i++) {
      const sent = await citizen.post(
        '/10145/contribuer',
        {
          kind: 'besoin',
          topic: 'voirie',
          title: `Nid-de-poule n° ${i}`,
          body: '<script>alert(1)</script> rue des Écoles',
          address: '3 rue des Écoles',
        },
        { from: '/10145/contribuer' },
      )
      expect(sent.status).toBe(303)
    }
    const first = pullOutput.parse(await (await relay.api('/api/v1/inputs?after=0&limit=2', { token })).json())
    expect(first.items).toHaveLength(2)
    expect(first.hasMore).toBe(true)
    const again = pullOutput.parse(await (await relay.api('/api/v1/inputs?after=0&limit=2', { token })).json())
    expect(again).toEqual(first)
    const rest = pullOutput.parse(await (await relay.api(`/api/v1/inputs?after=${first.nextCursor}&limit=10`, { token })).json())
    expect(rest.items).toHaveLength(3)
    expect(rest.hasMore).toBe(false)
    const all = [...first.items, ...rest.items]
    expect(all.map((i) => i.type === 'contribution' && i.title)).toEqual([1, 2, 3, 4, 5].map((i) => `Nid-de-poule n° ${i}`))
    const item = all[0]!
    if (item.type !== 'contribution') throw new Error('contribution attendue')
    expect(item.author).toEqual({ pseudonymousId: expect.stringMatching(/^hab-/), displayName: 'Léa' })
    expect(JSON.stringify(all)).not.toContain('lea@example.fr')
    expect(item.body).toBe('<script>alert(1)</script> rue des Écoles')
    expect(item.moderation).toBe('en_attente')
    expect(item).toMatchObject({ photos: [], reports: { spam: 0, offensant: 0, hors_sujet: 0 } })
    // Dates as ISO 8601 in UTC with milliseconds, whatever the database's time zone.
    expect(item.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
    expect(Math.abs(Date.parse(item.createdAt) - Date.now())).toBeLessThan(10 * 60_000)

    // Compressed for a client that takes gzip (as the desktop's fetch does), plain otherwise: the same page.
    const plain = await relay.api('/api/v1/inputs?after=0', { token, headers: { 'accept-encoding': 'identity' } })
    expect(plain.headers.get('content-encoding')).toBeNull()
    expect(plain.headers.get('content-type')).toMatch(/^application\/json/)
    const compressed = await relay.api('/api/v1/inputs?after=0', { token, headers: { 'accept-encoding': 'gzip;q=0.8, br' } })
    expect(compressed.headers.get('content-encoding')).toBe('gzip')
    expect(compressed.headers.get('vary')).toMatch(/Accept-Encoding/i)
    expect(await compressed.json()).toEqual(await plain.json())
    const refused = await relay.api('/api/v1/inputs?after=0', { token, headers: { 'accept-encoding': 'gzip;q=0, deflate' } })
    expect(refused.headers.get('content-encoding')).not.toBe('gzip')
    expect(pullOutput.parse(await refused.json()).items).toHaveLength(5)

    // Nothing new: the same cursor comes back.
    const empty = pullOutput.parse(await (await relay.api(`/api/v1/inputs?after=${rest.nextCursor}`, { token })).json())
    expect(empty).toEqual({ commune: '10145', items: [], nextCursor: rest.nextCursor, hasMore: false })
    // Another commune's token sees none of it and cannot touch it.
    expect(pullOutput.parse(await (await relay.api('/api/v1/inputs', { token: other })).json()).items).toEqual([])
    expect((await relay.api(`/api/v1/inputs/${item.id}`, { method: 'PATCH', token: other, json: { moderation: 'publiee' } })).status).toBe(404)

    const updated = await relay.api(`/api/v1/inputs/${item.id}`, {
      method: 'PATCH',
      token,
      json: { status: 'a_l_etude', publicAnswer: 'Les services passent lundi.', moderation: 'publiee' },
    })
    expect(updated.status).toBe(200)
    const back = pulledInputSchema.parse(await updated.json())
    expect(back).toMatchObject({ status: 'a_l_etude', publicAnswer: 'Les services passent lundi.', moderation: 'publiee' })
    // The change comes back in the feed, after the cursor.
    const changed = pullOutput.parse(await (await relay.api(`/api/v1/inputs?after=${rest.nextCursor}`, { token })).json())
    expect(changed.items.map((i) => i.id)).toEqual([item.id])

    // Published: on the public page, escaped.
    const page = await (await fetch(`${relay.url}/10145`)).text()
    expect(page).toContain('Nid-de-poule n° 1')
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(page).not.toContain('<script>alert(1)')
    const mine = await citizen.get('/10145/mes-contributions')
    expect(mine.html).toContain('À l’étude')
    expect(mine.html).toContain('Les services passent lundi.')
  })

  it('creates resident codes once in clear, and revokes the unused ones', async () => {
    const created = residentBatchCreated.parse(
      await (await relay.api('/api/v1/resident-code-batches', { method: 'POST', token, json: { label: 'Rue des Écoles', count: 3 } })).json(),
    )
    expect(created.codes).toHaveLength(3)
    expect(new Set(created.codes).size).toBe(3)
    const citizen = new TestCitizen(relay, '10145')
    await citizen.signIn(smtp, 'paul@example.fr', 'Paul')
    expect((await citizen.post('/10145/compte/habitant', { code: 'ZZZZ-ZZZZ-ZZZZ' }, { from: '/10145/compte' })).html).toContain(
      'Ce code n’est pas valable',
    )
    expect((await citizen.post('/10145/compte/habitant', { code: created.codes[0]!.toLowerCase() }, { from: '/10145/compte' })).status).toBe(303)
    expect((await citizen.get('/10145/compte')).html).toContain('Habitant·e vérifié·e')
    // A used code does not work twice, nor in another commune.
    const second = new TestCitizen(relay, '10145')
    await second.signIn(smtp, 'jeanne@example.fr', 'Jeanne')
    expect((await second.post('/10145/compte/habitant', { code: created.codes[0]! }, { from: '/10145/compte' })).status).toBe(400)
    const elsewhere = new TestCitizen(relay, '10290')
    await elsewhere.signIn(smtp, 'jeanne@example.fr', 'Jeanne')
    expect((await elsewhere.post('/10290/compte/habitant', { code: created.codes[1]! }, { from: '/10290/compte' })).status).toBe(400)

    const revoked = await (await relay.api(`/api/v1/resident-code-batches/${created.id}`, { method: 'DELETE', token })).json()
    expect(revoked).toMatchObject({ id: created.id, count: 3, used: 1, revokedAt: expect.any(String) })
    expect((await second.post('/10145/compte/habitant', { code: created.codes[1]! }, { from: '/10145/compte' })).status).toBe(400)
    expect((await relay.api(`/api/v1/resident-code-batches/${created.id}`, { method: 'DELETE', token: other })).status).toBe(404)
    const list = (await (await relay.api('/api/v1/resident-code-batches', { token })).json()) as { batches: { codes?: unknown }[] }
    expect(list.batches).toHaveLength(1)
    expect(list.batches[0]!.codes).toBeUndefined()
  })

  it('gives band quartiles only when at least 5 communes share, never a single figure', async () => {
    const codes = ['10003', '10004', '10005', '10006']
    const tokens = [token]
    for (const code of codes) tokens.push(await pairedCommune(relay, code))
    const share = (t: string, score: number, extra = true) =>
      relay.api('/api/v1/benchmark', {
        method: 'PUT',
        token: t,
        json: { band: '200-499', scores: [{ domainId: 'finances', score }, ...(extra ? [] : [{ domainId: 'rare', score: 90 }])] },
      })
    for (const [i, t] of tokens.slice(0, 4).entries()) await share(t, 10 + i * 10, i !== 0)
    let result = benchmarkSchema.parse(await (await relay.api('/api/v1/benchmark', { token })).json())
    expect(result.domains.find((d) => d.domainId === 'finances')).toEqual({
      domainId: 'finances',
      communes: 4,
      enough: false,
      median: null,
      q1: null,
      q3: null,
    })
    await share(tokens[4]!, 50)
    result = benchmarkSchema.parse(await (await relay.api('/api/v1/benchmark', { token })).json())
    expect(result.domains.find((d) => d.domainId === 'finances')).toEqual({
      domainId: 'finances',
      communes: 5,
      enough: true,
      median: 30,
      q1: 20,
      q3: 40,
    })
    expect(result.domains.find((d) => d.domainId === 'rare')).toMatchObject({ communes: 1, enough: false, median: null })
    expect(JSON.stringify(result)).not.toMatch(/10145|Faux-Villecerf/)
    expect(await (await relay.api('/api/v1/benchmark', { method: 'DELETE', token })).json()).toEqual({ removed: true })
    expect(benchmarkSchema.parse(await (await relay.api('/api/v1/benchmark', { token })).json()).band).toBeNull()
  })

  it('keeps questions fixed once answered and gives the mairie the results at any time', async () => {
    expect((await relay.api('/api/v1/polls/v1', { method: 'PUT', token, json: vote() })).status).toBe(200)
    const citizen = new TestCitizen(relay, '10145')
    await citizen.signIn(smtp, 'vote@example.fr', 'Votant')
    expect((await citizen.post('/10145/sondages/v1', { q_q: 'b' })).status).toBe(200)
    const changed = vote()
    changed.questions[0]!.options!.push({ id: 'c', label: 'Un marché' })
    const refused = await relay.api('/api/v1/polls/v1', { method: 'PUT', token, json: changed })
    expect(refused.status).toBe(409)
    expect(((await refused.json()) as { message: string }).message).toContain('ont déjà répondu')
    expect((await relay.api('/api/v1/polls/v1', { method: 'PUT', token, json: { ...vote(), title: 'Aménagement de la place' } })).status).toBe(200)
    const results = pollResultsSchema.parse(await (await relay.api('/api/v1/polls/v1/results', { token })).json())
    expect(results).toMatchObject({
      participants: 1,
      closed: false,
      questions: [
        {
          id: 'q',
          answered: 1,
          options: [
            { id: 'a', count: 0 },
            { id: 'b', count: 1 },
          ],
        },
      ],
    })
    expect((await relay.api('/api/v1/polls/v1/results', { token: other })).status).toBe(404)
    const feed = pullOutput.parse(await (await relay.api('/api/v1/inputs?limit=1000', { token })).json())
    expect(feed.items.filter((i) => i.type === 'poll_answer')).toEqual([
      expect.objectContaining({
        pollExternalId: 'v1',
        answers: [{ questionId: 'q', optionIds: ['b'], text: null }],
        author: expect.objectContaining({ displayName: 'Votant' }),
      }),
    ])
  })
})
