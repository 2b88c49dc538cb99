import { describe, expect, it } from 'vitest'
import { describeAuditEntry, referencesOf, type AuditRecord, type NameLookup } from './audit-labels'

const NAMES: Record<string, string> = {
  'member:4': 'Paul Girard',
  'criterion:budget-vote-delai': 'Le budget primitif est-il voté avant le 15 avril ?',
  'theme:ecole': 'École et restauration scolaire',
  'domain:services': 'Services à la population',
  'project:2': 'Jardin partagé',
}
const names: NameLookup = (kind, id) => NAMES[`${kind}:${id}`] ?? null
const describe_ = (entry: AuditRecord, objectLabel: string | null = null, civility?: 'madame' | 'monsieur' | null) =>
  describeAuditEntry(entry, names, { objectLabel, civility })
const update = (entity: string, field: string, before: unknown, after: unknown): AuditRecord => ({ entity, action: 'update', field, before, after })

// French typography: a narrow no-break space groups thousands and a no-break space precedes €.
const NNBSP = '\u202f'
const NBSP = '\u00a0'

describe('the journal in words', () => {
  it('shows codes with their French label, names instead of ids, dates the French way, sums in euros', () => {
    expect(describe_(update('task', 'status', 'a_faire', 'faite'))).toEqual({
      action: 'Modification',
      entity: 'Tâche',
      field: 'Statut',
      before: 'À faire',
      after: 'Faite',
    })
    expect(describe_(update('task', 'assigneeMemberId', null, 4))).toMatchObject({ field: 'Responsable', before: '—', after: 'Paul Girard' })
    expect(describe_(update('task', 'completedAt', null, '2026-12-01T07:20:14.174Z'))).toMatchObject({
      field: 'Faite le',
      after: expect.stringMatching(/^1er décembre 2026 à \d\d:\d\d$/),
    })
    expect(describe_(update('task', 'dueOn', '2026-12-05', '2027-01-15'))).toMatchObject({ before: '5 décembre 2026', after: '15 janvier 2027' })
    expect(describe_(update('project', 'budgetPlannedCents', 0, 1234550))).toMatchObject({ after: `12${NNBSP}345,50${NBSP}€` })
    expect(describe_(update('answer', 'status', 'pas_fait', 'non_concerne'))).toMatchObject({
      field: 'Réponse',
      before: 'Pas fait',
      after: 'Non concerné',
    })
    expect(describe_(update('profile', 'isAdmin', false, true))).toMatchObject({ field: 'Administrateur', before: 'Non', after: 'Oui' })
    expect(describe_(update('project', 'themeIds', [], ['ecole']))).toMatchObject({
      field: 'Thèmes',
      before: 'Aucun',
      after: 'École et restauration scolaire',
    })
  })

  it('names a record gone since as such, never by its id', () => {
    expect(describe_(update('task', 'assigneeMemberId', 99, null))).toMatchObject({ before: '(une personne retirée de l’équipe)', after: '—' })
  })

  it('sums up a whole record in words, without its own name again and without what the line already says', () => {
    const task: AuditRecord = {
      entity: 'task',
      action: 'create',
      field: null,
      before: null,
      after: {
        id: 3,
        projectId: 2,
        actionId: null,
        title: 'Relancer le SDE',
        description: '',
        assigneeMemberId: 4,
        dueOn: '2026-12-05',
        status: 'a_faire',
        checklist: [
          { label: 'Appeler', done: true },
          { label: 'Écrire', done: false },
        ],
        completedAt: null,
      },
    }
    expect(describe_(task, 'Relancer le SDE')).toEqual({
      action: 'Création',
      entity: 'Tâche',
      field: null,
      before: '—',
      after:
        'Projet : Jardin partagé · Responsable : Paul Girard · Échéance : 5 décembre 2026 · Statut : À faire · Liste de contrôle : Appeler (fait) · Écrire',
    })
  })

  it('a partial answer gives its shares; the commune profile its questions in words, only those that changed', () => {
    expect(describe_(update('answer', 'split', null, '{"done":50,"programmed":30,"notDone":20}')).after).toBe(
      'fait 50 %, programmé 30 %, pas fait 20 %',
    )
    const risks = describe_(
      update('communeProfile', 'risks', { pprn: false, forestFire: false, seismicZone: null }, { pprn: true, forestFire: false, seismicZone: 3 }),
    )
    expect(risks).toMatchObject({
      field: 'Risques majeurs',
      before: 'PPRN approuvé : Non, Zone de sismicité : —',
      after: 'PPRN approuvé : Oui, Zone de sismicité : 3',
    })
    expect(describe_(update('communeProfile', 'transferredCompetences', [], ['eau', 'assainissement'])).after).toBe('eau potable, assainissement')
    const created = describe_({
      entity: 'communeProfile',
      action: 'create',
      field: null,
      before: null,
      after: { facilities: { erp: true, cemetery: false }, agentsFte: 1.5 },
    })
    expect(created.after).toBe('Équipements : Établissement recevant du public · Agents (équivalents temps plein) : 1,5')
  })

  it('writes a Madame’s role in the feminine', () => {
    const sophie: AuditRecord = {
      entity: 'member',
      action: 'create',
      field: null,
      before: null,
      after: { id: 7, civility: 'madame', firstName: 'Sophie', lastName: 'Martin', role: 'adjoint', rank: 2 },
    }
    expect(describe_(sophie, 'Sophie Martin').after).toBe(
      'Civilité : Madame · Prénom : Sophie · Nom : Martin · Rôle : Adjointe au maire · Rang d’adjoint : 2',
    )
    expect(describe_(update('member', 'role', 'conseiller_municipal', 'adjoint'), 'Sophie Martin', 'madame')).toMatchObject({
      before: 'Conseillère municipale',
      after: 'Adjointe au maire',
    })
  })

  it('the portal connection in words', () => {
    const connected: AuditRecord = {
      entity: 'portal',
      action: 'create',
      field: null,
      before: null,
      after: { relayUrl: 'https://relais.example.fr', portalUrl: 'https://relais.example.fr/10145' },
    }
    expect(describe_(connected)).toMatchObject({
      entity: 'Portail citoyen',
      after: 'Adresse du relais : https://relais.example.fr · Adresse du portail : https://relais.example.fr/10145',
    })
    expect(describe_(update('publication', 'fields', ['summary'], ['summary', 'budget'])).field).toBe('Champs affichés')
  })

  it('a field or a record nobody listed still reads as words, never as its code or JSON', () => {
    expect(describe_(update('task', 'someNewField', { a: 1 }, 'x'))).toEqual({
      action: 'Modification',
      entity: 'Tâche',
      field: 'Autre information',
      before: '1',
      after: 'x',
    })
    expect(describe_({ entity: 'somethingNew', action: 'delete', field: null, before: { title: 'A' }, after: null }).entity).toBe('Autre donnée')
  })

  it('lists the ids an entry points to, for the names to be looked up at once', () => {
    expect(referencesOf(update('task', 'assigneeMemberId', 4, 5))).toEqual([
      { kind: 'member', id: '4' },
      { kind: 'member', id: '5' },
    ])
    expect(
      referencesOf({
        entity: 'project',
        action: 'create',
        field: null,
        before: null,
        after: { domainId: 'services', criterionIds: ['budget-vote-delai'], title: 'x' },
      }),
    ).toEqual([
      { kind: 'domain', id: 'services' },
      { kind: 'criterion', id: 'budget-vote-delai' },
    ])
  })
})
