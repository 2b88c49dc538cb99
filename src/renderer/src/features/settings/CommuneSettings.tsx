import { Button, Group, Loader, NumberInput, Paper, Stack, Text, Title } from '@mantine/core'
import { modals } from '@mantine/modals'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { mandateInputSchema, type DirectoryCommune } from '@shared/contract'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { CommuneFacts } from '../../components/CommuneFacts'
import { FormError } from '../../components/FormError'
import { GuardedModal } from '../../components/GuardedModal'
import { FrenchDateInput } from '../../components/FrenchDateInput'
import { formatDate } from '../../lib/format'
import { validateWith } from '../../lib/validation'
import { CommuneSearch } from '../setup/CommuneSearch'
import { LogoSettings } from './LogoSettings'
import { PopulationSettings } from './PopulationSettings'

function MandateSection({ canEdit }: { canEdit: boolean }) {
  const mandate = useApiQuery('mandate.get', {})
  if (mandate.isError) return <FormError message={mandate.error.message} />
  if (!mandate.data) return <Loader />
  // Keyed on the saved years so the form starts again from them after a save elsewhere.
  return <MandateForm key={`${mandate.data.startYear}-${mandate.data.endYear}-${mandate.data.installedOn}`} saved={mandate.data} canEdit={canEdit} />
}

function MandateForm({ saved, canEdit }: { saved: { startYear: number; endYear: number; installedOn: string | null }; canEdit: boolean }) {
  const { t } = useTranslation()
  const save = useApiMutation('mandate.update')
  const [values, setValues] = useState<{ startYear: number | ''; endYear: number | ''; installedOn: string | null }>(saved)
  const errors = validateWith(mandateInputSchema, values)
  const toYear = (value: string | number): number | '' => (value === '' ? '' : Number(value))

  return (
    <form
      onSubmit={async (event) => {
        event.preventDefault()
        if (Object.keys(errors).length > 0) return
        // mutateAsync: the form is re-created once the saved years come back, the message must not depend on it.
        try {
          await save.mutateAsync({ startYear: Number(values.startYear), endYear: Number(values.endYear), installedOn: values.installedOn || null })
          notifications.show({ color: 'green', message: t('settings.mandate.saved') })
        } catch {
          // The error is shown under the form (save.error).
        }
      }}
    >
      <Stack>
        <Group align="flex-start" grow maw={480}>
          <NumberInput
            label={t('setup.mandate.startYear')}
            value={values.startYear}
            disabled={!canEdit}
            allowDecimal={false}
            thousandSeparator=""
            onChange={(v) => setValues({ ...values, startYear: toYear(v) })}
            error={errors.startYear}
          />
          <NumberInput
            label={t('setup.mandate.endYear')}
            value={values.endYear}
            disabled={!canEdit}
            allowDecimal={false}
            thousandSeparator=""
            onChange={(v) => setValues({ ...values, endYear: toYear(v) })}
            error={errors.endYear}
          />
        </Group>
        <FrenchDateInput
          maw={240}
          label={t('settings.mandate.installedOn')}
          description={t('settings.mandate.installedOnHelp')}
          value={values.installedOn}
          disabled={!canEdit}
          onChange={(installedOn) => setValues({ ...values, installedOn })}
          error={errors.installedOn}
        />
        <FormError message={save.error?.message ?? null} />
        {canEdit && (
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        )}
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
