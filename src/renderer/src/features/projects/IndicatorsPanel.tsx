import '../../components/charts/setup'
import { ActionIcon, Button, Group, NumberInput, Paper, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useForm } from '@mantine/form'
import { indicatorInputSchema, type Indicator, type ProjectDetail } from '@shared/contract'
import { useApiMutation } from '../../api/hooks'
import { IndicatorLine } from '../../components/charts/IndicatorLine'
import { FormActions } from '../../components/FormActions'
import { FormError } from '../../components/FormError'
import { FrenchDateInput } from '../../components/FrenchDateInput'
import { GuardedModal, useDiscardGuard } from '../../components/GuardedModal'
import { formatDate, formatMeasure, todayIso } from '../../lib/format'
import { confirmRemoval } from '../../components/confirmRemoval'
import { useFormSubmit } from '../../lib/use-form-submit'
import { validateWith } from '../../lib/validation'

interface MeasureValues {
  measuredOn: string | null
  value: number | ''
}

function IndicatorCard({ indicator }: { indicator: Indicator }) {
  const { t } = useTranslation()
  const add = useApiMutation('measurements.add')
  const remove = useApiMutation('indicators.remove')
  const form = useForm<MeasureValues>({
    mode: 'controlled',
    initialValues: { measuredOn: todayIso(), value: '' },
    validate: {
      measuredOn: (v) => (v ? null : t('indicators.measureRequired')),
      value: (v) => (v === '' ? t('indicators.measureRequired') : null),
    },
  })
  const submit = useFormSubmit(form, ({ measuredOn, value }) =>
    add.mutateAsync({ indicatorId: indicator.id, measuredOn: measuredOn ?? '', value: Number(value) }).then(() => form.setFieldValue('value', '')),
  )
  return (
    <Paper withBorder p="md" radius="md" aria-label={indicator.label}>
      <Group justify="space-between" mb="xs">
        <Stack gap={0}>
          <Title order={3} size="h5">
            {indicator.label}
          </Title>
          <Text size="sm" c="dimmed">
            {indicator.targetValue === null
              ? t('indicators.noTarget')
              : t('indicators.target', { value: formatMeasure(indicator.targetValue, indicator.unit) })}
            {indicator.lowerIsBetter ? ` · ${t('indicators.lowerIsBetter')}` : ''}
          </Text>
        </Stack>
        <ActionIcon
          variant="subtle"
          color="red"
          aria-label={`${t('common.remove')} ${indicator.label}`}
          onClick={() =>
            confirmRemoval({
              title: t('indicators.removeTitle'),
              message: t('indicators.removeConfirm', { label: indicator.label }),
              remove: () => remove.mutateAsync({ id: indicator.id }),
            })
          }
        >
          <IconTrash size={16} />
        </ActionIcon>
      </Group>
      {indicator.measurements.length >= 2 && (
        <IndicatorLine label={indicator.label} unit={indicator.unit} points={indicator.measurements} target={indicator.targetValue} />
      )}
      {indicator.measurements.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('indicators.noMeasure')}
        </Text>
      ) : (
        <Table aria-label={t('indicators.measures', { label: indicator.label })}>
          <Table.Tbody>
            {indicator.measurements.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td>{formatDate(m.measuredOn)}</Table.Td>
                <Table.Td ta="right">{formatMeasure(m.value, indicator.unit)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <form noValidate onSubmit={submit.onSubmit}>
        <Group align="flex-end" mt="sm">
          <FrenchDateInput
            label={t('indicators.measuredOn')}
            value={form.values.measuredOn}
            onChange={(v) => form.setFieldValue('measuredOn', v)}
            error={form.errors.measuredOn}
            w={170}
          />
          <NumberInput
            label={t('indicators.value')}
            {...form.getInputProps('value')}
            decimalSeparator=","
            thousandSeparator=" "
            suffix={indicator.unit ? ` ${indicator.unit}` : undefined}
            w={180}
          />
          <Button type="submit" variant="light" loading={submit.saving}>
            {t('indicators.addMeasure')}
          </Button>
        </Group>
        <FormError message={submit.failure} />
      </form>
    </Paper>
  )
}

type IndicatorValues = { label: string; unit: string; targetValue: number | ''; lowerIsBetter: boolean }

/** Impact indicators: a target and dated measurements (e.g. public lighting consumption, kWh/year). */
export function IndicatorsPanel({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation()
  const [creating, setCreating] = useState(false)
  return (
    <Stack>
      <Group>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
          {t('indicators.new')}
        </Button>
      </Group>
      {project.indicators.length === 0 && <Text c="dimmed">{t('indicators.empty')}</Text>}
      {project.indicators.map((indicator) => (
        <IndicatorCard key={indicator.id} indicator={indicator} />
      ))}
      {creating && (
        <GuardedModal opened onClose={() => setCreating(false)} title={t('indicators.new')}>
          <IndicatorForm projectId={project.id} onDone={() => setCreating(false)} />
        </GuardedModal>
      )}
    </Stack>
  )
}

function IndicatorForm({ projectId, onDone }: { projectId: number; onDone(): void }) {
  const { t } = useTranslation()
  const create = useApiMutation('indicators.create')
  const form = useForm<IndicatorValues>({
    mode: 'controlled',
    initialValues: { label: '', unit: '', targetValue: '', lowerIsBetter: false },
    validate: (values) => validateWith(indicatorInputSchema, inputOf(projectId, values)),
  })
  const submit = useFormSubmit(form, (values) => create.mutateAsync(inputOf(projectId, values)), onDone)
  const cancel = useDiscardGuard(form.isDirty(), onDone)
  return (
    <form noValidate onSubmit={submit.onSubmit}>
      <Stack>
        <TextInput
          label={t('indicators.label')}
          placeholder={t('indicators.labelPlaceholder')}
          required
          {...form.getInputProps('label')}
          data-autofocus
        />
        <Group grow>
          <TextInput label={t('indicators.unit')} placeholder="kWh/an" {...form.getInputProps('unit')} />
          <NumberInput label={t('indicators.targetLabel')} {...form.getInputProps('targetValue')} decimalSeparator="," thousandSeparator=" " />
        </Group>
        <Switch label={t('indicators.lowerIsBetter')} {...form.getInputProps('lowerIsBetter', { type: 'checkbox' })} />
        <FormActions submit={submit} submitLabel={t('indicators.create')} onCancel={cancel} />
      </Stack>
    </form>
  )
}

function inputOf(projectId: number, { targetValue, ...values }: IndicatorValues) {
  return { ...values, projectId, targetValue: targetValue === '' ? null : Number(targetValue) }
}
