import { Alert, Button, Group, List, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconAlertTriangle, IconFileSpreadsheet, IconFileTypePdf, IconInfoCircle } from '@tabler/icons-react'
import { useForm } from '@mantine/form'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { budgetInputSchema, trainingSettingsInput, type TrainingOverview } from '@shared/contract'
import { call, errorMessage } from '../../api/client'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { EuroInput } from '../../components/EuroInput'
import { FormError } from '../../components/FormError'
import { confirmDiscard, useLeaveGuard, type LeaveGuardOptions } from '../../components/GuardedModal'
import { FrenchDateInput } from '../../components/FrenchDateInput'
import { saveReceivedFile } from '../../lib/files'
import { formatCents, formatDate } from '../../lib/format'
import { useFormSubmit } from '../../lib/use-form-submit'
import { validateWith } from '../../lib/validation'

interface BudgetPanelProps {
  overview: TrainingOverview
  isAdmin: boolean
  year: number
  onYear(year: number): void
}

// The page's tabs are in its address (?onglet=): another tab unmounts these forms, as another page would.
const leavesBudgetTab: LeaveGuardOptions['leaving'] = ({ currentLocation, nextLocation }) =>
  currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search

function money(cents: number | null, missing: string): string {
  return cents === null ? missing : formatCents(cents)
}

