import { describe, expect, it } from 'vitest'
import { formatAuditValue } from './audit-labels'

describe('formatAuditValue', () => {
  it('shows codes with their French label, amounts in euros, booleans in words', () => {
    expect(formatAuditValue('task', 'status', 'faite')).toBe('Faite')
    expect(formatAuditValue('project', 'status', 'en_cours')).toBe('En cours')
    expect(formatAuditValue('project', 'budgetPlannedCents', 1234550)).toBe('12\u202f345,50\u00a0€')
    expect(formatAuditValue('profile', 'isAdmin', true)).toBe('Oui')
    expect(formatAuditValue('task', 'title', null)).toBe('—')
  })

  it('sums up a whole record with its main fields in words', () => {
    expect(
      formatAuditValue('task', null, { id: 3, projectId: 1, title: 'Relancer le SDE', description: '', status: 'a_faire', dueOn: '2026-12-05' }),
    ).toBe('Titre : Relancer le SDE · Statut : À faire · Échéance : 2026-12-05')
  })
})
