/**
 * Resident codes against a real relay process on 127.0.0.1 (PGlite) with a real SMTP server: a batch made on the
 * relay is kept here in clear, a code from it verifies a citizen on the portal, revoking stops the unused ones, the
 * used counts come from the relay; with the relay down, a clear French refusal and nothing stored. Run by the relay
 * suite.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { TestCitizen } from '../../../relay/testing/citizen'
import { auditRows, failure, ok, type TestCore } from '../testing'
import { readPdf, plainText } from '../testing/pdf'
import { relayForDesktopTests } from '../testing/relay-desktop'

const fixture = relayForDesktopTests('residents')

// A 32 × 32 PNG, as a mairie would choose its coat of arms in Paramètres.
const COAT_OF_ARMS =
  'iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAIAAAD8GO2jAAAANUlEQVR42mP4T2PAQCcLGBgmUh2NWjBqwagFoxaMPAseMvBTHY1aMGrBqAWjFow8C4Zw6xoAT44bBOOhluAAAAAASUVORK5CYII='

/** `down` cuts the network between this desktop and the fixture.relay. */
function network() {
  const state = { down: false }
  const relayFetch: typeof fetch = async (url, init) => {
    if (state.down) throw new TypeError('fetch failed')
    return fetch(url, init)
  }
  return { state, relayFetch }
}

/** The images stored in a PDF file (pdfkit writes their dictionaries in clear), however often each is drawn. */
function imageObjects(bytes: Buffer): number {
  return bytes.toString('latin1').split('/Subtype /Image').length - 1
}

const connected = (relayFetch?: typeof fetch) => fixture.connected({ relayFetch })

function storedCodes(test: TestCore, batchId: number): string[] {
  return (
    test.core.database.sqlite.prepare('SELECT code FROM resident_codes WHERE batch_id = ? ORDER BY position').all(batchId) as { code: string }[]
  ).map((row) => row.code)
}