/** Entered once: the total of the maximal allowances (with how to compute it) and the date of the délibération. */
function SettingsForm({ overview }: { overview: TrainingOverview }) {
  const { t } = useTranslation()
  const updateSettings = useApiMutation('training.updateSettings', { success: t('training.budget.saved') })
  const form = useForm({
    mode: 'controlled',
    initialValues: { maxAllowancesCents: overview.settings.maxAllowancesCents, deliberationOn: overview.settings.deliberationOn },
    validate: (values) => validateWith(trainingSettingsInput, values),
  })
  useLeaveGuard(form.isDirty(), { leaving: leavesBudgetTab })
  const submit = useFormSubmit(form, (values) => updateSettings.mutateAsync(values))
  return (
    <Paper withBorder p="md" radius="md" component="form" onSubmit={submit.onSubmit} noValidate aria-label={t('training.budget.settings')}>
      <Stack>
        <Title order={2} size="h4">
          {t('training.budget.settings')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <EuroInput
            label={t('training.budget.maxAllowances')}
            value={form.values.maxAllowancesCents}
            onChange={(cents) => form.setFieldValue('maxAllowancesCents', cents)}
            allowEmpty
            error={form.errors.maxAllowancesCents}
          />
          <FrenchDateInput
            label={t('training.budget.deliberationOn')}
            description={t('training.budget.deliberationOnHelp')}
            value={form.values.deliberationOn}
            onChange={(day) => form.setFieldValue('deliberationOn', day)}
            error={form.errors.deliberationOn}
          />
        </SimpleGrid>
        <Alert variant="light" icon={<IconInfoCircle size={18} />} title={t('training.budget.howTo')}>
          <List size="sm" spacing={4}>
            {overview.content.allowancesHelp.map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List>
        </Alert>
        <FormError message={submit.failure} />
        <Group>
          <Button type="submit" loading={submit.saving}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}

function YearForm({ overview, onDirty }: { overview: TrainingOverview; onDirty(dirty: boolean): void }) {
  const { t } = useTranslation()
  const b = overview.budget
  const setBudget = useApiMutation('training.setBudget')
  const form = useForm({
    mode: 'controlled',
    initialValues: { votedCents: b.votedCents, openingCarryCents: b.openingCarryCents },
    validate: (values) => validateWith(budgetInputSchema, { year: b.year, ...values }),
  })
  const dirty = form.isDirty()
  useLeaveGuard(dirty, { leaving: leavesBudgetTab })
  // Another year is chosen in the panel above, not by the address: the panel asks first while this form is dirty.
  useEffect(() => onDirty(dirty), [dirty, onDirty])
  const submit = useFormSubmit(form, (values) => setBudget.mutateAsync({ year: b.year, ...values }))
  return (
    <form onSubmit={submit.onSubmit} noValidate aria-label={t('training.budget.yearForm', { year: b.year })}>
      <Stack gap="xs">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <EuroInput
            label={t('training.budget.voted', { year: b.year })}
            value={form.values.votedCents}
            onChange={(cents) => form.setFieldValue('votedCents', cents)}
            allowEmpty
            error={form.errors.votedCents}
          />
          <EuroInput
            label={t('training.budget.openingCarry')}
            description={t('training.budget.openingCarryHelp')}
            value={form.values.openingCarryCents}
            onChange={(cents) => form.setFieldValue('openingCarryCents', cents)}
            allowEmpty
            error={form.errors.openingCarryCents}
          />
        </SimpleGrid>
        <FormError message={submit.failure} />
        <Group>
          <Button type="submit" loading={submit.saving} variant="light">
            {t('training.budget.saveYear', { year: b.year })}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

/** The budget of a year between its floor and ceiling, and the yearly table of the trainings the commune financed. */
export function BudgetPanel({ overview, isAdmin, year, onYear }: BudgetPanelProps) {
  const { t } = useTranslation()
  const b = overview.budget
  const table = useApiQuery('training.yearTable', { year })
  const years = Array.from({ length: overview.mandate.endYear - overview.mandate.startYear + 1 }, (_, i) => String(overview.mandate.startYear + i))
  const missing = t('training.budget.missing')
  const [yearDirty, setYearDirty] = useState(false)

  function chooseYear(next: number) {
    if (yearDirty) confirmDiscard(() => onYear(next), { message: t('training.budget.otherYearLoses', { year }) })
    else onYear(next)
  }

  async function exportXlsx() {
    try {
      saveReceivedFile(await call('training.exportYearTable', { year, format: 'xlsx' }))
    } catch (error) {
      notifications.show({ color: 'red', title: t('common.failed'), message: errorMessage(error) })
    }
  }

  return (
    <Stack>
      {isAdmin && <SettingsForm overview={overview} />}
      <Paper withBorder p="md" radius="md" aria-label={t('training.budget.title', { year })}>
        <Stack>
          <Group justify="space-between">
            <Title order={2} size="h4">
              {t('training.budget.title', { year })}
            </Title>
            <Select
              aria-label={t('training.budget.year')}
              data={years}
              value={String(year)}
              onChange={(y) => y && chooseYear(Number(y))}
              allowDeselect={false}
              w={120}
            />
          </Group>
          {b.maxAllowancesCents === null && (
            <Alert variant="light" icon={<IconInfoCircle size={18} />} role="note">
              {t('training.budget.noAllowances')}
            </Alert>
          )}
          {b.belowFloor && (
            <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert" title={t('training.budget.belowFloorTitle')}>
              {t('training.budget.belowFloor', { voted: formatCents(b.votedCents ?? 0), floor: formatCents(b.floorCents ?? 0) })}
            </Alert>
          )}
          {b.aboveCeiling && (
            <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert" title={t('training.budget.aboveCeilingTitle')}>
              {t('training.budget.aboveCeiling', { ceiling: formatCents(b.ceilingCents ?? 0) })}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            {[
              [t('training.budget.floor'), money(b.floorCents, missing)],
              [t('training.budget.ceiling'), money(b.ceilingCents, missing)],
              [t('training.budget.votedShort'), money(b.votedCents, missing)],
              [t('training.budget.carriedIn'), formatCents(b.carriedInCents)],
              [t('training.budget.committed'), formatCents(b.committedCents)],
              [t('training.budget.spent'), formatCents(b.spentCents)],
              [t('training.budget.available'), formatCents(b.availableCents)],
              [t('training.budget.carryOut'), formatCents(b.carryOutCents)],
            ].map(([label, value]) => (
              <Paper key={label} withBorder p="sm" radius="md" aria-label={label}>
                <Text size="xl" fw={700}>
                  {value}
                </Text>
                <Text size="xs" c="dimmed">
                  {label}
                </Text>
              </Paper>
            ))}
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            {b.renewalYear ? t('training.budget.renewalYear', { year }) : t('training.budget.carryRule')}
          </Text>
          {isAdmin && <YearForm key={b.year} overview={overview} onDirty={setYearDirty} />}
        </Stack>
      </Paper>

      <Paper withBorder p="md" radius="md" aria-label={t('training.table.title', { year })}>
        <Stack>
          <Group justify="space-between">
            <Stack gap={0}>
              <Title order={2} size="h4">
                {t('training.table.title', { year })}
              </Title>
              <Text size="sm" c="dimmed">
                {t('training.table.help')}
              </Text>
            </Stack>
            <Group gap="xs">
              <Button
                variant="default"
                size="xs"
                leftSection={<IconFileTypePdf size={16} />}
                component={Link}
                to={`/rapports?rapport=formation&annee=${year}`}
              >
                {t('training.table.pdf')}
              </Button>
              <Button variant="default" size="xs" leftSection={<IconFileSpreadsheet size={16} />} onClick={exportXlsx}>
                {t('training.table.xlsx')}
              </Button>
            </Group>
          </Group>
          {table.data && table.data.rows.length === 0 && <Text c="dimmed">{t('training.table.empty', { year })}</Text>}
          {table.data && table.data.rows.length > 0 && (
            <Table.ScrollContainer minWidth={760}>
              <Table striped aria-label={t('training.table.title', { year })}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('training.table.member')}</Table.Th>
                    <Table.Th>{t('training.table.training')}</Table.Th>
                    <Table.Th>{t('training.table.date')}</Table.Th>
                    <Table.Th ta="right">{t('training.table.cost')}</Table.Th>
                    <Table.Th ta="right">{t('training.table.travel')}</Table.Th>
                    <Table.Th ta="right">{t('training.table.lostIncome')}</Table.Th>
                    <Table.Th ta="right">{t('training.table.total')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {table.data.rows.map((r) => (
                    <Table.Tr key={r.trainingId}>
                      <Table.Td>
                        {r.memberName}
                        <Text size="xs" c="dimmed">
                          {r.roleLabel}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {r.title}
                        <Text size="xs" c="dimmed">
                          {r.providerName || t('training.table.noProvider')}
                          {r.approvalNumber ? ` — ${t('training.approvedNumber', { number: r.approvalNumber })}` : ''}
                        </Text>
                      </Table.Td>
                      <Table.Td>{formatDate(r.startOn)}</Table.Td>
                      <Table.Td ta="right">{formatCents(r.costCents)}</Table.Td>
                      <Table.Td ta="right">{formatCents(r.travelCents)}</Table.Td>
                      <Table.Td ta="right">{formatCents(r.lostIncomeCents)}</Table.Td>
                      <Table.Td ta="right" fw={600}>
                        {formatCents(r.totalCents)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                  <Table.Tr fw={700}>
                    <Table.Td colSpan={3}>{t('training.table.total')}</Table.Td>
                    <Table.Td ta="right">{formatCents(table.data.totals.costCents)}</Table.Td>
                    <Table.Td ta="right">{formatCents(table.data.totals.travelCents)}</Table.Td>
                    <Table.Td ta="right">{formatCents(table.data.totals.lostIncomeCents)}</Table.Td>
                    <Table.Td ta="right">{formatCents(table.data.totals.totalCents)}</Table.Td>
                  </Table.Tr>
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      </Paper>
    </Stack>
  )
}
