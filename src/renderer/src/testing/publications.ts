import type { OutboxItemView, ProjectPublication } from '@shared/contract'

/** An outbox item waiting for its first send: project 7's unless `values` say otherwise. */
export function outboxItem(values: Partial<OutboxItemView> = {}): OutboxItemView {
  return {
    id: 12,
    kind: 'project',
    action: 'put',
    externalId: 'projet-7',
    label: 'Rénovation de la salle des fêtes',
    state: 'en_attente',
    lastError: null,
    attempts: 0,
    nextAttemptAt: '2026-12-02T09:00:00.000Z',
    updatedAt: '2026-12-02T09:00:00.000Z',
    sentAt: null,
    ...values,
  }
}

/** Project 7 as the Portail tab reads it before anything is published. */
export function unpublishedProject(values: Partial<ProjectPublication> = {}): ProjectPublication {
  return {
    projectId: 7,
    published: false,
    fields: [],
    publishedAt: null,
    publishedBy: null,
    item: null,
    connected: false,
    portalUrl: null,
    ...values,
  }
}