describe('resident codes on a real relay', () => {
  it('makes a batch kept here in clear, a code verifies a citizen, the used count comes back, revoking stops the others', async () => {
    const test = await connected()
    const { core, session } = test
    const batch = await ok(core, session, 'residentCodes.create', { label: 'Foyers 2026', count: 3 })
    expect(batch).toMatchObject({ label: 'Foyers 2026', count: 3, used: 0, revokedAt: null, createdBy: expect.any(String) })
    // The screen never receives the codes; the mairie's copy is in SQLite.
    expect(JSON.stringify(batch)).not.toMatch(/[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}/)
    const codes = storedCodes(test, batch.id)
    expect(codes).toHaveLength(3)
    for (const code of codes) expect(code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{4}(-[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{4}){2}$/)
    expect(auditRows(core.database.sqlite, { entity: 'residentCodeBatch' }).map((row) => row.action)).toContain('create')

    const citizen = new TestCitizen(fixture.relay, '10145')
    await citizen.signIn(fixture.smtp, 'habitant@example.fr', 'Habitant')
    const verified = await citizen.post('/10145/compte/habitant', { code: codes[0]!.toLowerCase() }, { from: '/10145/compte' })
    expect(verified.status).toBe(303)
    expect((await citizen.get('/10145/compte')).html).toContain('Habitant·e vérifié·e')

    const list = await ok(core, session, 'residentCodes.list', {})
    expect(list).toMatchObject({ connected: true, problem: null, batches: [{ id: batch.id, count: 3, used: 1 }] })

    const revoked = await ok(core, session, 'residentCodes.revoke', { id: batch.id })
    expect(revoked).toMatchObject({ used: 1, revokedAt: expect.any(String) })
    expect(auditRows(core.database.sqlite, { entity: 'residentCodeBatch', entityId: batch.id }).at(-1)).toMatchObject({ field: 'revokedAt' })
    // Still kept here (the mairie's data), but no longer working on the portal.
    expect(storedCodes(test, batch.id)).toEqual(codes)
    const other = new TestCitizen(fixture.relay, '10145')
    await other.signIn(fixture.smtp, 'voisin@example.fr', 'Voisin')
    const refused = await other.post('/10145/compte/habitant', { code: codes[1]! }, { from: '/10145/compte' })
    expect(refused.status).toBe(400)
    expect(refused.html).toContain('Ce code n’est pas valable')
    // The first citizen stays verified.
    expect((await citizen.get('/10145/compte')).html).toContain('Habitant·e vérifié·e')
    // Revoking twice changes nothing; a revoked batch has no letters to print.
    expect(await ok(core, session, 'residentCodes.revoke', { id: batch.id })).toMatchObject({ revokedAt: revoked.revokedAt })
    expect((await failure(core, session, 'residentCodes.letters', { id: batch.id })).message).toContain('révoqué')
  })

  it('prints the letters of a batch: every code once, the commune and the portal address', async () => {
    const test = await connected()
    const batch = await ok(test.core, test.session, 'residentCodes.create', { label: 'Rue des Écoles', count: 7 })
    const file = await ok(test.core, test.session, 'residentCodes.letters', { id: batch.id })
    const bytes = Buffer.from(file.contentBase64, 'base64')
    // To look at the pages (pdftoppm): CAP_COMMUNE_KEEP_REPORTS=<folder>
    if (process.env.CAP_COMMUNE_KEEP_REPORTS) writeFileSync(join(process.env.CAP_COMMUNE_KEEP_REPORTS, file.fileName), bytes)
    const pdf = await readPdf(bytes)
    const text = plainText(pdf)
    expect(file.pageCount).toBe(3)
    expect(pdf.pageCount).toBe(3)
    for (const code of storedCodes(test, batch.id)) expect(text.split(code).length - 1).toBe(1)
    const status = await ok(test.core, test.session, 'portal.status', {})
    expect(text).toContain(status.portalUrl!.replace(/^https?:\/\//, ''))
    expect(text).toContain('Rue des Écoles')
  })

  it('prints the commune’s logo at the head of every letter when it has one, and the same letters without it', async () => {
    const test = await connected()
    const batch = await ok(test.core, test.session, 'residentCodes.create', { label: 'Hameaux', count: 4 })
    const single = await ok(test.core, test.session, 'residentCodes.create', { label: 'Moulin', count: 1 })
    const letters = async (id: number) => {
      const file = await ok(test.core, test.session, 'residentCodes.letters', { id })
      const bytes = Buffer.from(file.contentBase64, 'base64')
      if (process.env.CAP_COMMUNE_KEEP_REPORTS) writeFileSync(join(process.env.CAP_COMMUNE_KEEP_REPORTS, `logo-${file.fileName}`), bytes)
      return { bytes, pdf: await readPdf(bytes) }
    }
    const plain = await letters(batch.id)
    expect(plain.pdf.images).toEqual([0, 0])

    await ok(test.core, test.session, 'logo.set', { fileName: 'blason.png', contentBase64: COAT_OF_ARMS })
    const withLogo = await letters(batch.id)
    // Three letters on the first sheet, one on the second: one logo each.
    expect(withLogo.pdf.images).toEqual([3, 1])
    // The logo sits beside the commune's name and takes nothing away: same pages, same words.
    expect(withLogo.pdf.pageCount).toBe(2)
    expect(plainText(withLogo.pdf)).toBe(plainText(plain.pdf))
    // Stored once in the file however many letters draw it (a batch of 350 stays the size of a few pages).
    expect(imageObjects(withLogo.bytes)).toBeGreaterThan(0)
    expect(imageObjects(withLogo.bytes)).toBe(imageObjects((await letters(single.id)).bytes))
  })

  it('with the relay down: a clear French refusal, nothing stored, the list still shows the batches', async () => {
    const { state, relayFetch } = network()
    const test = await connected(relayFetch)
    const kept = await ok(test.core, test.session, 'residentCodes.create', { label: 'Centre-bourg', count: 2 })
    state.down = true
    const refused = await failure(test.core, test.session, 'residentCodes.create', { label: 'Hameaux', count: 40 })
    expect(refused.message).toMatch(/^Le relais ne répond pas/)
    const count = test.core.database.sqlite.prepare('SELECT count(*) AS n FROM resident_codes').get() as { n: number }
    expect(count.n).toBe(2)
    const list = await ok(test.core, test.session, 'residentCodes.list', {})
    expect(list.batches.map((b) => b.label)).toEqual(['Centre-bourg'])
    expect(list.batches[0]).toMatchObject({ id: kept.id, used: null })
    expect(list.problem).toContain('Le relais ne répond pas')
    expect((await failure(test.core, test.session, 'residentCodes.revoke', { id: kept.id })).message).toMatch(/^Le relais ne répond pas/)
    expect(test.core.database.sqlite.prepare('SELECT revoked_at AS r FROM resident_code_batches').get()).toEqual({ r: null })
    // The letters are printed from the copy kept here: no relay needed.
    expect((await ok(test.core, test.session, 'residentCodes.letters', { id: kept.id })).pageCount).toBe(1)
  })
})
