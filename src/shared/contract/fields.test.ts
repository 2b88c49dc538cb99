import { describe, expect, it } from 'vitest'
import { adjointRankLabel, MEMBER_ROLES, ROLE_LABELS } from '../roles'
import { memberInputSchema } from './members'
import { emailField, inseeCodeField, isoDateField, passwordField, phoneField, yearField } from './fields'

/** The first message zod gives, or null when the value is accepted. */
function problem(schema: { safeParse(value: unknown): { success: boolean; error?: { issues: { message: string }[] } } }, value: unknown) {
  const result = schema.safeParse(value)
  return result.success ? null : result.error!.issues[0]!.message
}

describe('fields as people type them', () => {
  it.each(['03 25 12 34 56', '03.25.12.34.56', '0325123456', '+33 3 25 12 34 56', '(03) 25-12-34-56', ''])('accepts the phone number %j', (value) => {
    expect(problem(phoneField, value)).toBeNull()
  })

  it.each(['abc', '12', '03 25 12 34 56 poste 4', '+33 3 25 12 34 56 78 90 12 34 56 78'])('refuses the phone number %j in French', (value) => {
    expect(problem(phoneField, value)).toMatch(/^Le numéro de téléphone (n'est pas valide|ne doit pas dépasser)/)
  })

  it('accepts an e-mail address or nothing, trimmed', () => {
    expect(emailField.parse('  maire@faux-villecerf.fr ')).toBe('maire@faux-villecerf.fr')
    expect(emailField.parse(undefined)).toBe('')
    expect(problem(emailField, 'maire@')).toBe("L'adresse e-mail n'est pas valide (exemple : prenom.nom@mairie.fr).")
  })

  it.each([
    ['10145', true],
    ['2A004', true],
    ['2B033', true],
    ['1014', false],
    ['10145 ', false],
    ['AB123', false],
  ])('INSEE code %j valid: %s', (value, valid) => {
    expect(problem(inseeCodeField, value) === null).toBe(valid)
  })

  it.each(['2026-02-30', '2026-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2027-02-31'])(
    'refuses the impossible date %s in French, whatever method carries it',
    (value) => {
      expect(problem(isoDateField, value)).toBe("Cette date n'existe pas : vérifiez le jour et le mois.")
    },
  )

  it.each(['2026-02-28', '2028-02-29', '2026-12-31', '2026-01-01'])('accepts the real date %s', (value) => {
    expect(problem(isoDateField, value)).toBeNull()
  })

  it('says how to write a date when it is not YYYY-MM-DD', () => {
    expect(problem(isoDateField, '31/02/2027')).toBe('La date doit être au format AAAA-MM-JJ.')
    expect(problem(isoDateField, '2026-2-3')).toBe('La date doit être au format AAAA-MM-JJ.')
    expect(problem(isoDateField, 20260203)).toBe('La date doit être un texte au format AAAA-MM-JJ.')
  })

  it('years and passwords have French limits', () => {
    expect(problem(yearField, 1989)).toBe("L'année doit être postérieure à 1990.")
    expect(problem(yearField, 2026.5)).toBe("L'année doit être un nombre entier.")
    expect(problem(passwordField, '12345')).toBe('Le mot de passe doit contenir au moins 6 caractères.')
  })

  it('a member needs a first and last name, trimmed, with French messages', () => {
    const parsed = memberInputSchema.parse({ firstName: ' Claire ', lastName: ' Martin ', role: 'maire' })
    expect(parsed).toMatchObject({ firstName: 'Claire', lastName: 'Martin', rank: null, delegation: '', email: '', phone: '' })
    expect(problem(memberInputSchema, { firstName: '  ', lastName: 'Martin', role: 'maire' })).toBe('Le prénom est obligatoire.')
    expect(problem(memberInputSchema, { firstName: 'C', lastName: 'M'.repeat(81), role: 'maire' })).toBe('Le nom ne doit pas dépasser 80 caractères.')
  })
})

describe('roles', () => {
  it('every role has a French label', () => {
    for (const role of MEMBER_ROLES) expect(ROLE_LABELS[role]).toMatch(/^[A-ZÉ][a-zéèàç' ]+/)
  })

  it('adjoints are numbered as in municipal documents', () => {
    expect([1, 2, 3, 10].map((rank) => adjointRankLabel(rank))).toEqual(['1er adjoint', '2e adjoint', '3e adjoint', '10e adjoint'])
  })
})
