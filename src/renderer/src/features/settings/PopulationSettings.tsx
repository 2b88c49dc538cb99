import { Alert, Button, Group, List, NumberInput, Paper, Stack, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconInfoCircle } from '@tabler/icons-react'
import { useForm } from '@mantine/form'
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { communeSetPopulationInput, type Commune, type ObligationChange } from '@shared/contract'
import { useApiMutation } from '../../api/hooks'
import { FormError } from '../../components/FormError'
import { formatInteger } from '../../lib/format'
import { useFormSubmit } from '../../lib/use-form-submit'
import { validateWith } from '../../lib/validation'
import { useLeaveGuard } from '../../components/GuardedModal'

export interface PopulationValues {
  populationTotale: number | ''
  year: number | ''
}

/** What `commune.setPopulation` receives for these fields (an empty field: not entered). */
function populationInput(values: PopulationValues) {
  return { populationTotale: values.populationTotale === '' ? null : values.populationTotale, year: values.year === '' ? null : values.year }
}

/** The two fields (population totale, year in force) with where to find the figure: used in the wizard and in Paramètres. */
export function PopulationFields({
  municipale,
  source,
  values,
  onChange,
  disabled = false,
  errors = {},
}: {
  municipale: number | null
  source: string
  values: PopulationValues
  onChange(values: PopulationValues): void
  disabled?: boolean
  errors?: Partial<Record<string, ReactNode>>
}) {
  const { t } = useTranslation()
  return (
    <Stack gap="sm">
      <Text size="sm">{t('population.explain')}</Text>
      <Text size="sm" c="dimmed">
        {municipale === null ? t('population.municipaleUnknown') : t('population.municipale', { value: formatInteger(municipale), source })}
      </Text>
      <Group align="flex-start" grow maw={560}>
        <NumberInput
          label={t('population.totaleLabel')}
          description={t('population.totaleHelp')}
          min={1}
          allowDecimal={false}
          allowNegative={false}
          thousandSeparator=" "
          value={values.populationTotale}
          onChange={(v) => onChange({ ...values, populationTotale: v === '' ? '' : Number(v) })}
          error={errors.populationTotale}
          disabled={disabled}
        />
        <NumberInput
          label={t('population.yearLabel')}
          min={2000}
          max={2100}
          allowDecimal={false}
          thousandSeparator=""
          value={values.year}
          onChange={(v) => onChange({ ...values, year: v === '' ? '' : Number(v) })}
          error={errors.year}
          disabled={disabled}
        />
      </Group>
      <Alert role="note" variant="light" color="gray" icon={<IconInfoCircle size={18} />} p="xs">
        <Text size="sm">{t('population.whereToFind')}</Text>
      </Alert>
    </Stack>
  )
}

function ChangeList({ title, items }: { title: string; items: ObligationChange[] }) {
  if (items.length === 0) return null
  return (
    <Stack gap={4}>
      <Text fw={600}>{title}</Text>
      <List size="sm" spacing={2}>
        {items.map((item) => (
          <List.Item key={item.criterionId}>
            {item.question}{' '}
            <Text span size="xs" c="dimmed">
              ({item.legalBasis})
            </Text>
          </List.Item>
        ))}
      </List>
    </Stack>
  )
}

/** Paramètres › Commune: the population totale in force, and what changing it changes. */
export function PopulationSettings({ commune, canEdit }: { commune: Commune; canEdit: boolean }) {
  const { t } = useTranslation()
  const save = useApiMutation('commune.setPopulation')
  const form = useForm<PopulationValues>({
    mode: 'controlled',
    initialValues: { populationTotale: commune.populationTotale ?? '', year: commune.populationTotaleYear ?? '' },
    validateInputOnChange: true,
    validate: (values) => validateWith(communeSetPopulationInput, populationInput(values)),
  })
  // What is typed and not saved yet is not lost by leaving the page.
  useLeaveGuard(form.isDirty())
  const [changes, setChanges] = useState<{ starting: ObligationChange[]; stopping: ObligationChange[] } | null>(null)
  const submit = useFormSubmit(form, async (values) => {
    const result = await save.mutateAsync(populationInput(values))
    setChanges({ starting: result.starting, stopping: result.stopping })
    notifications.show({ color: 'green', message: t('population.saved') })
  })

  return (
    <Paper withBorder p="lg" radius="md" aria-label={t('population.title')}>
      <Title order={2} size="h3" mb="sm">
        {t('population.title')}
      </Title>
      <Text fw={600} mb="sm" data-testid="population-in-use">
        {commune.populationTotale === null
          ? t('population.notEntered', { value: commune.population === null ? '—' : formatInteger(commune.population) })
          : commune.populationTotaleYear === null
            ? t('population.enteredNoYear', { value: formatInteger(commune.populationTotale) })
            : t('population.entered', { value: formatInteger(commune.populationTotale), year: commune.populationTotaleYear })}
      </Text>
      <form noValidate onSubmit={submit.onSubmit}>
        <Stack>
          <PopulationFields
            municipale={commune.population}
            source={commune.source}
            values={form.values}
            onChange={(values) => {
              form.setFieldValue('populationTotale', values.populationTotale)
              form.setFieldValue('year', values.year)
            }}
            disabled={!canEdit}
            errors={form.errors}
          />
          <FormError message={submit.failure} />
          {canEdit && (
            <Group>
              <Button type="submit" loading={submit.saving} disabled={form.values.populationTotale === ''}>
                {t('population.save')}
              </Button>
              {commune.populationTotale !== null && (
                <Button
                  variant="subtle"
                  onClick={() => {
                    form.setValues({ populationTotale: '', year: '' })
                    submit.onSubmit()
                  }}
                >
                  {t('population.clear')}
                </Button>
              )}
            </Group>
          )}
          {changes && (
            <Alert role="status" variant="light" color={changes.starting.length + changes.stopping.length > 0 ? 'orange' : 'green'}>
              {changes.starting.length + changes.stopping.length === 0 ? (
                <Text size="sm">{t('population.noChange')}</Text>
              ) : (
                <Stack gap="sm">
                  <ChangeList title={t('population.starting', { count: changes.starting.length })} items={changes.starting} />
                  <ChangeList title={t('population.stopping', { count: changes.stopping.length })} items={changes.stopping} />
                </Stack>
              )}
            </Alert>
          )}
        </Stack>
      </form>
    </Paper>
  )
}
