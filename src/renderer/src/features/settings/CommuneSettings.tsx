import { Button, Group, Loader, NumberInput, Paper, Stack, Text, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { modals } from '@mantine/modals'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { mandateInputSchema, type DirectoryCommune } from '@shared/contract'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { CommuneFacts } from '../../components/CommuneFacts'
import { FormError } from '../../components/FormError'
import { FormActions } from '../../components/FormActions'
import { GuardedModal, useLeaveGuard } from '../../components/GuardedModal'
import { FrenchDateInput } from '../../components/FrenchDateInput'
import { formatDate } from '../../lib/format'
import { useFormSubmit } from '../../lib/use-form-submit'
import { validateWith } from '../../lib/validation'
import { CommuneSearch } from '../setup/CommuneSearch'
import { LogoSettings } from './LogoSettings'
import { PopulationSettings } from './PopulationSettings'

/** The mandate years and the day the council was installed (Paramètres › Commune). */
export function MandateSection({ canEdit }: { canEdit: boolean }) {
  const mandate = useApiQuery('mandate.get', {})
  if (mandate.isError) return <FormError message={mandate.error.message} />
  if (!mandate.data) return <Loader />
  // Keyed on the saved years so the form starts again from them after a save elsewhere.
  return <MandateForm key={`${mandate.data.startYear}-${mandate.data.endYear}-${mandate.data.installedOn}`} saved={mandate.data} canEdit={canEdit} />
}

interface MandateValues {
  startYear: number | ''
  endYear: number | ''
  installedOn: string | null
}

function MandateForm({ saved, canEdit }: { saved: MandateValues; canEdit: boolean }) {
  const { t } = useTranslation()
  const save = useApiMutation('mandate.update')
  const form = useForm<MandateValues>({
    mode: 'controlled',
    initialValues: saved,
    validateInputOnChange: true,
    validate: (values) => validateWith(mandateInputSchema, values),
  })
  useLeaveGuard(form.isDirty())
  // mutateAsync: the form is re-created once the saved years come back, the message must not depend on it.
  const submit = useFormSubmit(form, async (values) => {
    await save.mutateAsync({ startYear: Number(values.startYear), endYear: Number(values.endYear), installedOn: values.installedOn || null })
    notifications.show({ color: 'green', message: t('settings.mandate.saved') })
  })
  const toYear = (value: string | number): number | '' => (value === '' ? '' : Number(value))

  return (
    <form noValidate onSubmit={submit.onSubmit}>
      <Stack>
        <Group align="flex-start" grow maw={480}>
          <NumberInput
            label={t('setup.mandate.startYear')}
            value={form.values.startYear}
            disabled={!canEdit}
            allowDecimal={false}
            thousandSeparator=""
            onChange={(v) => form.setFieldValue('startYear', toYear(v))}
            error={form.errors.startYear}
          />
          <NumberInput
            label={t('setup.mandate.endYear')}
            value={form.values.endYear}
            disabled={!canEdit}
            allowDecimal={false}
            thousandSeparator=""
            onChange={(v) => form.setFieldValue('endYear', toYear(v))}
            error={form.errors.endYear}
          />
        </Group>
        <FrenchDateInput
          maw={240}
          label={t('settings.mandate.installedOn')}
          description={t('settings.mandate.installedOnHelp')}
          value={form.values.installedOn}
          disabled={!canEdit}
          onChange={(installedOn) => form.setFieldValue('installedOn', installedOn)}
          error={form.errors.installedOn}
        />
        {canEdit ? <FormActions submit={submit} submitLabel={t('common.save')} /> : <FormError message={submit.failure} />}
      </Stack>
    </form>
  )
}

export function CommuneSettings() {
  const { t } = useTranslation()
  const commune = useApiQuery('commune.get', {})
  const session = useApiQuery('session.get', {})
  const [searching, setSearching] = useState(false)
  const choose = useApiMutation('commune.choose', { failure: 'notification' })
  const canEdit = session.data?.profile?.isAdmin ?? false

  if (commune.isPending) return <Loader />
  if (commune.isError) return <FormError message={commune.error.message} />

  function confirmChange(next: DirectoryCommune) {
    setSearching(false)
    modals.openConfirmModal({
      title: t('settings.commune.changeTitle'),
      children: <Text>{t('settings.commune.changeConfirm', { from: commune.data!.name, to: next.name })}</Text>,
      labels: { confirm: t('settings.commune.changeAction'), cancel: t('common.cancel') },
      onConfirm: () =>
        choose.mutate(
          { inseeCode: next.inseeCode },
          { onSuccess: () => notifications.show({ color: 'green', message: t('settings.commune.changed', { name: next.name }) }) },
        ),
    })
  }

  return (
    <Stack>
      <Paper withBorder p="lg" radius="md">
        <Group justify="space-between" mb="md">
          <Title order={2} size="h3">
            {commune.data.name}
          </Title>
          {canEdit && (
            <Button variant="light" onClick={() => setSearching(true)}>
              {t('setup.commune.change')}
            </Button>
          )}
        </Group>
        <CommuneFacts commune={commune.data} />
        <Text size="sm" c="dimmed" mt="md">
          {t('settings.commune.source', { source: commune.data.source, date: formatDate(commune.data.updatedAt) })}
        </Text>
      </Paper>
      <PopulationSettings key={commune.data.inseeCode} commune={commune.data} canEdit={canEdit} />
      <LogoSettings canEdit={canEdit} communeName={commune.data.name} />
      <Paper withBorder p="lg" radius="md">
        <Title order={2} size="h3" mb="sm">
          {t('settings.mandate.title')}
        </Title>
        <MandateSection canEdit={canEdit} />
      </Paper>
      <GuardedModal opened={searching} onClose={() => setSearching(false)} title={t('settings.commune.changeTitle')} size="lg">
        <CommuneSearch onChoose={confirmChange} autoFocus />
      </GuardedModal>
    </Stack>
  )
}
