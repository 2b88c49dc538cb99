import { ActionIcon, Popover, TextInput } from '@mantine/core'
import { DatePicker } from '@mantine/dates'
import { IconCalendar } from '@tabler/icons-react'
import { useState, type FocusEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { frenchDateProblem, frenchFromIso, isoFromFrench } from '../lib/dates'

interface FrenchDateInputProps {
  label: string
  description?: string
  /**
   * An ISO date (YYYY-MM-DD), null when empty, or — while what is typed is not a real date — the text as typed
   * (« 31/02/2027 »): nothing typed is lost, the contract refuses it, and the field says what is wrong.
   */
  value: string | null
  onChange(value: string | null): void
  error?: ReactNode
  disabled?: boolean
  maw?: number
  w?: number
  required?: boolean
}

/**
 * Mantine's modals close on Échap from a window listener, unless the focused element carries this attribute: every
 * element of the calendar gets it, so Échap there closes the calendar and nothing else.
 */
function keepEscapeHere(event: FocusEvent<HTMLElement>) {
  event.target.setAttribute('data-mantine-stop-propagation', 'true')
}

/**
 * A date typed the French way (JJ/MM/AAAA) whatever the language of the browser or of Windows, or picked in a
 * calendar. What cannot be a date is never changed into another one: « 31/02/2027 » stays as typed, with a French
 * message. Échap in the calendar closes the calendar only; Tab goes to the next field (the calendar button is for the
 * mouse, or Alt+↓ from the field); erasing the text empties the date.
 */
export function FrenchDateInput({ label, description, value, onChange, error, disabled, maw, w, required }: FrenchDateInputProps) {
  const { t } = useTranslation()
  const [opened, setOpened] = useState(false)
  const [touched, setTouched] = useState(false)
  // What is shown, and the value it stands for: a value set from outside (a reset, a saved record) shows as JJ/MM/AAAA.
  const [shown, setShown] = useState({ text: frenchFromIso(value), of: value })
  if (shown.of !== value) {
    const stillTrue = shown.text === value || isoFromFrench(shown.text) === value
    setShown({ text: stillTrue ? shown.text : frenchFromIso(value), of: value })
  }
  const text = shown.text
  const problem = touched || error ? frenchDateProblem(text) : null
  const iso = isoFromFrench(text)

  const type = (next: string) => {
    const emitted = next.trim() === '' ? null : (isoFromFrench(next) ?? next)
    setShown({ text: next, of: emitted })
    onChange(emitted)
  }

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-start" trapFocus returnFocus closeOnEscape>
      <Popover.Target>
        <TextInput
          label={label}
          description={description}
          placeholder={t('dates.placeholder')}
          value={text}
          required={required}
          disabled={disabled}
          maw={maw}
          w={w}
          inputMode="numeric"
          autoComplete="off"
          error={problem ? t(`dates.${problem}`) : error}
          data-mantine-stop-propagation={opened ? 'true' : undefined}
          onChange={(event) => type(event.currentTarget.value)}
          onBlur={() => setTouched(true)}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown' && event.altKey) {
              event.preventDefault()
              setOpened(true)
            }
          }}
          rightSection={
            <ActionIcon
              variant="subtle"
              color="gray"
              tabIndex={-1}
              aria-label={t('dates.openCalendar')}
              disabled={disabled}
              onClick={() => setOpened((o) => !o)}
            >
              <IconCalendar size={16} />
            </ActionIcon>
          }
        />
      </Popover.Target>
      <Popover.Dropdown onFocusCapture={keepEscapeHere}>
        <DatePicker
          locale="fr"
          ariaLabels={{
            previousMonth: t('dates.previousMonth'),
            nextMonth: t('dates.nextMonth'),
            previousYear: t('dates.previousYear'),
            nextYear: t('dates.nextYear'),
            previousDecade: t('dates.previousDecade'),
            nextDecade: t('dates.nextDecade'),
            monthLevelControl: t('dates.chooseMonth'),
            yearLevelControl: t('dates.chooseYear'),
          }}
          value={iso}
          defaultDate={iso ?? undefined}
          onChange={(picked) => {
            if (!picked) return
            setTouched(true)
            type(frenchFromIso(picked))
            setOpened(false)
          }}
        />
      </Popover.Dropdown>
    </Popover>
  )
}
