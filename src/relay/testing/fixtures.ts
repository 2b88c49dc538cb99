import type { PollInput } from '../../shared/relay/api'

/** A vote between two options, open until `closesAt`. */
export const vote = (closesAt = '2030-01-01T00:00:00Z'): PollInput => ({
  kind: 'vote',
  title: 'Quel aménagement pour la place ?',
  description: null,
  projectExternalId: 'p1',
  opensAt: '2026-01-01T00:00:00Z',
  closesAt,
  verification: 'email',
  results: 'a_la_cloture',
  questions: [
    {
      id: 'q',
      kind: 'choix_unique',
      label: 'Votre choix',
      options: [
        { id: 'a', label: 'Un jardin' },
        { id: 'b', label: 'Des places de stationnement' },
      ],
    },
  ],
})
