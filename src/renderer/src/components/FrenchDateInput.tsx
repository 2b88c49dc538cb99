import { DateInput } from '@mantine/dates'
import { IconCalendar } from '@tabler/icons-react'

interface FrenchDateInputProps {
  label: string
  description?: string
  /** ISO date (YYYY-MM-DD) or null. */
  value: string | null
  onChange(value: string | null): void
  error?: string
  disabled?: boolean
  maw?: number
  w?: number
  clearable?: boolean
}

/**
 * A date typed or picked the French way (JJ/MM/AAAA), whatever the language of the browser or of Windows;
 * the value stays an ISO date for the contract.
 */
export function FrenchDateInput({ clearable = true, ...props }: FrenchDateInputProps) {
  return (
    <DateInput
      {...props}
      valueFormat="DD/MM/YYYY"
      placeholder="JJ/MM/AAAA"
      locale="fr"
      clearable={clearable}
      leftSection={<IconCalendar size={16} />}
      dateParser={(input) => {
        const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(input.trim())
        return match ? `${match[3]}-${match[2]!.padStart(2, '0')}-${match[1]!.padStart(2, '0')}` : null
      }}
    />
  )
}
