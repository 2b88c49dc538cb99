import type { ProjectPublication } from '@shared/contract'

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
