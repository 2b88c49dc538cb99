import { Button, Group, Loader, Paper, Select, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core'
import { useForm, type UseFormReturnType } from '@mantine/form'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Campaign } from '@shared/contract'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { EvolutionBars } from '../../components/charts/EvolutionBars'
import { FormError } from '../../components/FormError'
import { useLeaveGuard } from '../../components/GuardedModal'
import { formatDateTime } from '../../lib/format'
import { useFormSubmit } from '../../lib/use-form-submit'
import { formatPercent } from './labels'

type SourceKey = string // "c:12" (a campaign, live) or "s:3" (a snapshot)

function toSource(key: SourceKey): { campaignId: number } | { snapshotId: number } {
  const id = Number(key.slice(2))
  return key.startsWith('c:') ? { campaignId: id } : { snapshotId: id }
}

function Delta({ value }: { value: number | null }) {
  if (value === null) return <Text c="dimmed">—</Text>
  const sign = value > 0 ? '+' : value < 0 ? '−' : '±'
  return (
    <Text fw={600} c={value > 0 ? 'green.8' : value < 0 ? 'red.8' : undefined}>
      {sign} {formatPercent(Math.abs(value)).replace(' %', ' pts')}
    </Text>
  )
}

export type SnapshotForm = UseFormReturnType<{ label: string }>

/** The snapshot's name form: on the page, so a look at another tab keeps the name; leaving the page with one asks. */
export function useSnapshotForm(): SnapshotForm {
  const form = useForm({ initialValues: { label: '' } })
  useLeaveGuard(form.isDirty())
  return form
}

/** Snapshots taken before council meetings, and the comparison of two campaigns or snapshots. */
export function HistoryPanel({
  campaign,
  campaigns,
  form,
}: {
  campaign: Campaign
  campaigns: Campaign[]
  /** The snapshot's name being typed, held by the page (useSnapshotForm) so that it outlives this tab. */
  form: SnapshotForm
}) {
  const { t } = useTranslation()
  const snapshots = useApiQuery('snapshots.list', {})
  const take = useApiMutation('snapshots.take', { success: (snapshot) => t('diagnostic.snapshotTaken', { label: snapshot.label }) })
  const submit = useFormSubmit(
    form,
    (values) => take.mutateAsync({ campaignId: campaign.id, label: values.label }),
    // Empty again for the next one (resetDirty has made the name just saved the form's baseline).
    () => {
      form.setValues({ label: '' })
      form.resetDirty({ label: '' })
    },
  )
  const [before, setBefore] = useState<SourceKey | null>(null)
  const [after, setAfter] = useState<SourceKey>(`c:${campaign.id}`)
  const [onlyChanges, setOnlyChanges] = useState(true)

  const options = [
    { group: t('diagnostic.campaignsLive'), items: campaigns.map((c) => ({ value: `c:${c.id}`, label: c.name })) },
    {
      group: t('diagnostic.snapshots'),
      items: (snapshots.data ?? []).map((s) => ({ value: `s:${s.id}`, label: `${s.label} (${formatDateTime(s.takenAt)})` })),
    },
  ]
  const defaultBefore = snapshots.data?.[0]
    ? `s:${snapshots.data[0].id}`
    : campaigns.find((c) => c.id !== campaign.id)
      ? `c:${campaigns.find((c) => c.id !== campaign.id)!.id}`
      : null
  const chosenBefore = before ?? defaultBefore
  const comparison = useApiQuery(
    'diagnostic.compare',
    { before: chosenBefore ? toSource(chosenBefore) : { campaignId: campaign.id }, after: toSource(after) },
    { enabled: chosenBefore !== null },
  )
  const rows = comparison.data?.rows ?? []
  const domainRows = rows.filter((r) => r.level === 'domain')
  const shown = rows.filter((r) => r.level !== 'theme' || !onlyChanges || (r.delta !== null && r.delta !== 0))

  return (
    <Stack>
      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h4" mb="xs">
          {t('diagnostic.takeSnapshot')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('diagnostic.snapshotHelp')}
        </Text>
        <form onSubmit={submit.onSubmit}>
          <Group align="flex-end">
            <TextInput
              label={t('diagnostic.snapshotLabel')}
              placeholder={t('diagnostic.snapshotPlaceholder')}
              {...form.getInputProps('label')}
              style={{ flex: 1 }}
            />
            <Button type="submit" loading={submit.saving}>
              {t('diagnostic.take')}
            </Button>
          </Group>
          <FormError message={submit.failure} />
        </form>
      </Paper>

      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h4" mb="sm">
          {t('diagnostic.compare')}
        </Title>
        {!chosenBefore ? (
          <Text c="dimmed">{t('diagnostic.nothingToCompare')}</Text>
        ) : (
          <Stack>
            <Group grow align="flex-end">
              <Select label={t('diagnostic.before')} data={options} value={chosenBefore} onChange={(v) => v && setBefore(v)} allowDeselect={false} />
              <Select label={t('diagnostic.after')} data={options} value={after} onChange={(v) => v && setAfter(v)} allowDeselect={false} />
            </Group>
            {comparison.isError && <FormError message={comparison.error.message} />}
            {comparison.isPending ? (
              <Loader />
            ) : (
              comparison.data && (
                <>
                  <EvolutionBars
                    labels={domainRows.map((r) => r.title)}
                    series={[
                      { label: comparison.data.before.label, values: domainRows.map((r) => r.before) },
                      { label: comparison.data.after.label, values: domainRows.map((r) => r.after) },
                    ]}
                  />
                  <Switch label={t('diagnostic.onlyChanges')} checked={onlyChanges} onChange={(e) => setOnlyChanges(e.currentTarget.checked)} />
                  <Table aria-label={t('diagnostic.compare')} striped>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('diagnostic.item')}</Table.Th>
                        <Table.Th ta="right">{comparison.data.before.label}</Table.Th>
                        <Table.Th ta="right">{comparison.data.after.label}</Table.Th>
                        <Table.Th ta="right">{t('diagnostic.change')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {shown.map((row) => (
                        <Table.Tr key={`${row.level}-${row.id}`}>
                          <Table.Td pl={row.level === 'theme' ? 'xl' : undefined} fw={row.level === 'theme' ? 400 : 700}>
                            {row.title}
                          </Table.Td>
                          <Table.Td ta="right">{row.before === null ? '—' : formatPercent(row.before)}</Table.Td>
                          <Table.Td ta="right">{row.after === null ? '—' : formatPercent(row.after)}</Table.Td>
                          <Table.Td ta="right">
                            <Delta value={row.delta} />
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </>
              )
            )}
          </Stack>
        )}
      </Paper>
    </Stack>
  )
}
