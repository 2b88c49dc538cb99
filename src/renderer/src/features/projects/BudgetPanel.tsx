import { ActionIcon, Alert, Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { useForm, type UseFormReturnType } from '@mantine/form'
import { IconAlertTriangle, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import {
  FUNDER_LABELS,
  FUNDERS,
  FUNDING_STATUS_LABELS,
  FUNDING_STATUSES,
  fundingObtainedCents,
  fundingInputSchema,
  fundingTotals,
  type MethodInput,
  type ProjectDetail,
} from '@shared/contract'
import { errorMessage } from '../../api/client'
import { EuroInput } from '../../components/EuroInput'
import { FormError } from '../../components/FormError'
import { GuardedModal, useDiscardGuard } from '../../components/GuardedModal'
import { useApiMutation } from '../../api/hooks'
import { serverFieldErrors, validateWith } from '../../lib/validation'
import { FrenchDateInput } from '../../components/FrenchDateInput'
import { formatDate } from '../../lib/format'
import { formatCents } from '../../lib/money'
import { confirmRemoval } from '../../components/confirmRemoval'

type Funding = ProjectDetail['fundings'][number]

type FundingValues = Required<Omit<MethodInput<'fundings.create'>, 'projectId'>>

function fundingValues(funding: Funding | null): FundingValues {
  return {
    funder: funding?.funder ?? 'detr',
    label: funding?.label ?? '',
    requestedCents: funding?.requestedCents ?? 0,
    obtainedCents: funding?.obtainedCents ?? null,
    status: funding?.status ?? 'envisagee',
    requestedOn: funding?.requestedOn ?? null,
    decidedOn: funding?.decidedOn ?? null,
  }
}

/** One grant sought for the project; warns (without refusing) when more is asked than the project's budget. */
export function FundingDialog({
  projectId,
  budgetPlannedCents,
  funding,
  onClose,
}: {
  projectId: number
  budgetPlannedCents: number
  funding: Funding | null
  onClose(): void
}) {
  const { t } = useTranslation()
  const create = useApiMutation('fundings.create')
  const update = useApiMutation('fundings.update')
  const form = useForm<FundingValues>({
    mode: 'controlled',
    initialValues: fundingValues(funding),
    validate: (values) => validateWith(fundingInputSchema, { ...values, projectId }),
  })
  const [failure, setFailure] = useState<string | null>(null)
  const { values } = form
  const overBudget = budgetPlannedCents > 0 && values.requestedCents > budgetPlannedCents
  return (
    <GuardedModal opened onClose={onClose} title={funding ? t('fundings.edit') : t('fundings.new')} size="lg">
      <FundingFields
        form={form}
        overBudget={overBudget}
        budgetPlannedCents={budgetPlannedCents}
        failure={failure}
        submitLabel={funding ? t('common.save') : t('fundings.add')}
        onSubmit={form.onSubmit(async (submitted) => {
          setFailure(null)
          try {
            if (funding) await update.mutateAsync({ ...submitted, id: funding.id })
            else await create.mutateAsync({ ...submitted, projectId })
            form.resetDirty(submitted)
            onClose()
          } catch (error) {
            form.setErrors(serverFieldErrors(error))
            setFailure(errorMessage(error))
          }
        })}
      />
    </GuardedModal>
  )
}

function FundingFields({
  form,
  overBudget,
  budgetPlannedCents,
  failure,
  submitLabel,
  onSubmit,
}: {
  form: UseFormReturnType<FundingValues>
  overBudget: boolean
  budgetPlannedCents: number
  failure: string | null
  submitLabel: string
  onSubmit(event?: FormEvent<HTMLFormElement>): void
}) {
  const { t } = useTranslation()
  const { values } = form
  const cancel = useDiscardGuard(form.isDirty(), () => undefined)
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('fundings.funder')}
            data={FUNDERS.map((f) => ({ value: f, label: FUNDER_LABELS[f] }))}
            allowDeselect={false}
            {...form.getInputProps('funder')}
          />
          <TextInput label={t('fundings.label')} placeholder={t('fundings.labelPlaceholder')} {...form.getInputProps('label')} />
          <EuroInput
            label={t('fundings.requested')}
            value={values.requestedCents}
            onChange={(v) => form.setFieldValue('requestedCents', v ?? 0)}
            error={form.errors.requestedCents}
          />
          <EuroInput
            label={t('fundings.obtained')}
            value={values.obtainedCents}
            onChange={(v) => form.setFieldValue('obtainedCents', v)}
            error={form.errors.obtainedCents}
            allowEmpty
          />
          <Select
            label={t('fundings.status')}
            data={FUNDING_STATUSES.map((s) => ({ value: s, label: FUNDING_STATUS_LABELS[s] }))}
            allowDeselect={false}
            {...form.getInputProps('status')}
          />
          <FrenchDateInput
            label={t('fundings.requestedOn')}
            value={values.requestedOn}
            onChange={(v) => form.setFieldValue('requestedOn', v)}
            error={form.errors.requestedOn}
          />
          <FrenchDateInput
            label={t('fundings.decidedOn')}
            value={values.decidedOn}
            onChange={(v) => form.setFieldValue('decidedOn', v)}
            error={form.errors.decidedOn}
          />
        </SimpleGrid>
        {overBudget && (
          <Alert color="orange" icon={<IconAlertTriangle size={18} />} title={t('fundings.overBudgetTitle')}>
            {t('fundings.overBudget', { requested: formatCents(values.requestedCents), budget: formatCents(budgetPlannedCents) })}
          </Alert>
        )}
        <FormError message={failure} />
        <Group justify="flex-end">
          <Button variant="default" onClick={cancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit">{submitLabel}</Button>
        </Group>
      </Stack>
    </form>
  )
}

/** Budget planned / committed / spent, and the grants sought and obtained. */
export function BudgetPanel({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation()
  const removeFunding = useApiMutation('fundings.remove')
  const [editing, setEditing] = useState<Funding | 'new' | null>(null)
  // The same rule as the dashboard and the PDF sheet: requests sent, grants granted or paid.
  const { requestedCents: requested, obtainedCents: obtained } = fundingTotals(project.fundings)
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, sm: 3 }} aria-label={t('projects.budget')}>
        {[
          [t('projects.fields.planned'), project.budgetPlannedCents],
          [t('projects.fields.committed'), project.budgetCommittedCents],
          [t('projects.fields.spent'), project.budgetSpentCents],
        ].map(([label, cents]) => (
          <Paper key={label as string} withBorder p="md" radius="md">
            <Text size="sm" c="dimmed">
              {label}
            </Text>
            <Text fz={24} fw={700}>
              {formatCents(cents as number)}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      <Paper withBorder p="md" radius="md">
        <Group justify="space-between" mb="sm">
          <Title order={3} size="h5">
            {t('fundings.title')}
          </Title>
          <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')}>
            {t('fundings.add')}
          </Button>
        </Group>
        {project.fundings.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('fundings.empty')}
          </Text>
        ) : (
          <Table aria-label={t('fundings.title')} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('fundings.funder')}</Table.Th>
                <Table.Th>{t('fundings.status')}</Table.Th>
                <Table.Th ta="right">{t('fundings.requested')}</Table.Th>
                <Table.Th ta="right">{t('fundings.obtained')}</Table.Th>
                <Table.Th>{t('fundings.dates')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {project.fundings.map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {FUNDER_LABELS[f.funder]}
                    </Text>
                    {f.label && (
                      <Text size="xs" c="dimmed">
                        {f.label}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge
                      variant="light"
                      tt="none"
                      color={f.status === 'accordee' || f.status === 'versee' ? 'green' : f.status === 'refusee' ? 'red' : 'gray'}
                    >
                      {FUNDING_STATUS_LABELS[f.status]}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right">{formatCents(f.requestedCents)}</Table.Td>
                  <Table.Td ta="right">{fundingObtainedCents(f) ? formatCents(fundingObtainedCents(f)) : '—'}</Table.Td>
                  <Table.Td>
                    <Text size="xs">
                      {f.requestedOn ? `${t('fundings.requestedShort')} ${formatDate(f.requestedOn)}` : ''}
                      {f.decidedOn ? ` · ${t('fundings.decidedShort')} ${formatDate(f.decidedOn)}` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <ActionIcon variant="subtle" aria-label={`${t('common.edit')} ${FUNDER_LABELS[f.funder]}`} onClick={() => setEditing(f)}>
                        <IconPencil size={16} />
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`${t('common.remove')} ${FUNDER_LABELS[f.funder]}`}
                        onClick={() =>
                          confirmRemoval({
                            title: t('fundings.removeTitle'),
                            message: t('fundings.removeConfirm'),
                            remove: () => removeFunding.mutateAsync({ id: f.id }),
                          })
                        }
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th>{t('fundings.total')}</Table.Th>
                <Table.Th />
                <Table.Th ta="right">{formatCents(requested)}</Table.Th>
                <Table.Th ta="right">{formatCents(obtained)}</Table.Th>
                <Table.Th />
                <Table.Th />
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        )}
        {project.fundings.length > 0 && (
          <Text size="xs" c="dimmed" mt="xs">
            {t('fundings.totalsRule')}
          </Text>
        )}
      </Paper>
      {editing !== null && (
        <FundingDialog
          projectId={project.id}
          budgetPlannedCents={project.budgetPlannedCents}
          funding={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  )
}
