import type { Priority, ProjectStatus, TaskStatus } from '@shared/contract'

export const STATUS_COLORS: Record<ProjectStatus, string> = {
  idee: 'gray',
  etude: 'cyan',
  programme: 'indigo',
  en_cours: 'marianne',
  pause: 'yellow',
  termine: 'green',
  abandonne: 'dark',
}

export const PRIORITY_COLORS: Record<Priority, string> = { basse: 'gray', normale: 'blue', haute: 'orange', prioritaire: 'red' }

export const TASK_STATUS_COLORS: Record<TaskStatus, string> = { a_faire: 'gray', en_cours: 'marianne', bloquee: 'red', faite: 'green' }

export function projectPath(id: number): string {
  return `/projets/${id}`
}
