/** The relay client's refusals, as a secrétaire reads them: French words, never a bare HTTP status or a relay code. */
import { describe, expect, it } from 'vitest'
import { RelayCallError, RelayClient } from './client'

function clientAnswering(status: number, body: string) {
  const logged: string[] = []
  const client = new RelayClient({
    baseUrl: 'https://relais.example.fr',
    fetch: () => Promise.resolve(new Response(body, { status, headers: { 'Content-Type': 'application/json' } })),
    log: (message) => logged.push(message),
  })
  const refusal = async () => {
    const error: unknown = await client.health().then(
      () => null,
      (caught: unknown) => caught,
    )
    if (!(error instanceof RelayCallError)) throw new Error('the relay’s refusal should be a RelayCallError')
    return error
  }
  return { refusal, logged }
}

describe('a refusal from the relay', () => {
  it('says the relay’s own French message after « Le relais a refusé : »', async () => {
    const { refusal } = clientAnswering(422, JSON.stringify({ code: 'contenu_refuse', message: 'Le résumé contient une adresse de site interdite.' }))
    const error = await refusal()
    expect(error.message).toBe('Le relais a refusé : Le résumé contient une adresse de site interdite.')
    expect(error).toMatchObject({ kind: 'refused', status: 422, relayCode: 'contenu_refuse', retryable: false })
  })

  it('uses our own words for the refusals a user meets, not the relay’s code', async () => {
    const { refusal } = clientAnswering(409, JSON.stringify({ code: 'code_utilise', message: 'code used' }))
    expect((await refusal()).message).toBe('Ce code d’appairage a déjà servi. Demandez un nouveau code à l’administrateur du relais.')
  })

  it('without an explanation, says so in French and leaves the HTTP status to the log', async () => {
    const { refusal, logged } = clientAnswering(418, '<html>Teapot</html>')
    const error = await refusal()
    expect(error.message).toBe('Le relais a refusé : il n’a pas donné de raison.')
    expect(error.message).not.toMatch(/\d/)
    expect(error.status).toBe(418)
    expect(logged).toContain('Refus du relais sans explication (statut HTTP 418)')
  })
})
