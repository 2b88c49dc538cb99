import { Button, Group, PasswordInput, Stack } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { passwordField } from '@shared/contract'
import { errorMessage } from '../../api/client'
import { FormError } from '../../components/FormError'

interface PasswordFormProps {
  askCurrent: boolean
  submitLabel: string
  onSubmit(values: { currentPassword: string | null; newPassword: string }): Promise<void>
  onCancel?: () => void
}

/** A new password typed twice; the current one too when a profile changes its own. */
export function PasswordForm({ askCurrent, submitLabel, onSubmit, onCancel }: PasswordFormProps) {
  const { t } = useTranslation()
  const [current, setCurrent] = useState('')
  const [next, setNext] = useState('')
  const [confirmation, setConfirmation] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)

  return (
    <form
      onSubmit={async (event) => {
        event.preventDefault()
        setFailure(null)
        const strength = passwordField.safeParse(next)
        const found: Record<string, string> = {}
        if (!strength.success) found.next = strength.error.issues[0]!.message
        else if (next !== confirmation) found.confirmation = t('profiles.passwordMismatch')
        if (askCurrent && !current) found.current = t('profiles.currentRequired')
        setErrors(found)
        if (Object.keys(found).length > 0) return
        setSaving(true)
        try {
          await onSubmit({ currentPassword: askCurrent ? current : null, newPassword: next })
          setCurrent('')
          setNext('')
          setConfirmation('')
        } catch (error) {
          setFailure(errorMessage(error))
        } finally {
          setSaving(false)
        }
      }}
    >
      <Stack maw={420}>
        {askCurrent && (
          <PasswordInput
            label={t('profiles.currentPassword')}
            value={current}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            error={errors.current}
            autoComplete="current-password"
          />
        )}
        <PasswordInput
          label={t('profiles.newPassword')}
          description={t('profiles.passwordRule')}
          value={next}
          onChange={(e) => setNext(e.currentTarget.value)}
          error={errors.next}
          autoComplete="new-password"
          data-autofocus
        />
        <PasswordInput
          label={t('profiles.confirmPassword')}
          value={confirmation}
          onChange={(e) => setConfirmation(e.currentTarget.value)}
          error={errors.confirmation}
          autoComplete="new-password"
        />
        <FormError message={failure} />
        <Group>
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          )}
          <Button type="submit" loading={saving}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
