import { gzipSync } from 'node:zlib'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { pullOutput, type PollInput } from '../../shared/relay/api'
import { vote } from '../testing/fixtures'
import { TestCitizen } from '../testing/citizen'
import { DRIVERS, pairedCommune, startRelayProcess, type RelayProcess } from '../testing/relay-process'
import { startSmtp, type TestSmtp } from '../testing/smtp'

async function photoWithGps(width: number, height: number, orientation = 1): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 120, b: 40 } } })
    .jpeg()
    .withMetadata({ orientation })
    .withExif({ IFD0: { Make: 'Téléphone', Model: 'Secret' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 17/1 0/1' } })
    .toBuffer()
}
const file = (bytes: Buffer | string, name: string, type = 'image/jpeg') =>
  new File([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], name, { type })

describe.each(DRIVERS)('citizen portal on %s', (driver) => {
  let relay: RelayProcess
  let smtp: TestSmtp
  let token: string
  beforeAll(async () => {
    smtp = await startSmtp()
    relay = await startRelayProcess(driver, inject('relayDatabases'), { env: { RELAY_SMTP_URL: smtp.url } })
    token = await pairedCommune(relay, '10145')
    await pairedCommune(relay, '10290')
  })
  afterAll(async () => {
    await relay?.stop()
    await smtp?.stop()
  })

  it('signs in by a mailed link that works once, after a confirmation (mail scanners only GET)', async () => {
    const known = new TestCitizen(relay, '10145')
    await known.signIn(smtp, 'anne@example.fr', 'Anne')
    const visitor = new TestCitizen(relay, '10145')
    const forKnown = await visitor.post('/10145/connexion', { email: 'anne@example.fr' })
    const forUnknown = await visitor.post('/10145/connexion', { email: 'inconnu@example.fr' })
    expect(forKnown.status).toBe(200)
    expect(forKnown.html.replace('anne@example.fr', 'X')).toBe(forUnknown.html.replace('inconnu@example.fr', 'X'))
    const mail = await smtp.waitFor('inconnu@example.fr')
    expect(mail.subject).toBe('Votre lien de connexion au portail de Faux-Villecerf')
    const path = /https?:\/\/[^/]+(\/10145\/connexion\/lien\?jeton=[A-Za-z0-9_-]{43})/.exec(mail.text)![1]!
    // Prefetching the link twice consumes nothing.
    await visitor.get(path)
    const page = await visitor.get(path)
    const jeton = /name="jeton" value="([^"]+)"/.exec(page.html)![1]!
    const confirmed = await visitor.post('/10145/connexion/lien', { jeton }, { from: path })
    expect(confirmed.status).toBe(303)
    expect(confirmed.location).toBe('/10145/compte?message=bienvenue')
    const replay = await new TestCitizen(relay, '10145').post('/10145/connexion/lien', { jeton }, { from: path })
    expect(replay.status).toBe(400)
    expect(replay.html).toContain('Ce lien n’est plus valable')
    // The session is the commune's only.
    expect((await visitor.get('/10145/compte')).status).toBe(200)
    expect((await visitor.get('/10290/compte')).status).toBe(303)
  })

  it('limits magic links per address and refuses forms without their token or from another site', async () => {
    const visitor = new TestCitizen(relay, '10145')
    const statuses: number[] = []
    for (let i = 0; i < 6; i++) statuses.push((await visitor.post('/10145/connexion', { email: 'souvent@example.fr' })).status)
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429])
    const noToken = await visitor.post('/10145/connexion', { email: 'a@example.fr', _csrf: 'faux' })
    expect(noToken.status).toBe(403)
    expect(noToken.html).toContain('Ce formulaire a expiré ou ne vient pas de ce portail')
    const foreign = await visitor.post('/10145/connexion', { email: 'a@example.fr' }, { origin: 'https://pirate.example' })
    expect(foreign.status).toBe(403)
    const badAddress = await visitor.post('/10145/connexion', { email: '<script>@x' })
    expect(badAddress.status).toBe(400)
    expect(badAddress.html).toContain('&lt;script&gt;@x')
  })

  it('stores a proposal with photos re-encoded, upright, resized and without EXIF or GPS', async () => {
    const citizen = new TestCitizen(relay, '10145')
    await citizen.signIn(smtp, 'photo@example.fr', 'Photographe')
    const sent = await citizen.post(
      '/10145/contribuer',
      {
        kind: 'proposition',
        topic: 'environnement',
        title: 'Des bancs au <b>lavoir</b>',
        body: 'Pour se reposer en promenade.',
        address: 'Lavoir',
        latitude: '48.2',
        longitude: '3.9',
        photos: [file(await photoWithGps(300, 200, 6), '../../../etc/passwd.jpg'), file(await photoWithGps(3000, 1000), 'grande.jpg')],
      },
      { from: '/10145/contribuer' },
    )
    expect(sent.status).toBe(303)
    const feed = pullOutput.parse(await (await relay.api('/api/v1/inputs?limit=1000', { token })).json())
    const item = feed.items.find((i) => i.type === 'contribution' && i.title === 'Des bancs au <b>lavoir</b>')
    if (item?.type !== 'contribution') throw new Error('contribution absente')
    expect(item).toMatchObject({ latitude: 48.2, longitude: 3.9, address: 'Lavoir', topic: 'environnement' })
    expect(item.photos.map((p) => [p.width, p.height])).toEqual([
      [200, 300],
      [2048, 683],
    ])
    for (const photo of item.photos) {
      const bytes = Buffer.from(await (await relay.api(`/api/v1/photos/${photo.id}`, { token })).arrayBuffer())
      const meta = await sharp(bytes).metadata()
      expect(meta.format).toBe('jpeg')
      expect(meta.exif).toBeUndefined()
      expect(bytes.includes(Buffer.from('Secret'))).toBe(false)
      expect(bytes.length).toBe(photo.bytes)
    }
    // Not published yet: the public cannot fetch the photo, its author can.
    expect((await fetch(`${relay.url}/10145/photos/${item.photos[0]!.id}`)).status).toBe(404)
    expect((await citizen.get(`/10145/photos/${item.photos[0]!.id}/miniature`)).status).toBe(200)
    expect((await citizen.get(`/10290/photos/${item.photos[0]!.id}`)).status).toBe(404)
  })

  it('refuses hostile uploads and text with a French message, keeps what was typed, and stores nothing half-way', async () => {
    const citizen = new TestCitizen(relay, '10145')
    await citizen.signIn(smtp, 'hostile@example.fr', 'Hostile')
    const base = { kind: 'besoin', topic: 'voirie', title: 'Trou rue Haute', body: 'Profond.' }
    const bomb = await sharp({ create: { width: 8000, height: 6000, channels: 3, background: '#fff' } })
      .png({ compressionLevel: 9 })
      .toBuffer()
    const jpegThenHtml = Buffer.concat([
      Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]),
      Buffer.from('<html><script>alert(1)</script></html>'),
    ])
    const cases: [Record<string, string | Blob[]>, number, string][] = [
      [{ ...base, photos: [file('juste du texte', 'photo.jpg')] }, 415, 'n’est pas une image'],
      [{ ...base, photos: [file(await photoWithGps(50, 50), 'ok.jpg'), file(jpegThenHtml, 'piege.jpg')] }, 415, 'La photo n° 2 est illisible'],
      [{ ...base, photos: [file(bomb, 'bombe.png', 'image/png')] }, 413, 'trop de pixels'],
      [{ ...base, title: 'Trou\u202Egpj.exe' }, 400, 'caractères non autorisés'],
      [{ ...base, body: 'nul\u0000octet' }, 400, 'caractères non autorisés'],
      [{ ...base, title: 'x'.repeat(151) }, 400, 'ne doit pas dépasser 150 caractères'],
      [{ ...base, topic: '../../etc' }, 400, 'Choisissez un sujet'],
      [{ ...base, latitude: '1e400', longitude: '2' }, 400, 'position reçue est invalide'],
    ]
    for (const [fields, status, message] of cases) {
      const response = await citizen.post('/10145/contribuer', fields, { from: '/10145/contribuer' })
      expect({ status: response.status, message: response.html.includes(message) }).toEqual({ status, message: true })
      // What was typed comes back in the form.
      expect(response.html).toContain(String(fields.title).startsWith('Trou') ? 'value="Trou' : 'Profond.</textarea>')
    }
    const huge = await citizen.post(
      '/10145/contribuer',
      { ...base, photos: [file(Buffer.alloc(41 * 1024 * 1024, 1), 'lourde.jpg')] },
      { from: '/10145/contribuer' },
    )
    expect(huge.status).toBe(413)
    expect(huge.html).toContain('dépasse 40 Mo')
    expect((await citizen.get('/10145/mes-contributions')).html).toContain('Vous n’avez encore rien envoyé')
    const name = await citizen.post('/10145/compte', { displayName: '<img src=x onerror=alert(1)>', digest: 'aucun' })
    expect(name.status).toBe(303)
    const account = await citizen.get('/10145/compte')
    expect(account.html).toContain('value="&lt;img src=x onerror=alert(1)&gt;"')
  })

  it('lets a verified citizen answer once, change until closing, check a receipt, and counts only the last answer', async () => {
    await relay.api('/api/v1/polls/place', { method: 'PUT', token, json: vote() })
    const habitant: PollInput = { ...vote(), title: 'Vote des habitants', verification: 'habitant', results: 'en_direct' }
    await relay.api('/api/v1/polls/habitants', { method: 'PUT', token, json: habitant })
    await relay.api('/api/v1/polls/clos', { method: 'PUT', token, json: { ...vote('2026-02-01T00:00:00Z'), title: 'Vote clos' } })
    const citizen = new TestCitizen(relay, '10145')
    await citizen.signIn(smtp, 'votant@example.fr', 'Votant')

    const first = await citizen.post('/10145/sondages/place', { q_q: 'a' })
    const receipt1 = /class="receipt">([A-Z0-9-]+)</.exec(first.html)![1]!
    const second = await citizen.post('/10145/sondages/place', { q_q: 'b' })
    const receipt2 = /class="receipt">([A-Z0-9-]+)</.exec(second.html)![1]!
    expect(receipt2).not.toBe(receipt1)
    const results = (await (await relay.api('/api/v1/polls/place/results', { token })).json()) as {
      participants: number
      questions: { options: { count: number }[] }[]
    }
    expect(results.participants).toBe(1)
    expect(results.questions[0]!.options.map((o) => o.count)).toEqual([0, 1])
    // Results wait for the closing; the receipt is checkable by anyone, without the choice.
    expect((await citizen.get('/10145/sondages/place')).html).toContain('Les résultats seront publiés à la clôture')
    const check = await (await fetch(`${relay.url}/10145/recu?code=${receipt2.toLowerCase()}`)).text()
    expect(check).toContain('Ce reçu correspond à un vote compté pour « Quel aménagement pour la place ? »')
    expect(check).not.toContain('Des places de stationnement')
    expect(await (await fetch(`${relay.url}/10145/recu?code=${receipt1}`)).text()).toContain('Aucun vote compté ne correspond')
    expect(await (await fetch(`${relay.url}/10290/recu?code=${receipt2}`)).text()).toContain('Aucun vote compté ne correspond')

    const unknownChoice = await citizen.post('/10145/sondages/place', { q_q: 'z' })
    expect(unknownChoice.status).toBe(400)
    expect(unknownChoice.html).toContain('ce choix n’existe pas')
    const closed = await citizen.post('/10145/sondages/clos', { q_q: 'a' }, { from: '/10145/sondages/place' })
    expect(closed.status).toBe(409)
    expect(closed.html).toContain('Ce sondage est clos')
    const notResident = await citizen.post('/10145/sondages/habitants', { q_q: 'a' }, { from: '/10145/sondages/place' })
    expect(notResident.status).toBe(403)
    expect(notResident.html).toContain('réservé aux habitants vérifiés')
    const batch = (await (await relay.api('/api/v1/resident-code-batches', { method: 'POST', token, json: { label: 'Lot', count: 1 } })).json()) as {
      codes: string[]
    }
    expect(
      (
        await citizen.post(
          '/10145/compte/habitant',
          { code: 'MAUV-AISC-ODE2', retour: '/10145/sondages/habitants' },
          { from: '/10145/sondages/habitants' },
        )
      ).html,
    ).toContain('Ce code n’est pas valable')
    const verified = await citizen.post(
      '/10145/compte/habitant',
      { code: batch.codes[0]!, retour: '/10145/sondages/habitants' },
      { from: '/10145/sondages/habitants' },
    )
    expect(verified.location).toBe('/10145/sondages/habitants')
    expect((await citizen.post('/10145/sondages/habitants', { q_q: 'a' })).status).toBe(200)
    expect((await citizen.get('/10145/sondages/habitants')).html).toMatch(/Un jardin<\/th><td>1<\/td>/)
  })

  it('hides a published contribution after 3 reports, one per person, until the mairie decides', async () => {
    const author = new TestCitizen(relay, '10145')
    await author.signIn(smtp, 'auteur@example.fr', 'Auteur')
    await author.post(
      '/10145/contribuer',
      { kind: 'proposition', topic: 'autre', title: 'Idée discutée', body: 'Texte.' },
      { from: '/10145/contribuer' },
    )
    const feed = pullOutput.parse(await (await relay.api('/api/v1/inputs?limit=1000', { token })).json())
    const item = feed.items.find((i) => i.type === 'contribution' && i.title === 'Idée discutée')!
    await relay.api(`/api/v1/inputs/${item.id}`, { method: 'PATCH', token, json: { moderation: 'publiee' } })
    const reporters = [new TestCitizen(relay, '10145'), new TestCitizen(relay, '10145'), new TestCitizen(relay, '10145')]
    for (const [i, r] of reporters.entries()) await r.signIn(smtp, `signale${i}@example.fr`, `S${i}`)
    const path = `/10145/contributions/${item.id}/signaler`
    expect((await reporters[0]!.post(path, { reason: 'spam' }, { from: `/10145/contributions/${item.id}` })).location).toContain('message=signalee')
    expect((await reporters[0]!.post(path, { reason: 'spam' }, { from: `/10145/contributions/${item.id}` })).location).toContain('message=deja')
    await reporters[1]!.post(path, { reason: 'offensant' }, { from: `/10145/contributions/${item.id}` })
    expect((await fetch(`${relay.url}/10145/contributions/${item.id}`)).status).toBe(200)
    await reporters[2]!.post(path, { reason: 'hors_sujet' }, { from: `/10145/contributions/${item.id}` })
    expect((await fetch(`${relay.url}/10145/contributions/${item.id}`)).status).toBe(404)
    const mine = await author.get('/10145/mes-contributions')
    expect(mine.html).toContain('Masquée')
    const pulled = pullOutput
      .parse(await (await relay.api('/api/v1/inputs?limit=1000', { token })).json())
      .items.find((i) => i.id === item.id && i.type === 'contribution')
    expect(pulled).toMatchObject({ moderation: 'masquee', reports: { spam: 1, offensant: 1, hors_sujet: 1 } })
    await relay.api(`/api/v1/inputs/${item.id}`, { method: 'PATCH', token, json: { moderation: 'publiee' } })
    expect((await fetch(`${relay.url}/10145/contributions/${item.id}`)).status).toBe(200)
  })

  it('mails an alert at once to subscribers who accept alerts and shows it on top until it ends', async () => {
    const yes = new TestCitizen(relay, '10145')
    await yes.signIn(smtp, 'alertes@example.fr', 'Oui')
    const no = new TestCitizen(relay, '10145')
    await no.signIn(smtp, 'pas-alertes@example.fr', 'Non')
    await no.post('/10145/compte', { displayName: 'Non', digest: 'aucun' })
    const until = new Date(Date.now() + 86_400_000).toISOString()
    const put = await relay.api('/api/v1/news/coupure', {
      method: 'PUT',
      token,
      json: { title: 'Coupure d’eau', body: 'Mardi de 8 h à 12 h.', topic: 'services', publishedOn: '2026-12-01', isAlert: true, alertUntil: until },
    })
    expect(put.status).toBe(200)
    const mail = await smtp.waitFor('alertes@example.fr', (m) => m.subject.startsWith('Alerte'))
    expect(mail.subject).toBe('Alerte — Faux-Villecerf : Coupure d’eau')
    // Edited later: not mailed twice.
    await relay.api('/api/v1/news/coupure', {
      method: 'PUT',
      token,
      json: { title: 'Coupure d’eau', body: 'Mardi de 8 h à 13 h.', topic: 'services', publishedOn: '2026-12-01', isAlert: true, alertUntil: until },
    })
    await new Promise((r) => setTimeout(r, 1500))
    const alerted = smtp.mails.filter((m) => m.subject.startsWith('Alerte')).map((m) => m.to)
    expect(alerted.filter((to) => to === 'alertes@example.fr')).toHaveLength(1)
    expect(alerted).not.toContain('pas-alertes@example.fr')
    expect(new Set(alerted).size).toBe(alerted.length)
    const page = await (await fetch(`${relay.url}/10145`)).text()
    expect(page.indexOf('Alerte : Coupure d’eau')).toBeLessThan(page.indexOf('<h1>'))
    expect(page).toContain('Mardi de 8 h à 13 h.')
  })

  it('exports a citizen’s data and deletes the account, keeping or removing the contributions', async () => {
    const keeper = new TestCitizen(relay, '10145')
    await keeper.signIn(smtp, 'garde@example.fr', 'Garde')
    await keeper.post(
      '/10145/contribuer',
      { kind: 'proposition', topic: 'autre', title: 'À garder', body: 'Texte gardé.' },
      { from: '/10145/contribuer' },
    )
    const exported = JSON.parse((await keeper.get('/10145/compte/export.json')).html) as {
      account: { email: string }
      contributions: { title: string }[]
    }
    expect(exported.account.email).toBe('garde@example.fr')
    expect(exported.contributions.map((c) => c.title)).toEqual(['À garder'])
    const deleted = await keeper.post('/10145/compte/supprimer', { contributions: 'garder' }, { from: '/10145/compte/supprimer' })
    expect(deleted.html).toContain('Votre compte est supprimé')
    expect((await keeper.get('/10145/compte')).status).toBe(303)

    const remover = new TestCitizen(relay, '10145')
    await remover.signIn(smtp, 'efface@example.fr', 'Efface')
    await remover.post(
      '/10145/contribuer',
      { kind: 'proposition', topic: 'autre', title: 'À effacer', body: 'Texte effacé.', photos: [file(await photoWithGps(40, 40), 'a.jpg')] },
      { from: '/10145/contribuer' },
    )
    await remover.post('/10145/compte/supprimer', { contributions: 'supprimer' }, { from: '/10145/compte/supprimer' })

    const feed = pullOutput.parse(await (await relay.api('/api/v1/inputs?limit=1000', { token })).json()).items
    const kept = feed.find((i) => i.type === 'contribution' && i.title === 'À garder')
    expect(kept).toMatchObject({ author: null, body: 'Texte gardé.' })
    expect(JSON.stringify(feed)).not.toContain('À effacer')
    expect(feed.filter((i) => i.type === 'contribution_removed')).toHaveLength(1)
    // The address can sign up again, as a new account.
    await new TestCitizen(relay, '10145').signIn(smtp, 'garde@example.fr', 'Garde bis')
  })

  it('serves every page light (< 50 KB compressed), with a strict CSP and no third-party request', async () => {
    const citizen = new TestCitizen(relay, '10145')
    await citizen.signIn(smtp, 'poids@example.fr', 'Poids')
    for (const path of [
      '/',
      '/10145',
      '/10145/connexion',
      '/10145/contribuer',
      '/10145/mes-contributions',
      '/10145/compte',
      '/10145/confidentialite',
      '/10145/recu',
      '/10145/sondages/place',
      '/10145/projets/nope',
    ]) {
      const { html, response } = await citizen.get(path)
      expect(gzipSync(html).length).toBeLessThan(50 * 1024)
      const csp = response.headers.get('content-security-policy')!
      expect(csp).toContain("script-src 'self'")
      expect(csp).not.toContain('unsafe-inline')
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
      expect(html).not.toMatch(/(src|href)="https?:\/\//)
      expect(html).not.toMatch(/<script>|\son[a-z]+="/)
    }
    const css = (await citizen.get('/10145')).html.match(/href="(\/assets\/portal-[a-f0-9]+\.css)"/)![1]!
    expect((await citizen.get(css)).response.headers.get('cache-control')).toContain('immutable')
  })
})
