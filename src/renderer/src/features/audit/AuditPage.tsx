import { Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { FrenchDateInput } from '../../components/FrenchDateInput'
import { AuditTable, type AuditFilters } from './AuditTable'
import { ENTITY_LABELS } from '@shared/audit-labels'

/** Every kind of record of the trail, by its French name. */
const ENTITY_OPTIONS = Object.entries(ENTITY_LABELS).map(([value, label]) => ({ value, label }))

/** The whole audit trail with filters. Nothing here can change it. */
export function AuditPage() {
  const { t } = useTranslation()
  const [filters, setFilters] = useState<AuditFilters>({ entity: null, projectId: null, profileName: null, from: null, to: null })
  const [page, setPage] = useState(1)
  const update = (changes: Partial<AuditFilters>) => {
    setFilters((f) => ({ ...f, ...changes }))
    setPage(1)
  }
  return (
    <Stack maw={1200}>
      <Title order={1}>{t('audit.title')}</Title>
      <Text c="dimmed">{t('audit.intro')}</Text>
      <Group align="flex-end">
        <Select
          label={t('audit.entity')}
          data={ENTITY_OPTIONS}
          value={filters.entity}
          onChange={(v) => update({ entity: v })}
          clearable
          placeholder={t('audit.all')}
          w={240}
        />
        <TextInput
          label={t('audit.who')}
          value={filters.profileName ?? ''}
          onChange={(e) => update({ profileName: e.currentTarget.value || null })}
          w={220}
        />
        <FrenchDateInput label={t('audit.from')} value={filters.from} onChange={(v) => update({ from: v })} w={170} />
        <FrenchDateInput label={t('audit.to')} value={filters.to} onChange={(v) => update({ to: v })} w={170} />
      </Group>
      <Paper withBorder p="md" radius="md">
        <AuditTable filters={filters} page={page} onPage={setPage} />
      </Paper>
    </Stack>
  )
}
