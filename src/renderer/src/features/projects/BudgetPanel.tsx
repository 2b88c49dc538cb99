import { ActionIcon, Badge, Button, Group, Modal, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  FUNDER_LABELS,
  FUNDERS,
  FUNDING_STATUS_LABELS,
  FUNDING_STATUSES,
  fundingObtainedCents,
  fundingTotals,
  type ProjectDetail,
} from '@shared/contract'
import { call, errorMessage } from '../../api/client'
import { EuroInput } from '../../components/EuroInput'
import { FormError } from '../../components/FormError'
import { FrenchDateInput } from '../../components/FrenchDateInput'
import { formatDate } from '../../lib/format'
import { formatCents } from '../../lib/money'
import { confirmRemoval } from '../../components/confirmRemoval'

type Funding = ProjectDetail['fundings'][number]

function FundingDialog({
  projectId,
  funding,
  onClose,
  onSaved,
}: {
  projectId: number
  funding: Funding | null
  onClose(): void
  onSaved(): Promise<void>
}) {
  const { t } = useTranslation()
  const [funder, setFunder] = useState<Funding['funder']>(funding?.funder ?? 'detr')
  const [label, setLabel] = useState(funding?.label ?? '')
  const [requested, setRequested] = useState<number | null>(funding?.requestedCents ?? 0)
  const [obtained, setObtained] = useState<number | null>(funding?.obtainedCents ?? null)
  const [status, setStatus] = useState<Funding['status']>(funding?.status ?? 'envisagee')
  const [requestedOn, setRequestedOn] = useState<string | null>(funding?.requestedOn ?? null)
  const [decidedOn, setDecidedOn] = useState<string | null>(funding?.decidedOn ?? null)
  const [failure, setFailure] = useState<string | null>(null)
  return (
    <Modal opened onClose={onClose} title={funding ? t('fundings.edit') : t('fundings.new')} size="lg">
      <form
        onSubmit={async (event) => {
          event.preventDefault()
          const values = { funder, label, requestedCents: requested ?? 0, obtainedCents: obtained, status, requestedOn, decidedOn }
          try {
            if (funding) await call('fundings.update', { ...values, id: funding.id })
            else await call('fundings.create', { ...values, projectId })
            await onSaved()
            onClose()
          } catch (error) {
            setFailure(errorMessage(error))
          }
        }}
      >
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('fundings.funder')}
              data={FUNDERS.map((f) => ({ value: f, label: FUNDER_LABELS[f] }))}
              value={funder}
              onChange={(v) => v && setFunder(v as Funding['funder'])}
              allowDeselect={false}
            />
            <TextInput
              label={t('fundings.label')}
              placeholder={t('fundings.labelPlaceholder')}
              value={label}
              onChange={(e) => setLabel(e.currentTarget.value)}
            />
            <EuroInput label={t('fundings.requested')} value={requested} onChange={setRequested} />
            <EuroInput label={t('fundings.obtained')} value={obtained} onChange={setObtained} allowEmpty />
            <Select
              label={t('fundings.status')}
              data={FUNDING_STATUSES.map((s) => ({ value: s, label: FUNDING_STATUS_LABELS[s] }))}
              value={status}
              onChange={(v) => v && setStatus(v as Funding['status'])}
              allowDeselect={false}
            />
            <FrenchDateInput label={t('fundings.requestedOn')} value={requestedOn} onChange={setRequestedOn} />
            <FrenchDateInput label={t('fundings.decidedOn')} value={decidedOn} onChange={setDecidedOn} />
          </SimpleGrid>
          <FormError message={failure} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit">{funding ? t('common.save') : t('fundings.add')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}

/** Budget planned / committed / spent, and the grants sought and obtained. */
export function BudgetPanel({ project, onChanged }: { project: ProjectDetail; onChanged(): Promise<void> }) {
  const { t } = useTranslation()
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
                            remove: () => call('fundings.remove', { id: f.id }),
                            after: () => onChanged(),
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
        <FundingDialog projectId={project.id} funding={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={onChanged} />
      )}
    </Stack>
  )
}
