import type { Training, TrainingStatus } from '@shared/contract'
import { formatDate, formatDecimal } from '../../lib/format'

export const STATUS_COLORS: Record<TrainingStatus, string> = {
  souhaitee: 'gray',
  demandee: 'cyan',
  inscrite: 'marianne',
  suivie: 'green',
  annulee: 'dark',
}

/** « 1,5 » */
export function formatDays(value: number): string {
  return formatDecimal(value)
}

/** « le 14 janvier 2027 », « du 3 au 5 février 2027 » (written in full), or « dates à fixer ». */
export function trainingDates(training: Pick<Training, 'startOn' | 'endOn' | 'durationHours'>): string {
  const hours = training.durationHours !== null ? ` (${formatDecimal(training.durationHours)} h)` : ''
  if (!training.startOn) return `Dates à fixer${hours}`
  if (!training.endOn || training.endOn === training.startOn) return `Le ${formatDate(training.startOn)}${hours}`
  return `Du ${formatDate(training.startOn)} au ${formatDate(training.endOn)}${hours}`
}

/** The référentiel's themes about the training of élus: they show what the Formation page knows, with a link to it. */
export function isTrainingTheme(themeId: string): boolean {
  return themeId === 'formation-elus'
}
