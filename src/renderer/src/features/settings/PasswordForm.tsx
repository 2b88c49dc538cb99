import { PasswordInput, Stack } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { passwordField } from '@shared/contract'
import { FormActions } from '../../components/FormActions'
import { useDiscardGuard } from '../../components/GuardedModal'
import { useFormSubmit } from '../../lib/use-form-submit'

interface PasswordFormProps {
  askCurrent: boolean
  submitLabel: string
  onSubmit(values: { currentPassword: string | null; newPassword: string }): Promise<unknown>
  onCancel?: () => void
}

/** A new password typed twice; the current one too when a profile changes its own. */
export function PasswordForm({ askCurrent, submitLabel, onSubmit, onCancel }: PasswordFormProps) {
  const { t } = useTranslation()
  const form = useForm({
    mode: 'controlled',
    initialValues: { current: '', next: '', confirmation: '' },
    validate: {
      current: (current) => (askCurrent && !current ? t('profiles.currentRequired') : null),
      next: (next) => {
        const strength = passwordField.safeParse(next)
        return strength.success ? null : strength.error.issues[0]!.message
      },
      confirmation: (confirmation, { next }) =>
        passwordField.safeParse(next).success && next !== confirmation ? t('profiles.passwordMismatch') : null,
    },
  })
  const submit = useFormSubmit(form, ({ current, next }) =>
    onSubmit({ currentPassword: askCurrent ? current : null, newPassword: next }).then(() => form.reset()),
  )
  const cancel = useDiscardGuard(form.isDirty(), onCancel ?? (() => undefined))

  return (
    <form noValidate onSubmit={submit.onSubmit}>
      <Stack maw={420}>
        {askCurrent && <PasswordInput label={t('profiles.currentPassword')} {...form.getInputProps('current')} autoComplete="current-password" />}
        <PasswordInput
          label={t('profiles.newPassword')}
          description={t('profiles.passwordRule')}
          {...form.getInputProps('next')}
          autoComplete="new-password"
          data-autofocus
        />
        <PasswordInput label={t('profiles.confirmPassword')} {...form.getInputProps('confirmation')} autoComplete="new-password" />
        <FormActions submit={submit} submitLabel={submitLabel} onCancel={onCancel && cancel} />
      </Stack>
    </form>
  )
}
