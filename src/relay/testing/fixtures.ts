import type { PollInput, ProjectInput } from '../../shared/relay/api'

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

/** A project as a mairie publishes it, budget included. */
export const project: ProjectInput = {
  title: 'Rénovation de la salle des fêtes',
  summary: 'Isolation, chauffage et accessibilité.',
  status: 'en_cours',
  progress: 40,
  startDate: '2026-04-01',
  endDate: '2027-06-30',
  theme: 'Bâtiments communaux',
  topic: 'cadre_de_vie',
  budgetCents: 18_500_000,
}
