import '../../components/charts/setup'
import { ActionIcon, Button, Group, Modal, NumberInput, Paper, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Indicator, ProjectDetail } from '@shared/contract'
import { call, errorMessage } from '../../api/client'
import { IndicatorLine } from '../../components/charts/IndicatorLine'
import { FormError } from '../../components/FormError'
import { FrenchDateInput } from '../../components/FrenchDateInput'
import { formatDate, formatMeasure, todayIso } from '../../lib/format'
import { confirmRemoval } from '../../components/confirmRemoval'

function IndicatorCard({ indicator, onChanged }: { indicator: Indicator; onChanged(): Promise<void> }) {
  const { t } = useTranslation()
  const [measuredOn, setMeasuredOn] = useState<string | null>(todayIso())
  const [value, setValue] = useState<number | ''>('')
  const [failure, setFailure] = useState<string | null>(null)
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
              remove: () => call('indicators.remove', { id: indicator.id }),
              after: () => onChanged(),
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
      <form
        onSubmit={async (event) => {
          event.preventDefault()
          setFailure(null)
          if (value === '' || !measuredOn) {
            setFailure(t('indicators.measureRequired'))
            return
          }
          try {
            await call('measurements.add', { indicatorId: indicator.id, measuredOn, value })
            setValue('')
            await onChanged()
          } catch (error) {
            setFailure(errorMessage(error))
          }
        }}
      >
        <Group align="flex-end" mt="sm">
          <FrenchDateInput label={t('indicators.measuredOn')} value={measuredOn} onChange={setMeasuredOn} w={170} />
          <NumberInput
            label={t('indicators.value')}
            value={value}
            onChange={(v) => setValue(v === '' ? '' : Number(v))}
            decimalSeparator=","
            thousandSeparator=" "
            suffix={indicator.unit ? ` ${indicator.unit}` : undefined}
            w={180}
          />
          <Button type="submit" variant="light">
            {t('indicators.addMeasure')}
          </Button>
        </Group>
        <FormError message={failure} />
      </form>
    </Paper>
  )
}

/** Impact indicators: a target and dated measurements (e.g. public lighting consumption, kWh/year). */
export function IndicatorsPanel({ project, onChanged }: { project: ProjectDetail; onChanged(): Promise<void> }) {
  const { t } = useTranslation()
  const [creating, setCreating] = useState(false)
  const [label, setLabel] = useState('')
  const [unit, setUnit] = useState('')
  const [target, setTarget] = useState<number | ''>('')
  const [lowerIsBetter, setLowerIsBetter] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  return (
    <Stack>
      <Group>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
          {t('indicators.new')}
        </Button>
      </Group>
      {project.indicators.length === 0 && <Text c="dimmed">{t('indicators.empty')}</Text>}
      {project.indicators.map((indicator) => (
        <IndicatorCard key={indicator.id} indicator={indicator} onChanged={onChanged} />
      ))}
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('indicators.new')}>
        <form
          onSubmit={async (event) => {
            event.preventDefault()
            try {
              await call('indicators.create', { projectId: project.id, label, unit, targetValue: target === '' ? null : target, lowerIsBetter })
              setCreating(false)
              setLabel('')
              setUnit('')
              setTarget('')
              await onChanged()
            } catch (error) {
              setFailure(errorMessage(error))
            }
          }}
        >
          <Stack>
            <TextInput
              label={t('indicators.label')}
              placeholder={t('indicators.labelPlaceholder')}
              required
              value={label}
              onChange={(e) => setLabel(e.currentTarget.value)}
              data-autofocus
            />
            <Group grow>
              <TextInput label={t('indicators.unit')} placeholder="kWh/an" value={unit} onChange={(e) => setUnit(e.currentTarget.value)} />
              <NumberInput
                label={t('indicators.targetLabel')}
                value={target}
                onChange={(v) => setTarget(v === '' ? '' : Number(v))}
                decimalSeparator=","
                thousandSeparator=" "
              />
            </Group>
            <Switch label={t('indicators.lowerIsBetter')} checked={lowerIsBetter} onChange={(e) => setLowerIsBetter(e.currentTarget.checked)} />
            <FormError message={failure} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setCreating(false)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit">{t('indicators.create')}</Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  )
}
