import { Button, Group } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { FormError } from '../../components/FormError'

/** The foot of a training dialog: the main process's message, « Annuler » and « Enregistrer ». */
export function DialogActions({ failure, saving, onCancel }: { failure: string | null; saving: boolean; onCancel(): void }) {
  const { t } = useTranslation()
  return (
    <>
      <FormError message={failure} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" loading={saving}>
          {t('common.save')}
        </Button>
      </Group>
    </>
  )
}
