import { Button, Group } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { FormSubmit } from '../lib/use-form-submit'
import { FormError } from './FormError'

/** The foot of a form: why the last save was refused, then « Annuler » (when the form can be left) and the submit button. */
export function FormActions({
  submit,
  submitLabel,
  onCancel,
}: {
  submit: Pick<FormSubmit, 'failure' | 'saving'>
  submitLabel: string
  onCancel?: () => void
}) {
  const { t } = useTranslation()
  return (
    <>
      <FormError message={submit.failure} />
      <Group justify="flex-end">
        {onCancel && (
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        )}
        <Button type="submit" loading={submit.saving}>
          {submitLabel}
        </Button>
      </Group>
    </>
  )
}
