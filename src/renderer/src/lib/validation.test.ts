import { describe, expect, it } from 'vitest'
import { memberInputSchema } from '@shared/contract'
import { ApiError } from '../api/client'
import { serverFieldErrors, validateWith } from './validation'

describe('validateWith', () => {
  it('returns the first French message of each field', () => {
    const errors = validateWith(memberInputSchema, { firstName: '', lastName: 'L'.repeat(81), role: 'maire', email: 'x@' })
    expect(errors).toEqual({
      firstName: 'Le prénom est obligatoire.',
      lastName: 'Le nom ne doit pas dépasser 80 caractères.',
      email: "L'adresse e-mail n'est pas valide (exemple : prenom.nom@mairie.fr).",
    })
  })

  it('returns nothing for valid values', () => {
    expect(validateWith(memberInputSchema, { firstName: 'Marie', lastName: 'Lambert', role: 'maire' })).toEqual({})
  })
})

describe('serverFieldErrors', () => {
  it('maps the issues of a failed call to form fields, under a prefix', () => {
    const error = new ApiError({
      code: 'INVALID_INPUT',
      message: 'Le nom est obligatoire.',
      issues: [
        { path: 'members.1.lastName', message: 'Le nom est obligatoire.' },
        { path: 'mandate.endYear', message: 'Année invalide.' },
      ],
    })
    expect(serverFieldErrors(error, 'members.1.')).toEqual({ lastName: 'Le nom est obligatoire.' })
    expect(serverFieldErrors(error)).toEqual({ 'members.1.lastName': 'Le nom est obligatoire.', 'mandate.endYear': 'Année invalide.' })
  })

  it('ignores errors that did not come from a call', () => {
    expect(serverFieldErrors(new Error('boom'))).toEqual({})
  })
})
