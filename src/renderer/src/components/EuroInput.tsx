import { NumberInput } from '@mantine/core'
import { centsToEuros, eurosToCents } from '../lib/money'

interface EuroInputProps {
  label: string
  description?: string
  /** The amount in cents. */
  value: number | null
  onChange(cents: number | null): void
  error?: string
  disabled?: boolean
  allowEmpty?: boolean
}

/** An amount typed in euros the French way (1 234,50 €), kept in cents. */
export function EuroInput({ label, description, value, onChange, error, disabled, allowEmpty }: EuroInputProps) {
  return (
    <NumberInput
      label={label}
      description={description}
      value={value === null ? '' : centsToEuros(value)}
      onChange={(next) => onChange(next === '' ? (allowEmpty ? null : 0) : eurosToCents(next))}
      decimalSeparator=","
      thousandSeparator=" "
      decimalScale={2}
      min={0}
      suffix=" €"
      error={error}
      disabled={disabled}
    />
  )
}
