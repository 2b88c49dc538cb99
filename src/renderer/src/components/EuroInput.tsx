import { NumberInput } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { centsToEuros, eurosToCents } from '../lib/money'

interface EuroInputProps {
  label: string
  description?: string
  /** The amount in cents (negative while what is typed is negative: the field says so and the contract refuses it). */
  value: number | null
  onChange(cents: number | null): void
  error?: ReactNode
  disabled?: boolean
  allowEmpty?: boolean
  required?: boolean
}

/**
 * An amount typed in euros the French way (1 234,50 €), kept in cents. Nothing is changed behind the user's back:
 * « -500 » stays « -500 € » with a French message (it never silently becomes 0 €).
 */
export function EuroInput({ label, description, value, onChange, error, disabled, allowEmpty, required }: EuroInputProps) {
  const { t } = useTranslation()
  const negative = value !== null && value < 0
  return (
    <NumberInput
      label={label}
      description={description}
      value={value === null ? '' : centsToEuros(value)}
      onChange={(next) => onChange(next === '' ? (allowEmpty ? null : 0) : eurosToCents(next))}
      decimalSeparator=","
      thousandSeparator=" "
      decimalScale={2}
      clampBehavior="none"
      suffix=" €"
      error={negative ? t('money.negative') : error}
      disabled={disabled}
      required={required}
    />
  )
}
