import { Group, Loader, Pagination, Table, Text } from '@mantine/core'
import { keepPreviousData } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useApiQuery } from '../../api/hooks'
import { FormError } from '../../components/FormError'
import { formatDateTime } from '../../lib/format'

export interface AuditFilters {
  entity: string | null
  projectId: number | null
  profileName: string | null
  from: string | null
  to: string | null
}

/** The audit trail, read-only: who changed what, when, from which value to which. */
export function AuditTable({
  filters,
  page,
  onPage,
  pageSize = 50,
}: {
  filters: AuditFilters
  page: number
  onPage(page: number): void
  pageSize?: number
}) {
  const { t } = useTranslation()
  const audit = useApiQuery('audit.list', { ...filters, page, pageSize }, { placeholderData: keepPreviousData })
  if (audit.isError) return <FormError message={audit.error.message} />
  if (!audit.data) return <Loader />
  if (audit.data.total === 0) return <Text c="dimmed">{t('audit.empty')}</Text>
  return (
    <>
      <Table.ScrollContainer minWidth={820}>
        <Table striped aria-label={t('audit.title')} verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('audit.when')}</Table.Th>
              <Table.Th>{t('audit.who')}</Table.Th>
              <Table.Th>{t('audit.what')}</Table.Th>
              <Table.Th>{t('audit.field')}</Table.Th>
              <Table.Th>{t('audit.before')}</Table.Th>
              <Table.Th>{t('audit.after')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {audit.data.items.map((row) => (
              <Table.Tr key={row.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(row.at)}</Table.Td>
                <Table.Td>{row.profileName}</Table.Td>
                <Table.Td maw={280}>
                  <Text size="sm">
                    {row.display.action} · {row.display.entity}
                  </Text>
                  {row.label && (
                    <Text size="xs" c="dimmed" lineClamp={2} title={row.label}>
                      {row.label}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{row.display.field ?? t('audit.noField')}</Table.Td>
                <Table.Td maw={240}>
                  <Text size="sm" lineClamp={4} title={row.display.before}>
                    {row.display.before}
                  </Text>
                </Table.Td>
                <Table.Td maw={240}>
                  <Text size="sm" lineClamp={4} title={row.display.after}>
                    {row.display.after}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {audit.data.total > pageSize && (
        <Group justify="flex-end">
          <Pagination total={Math.ceil(audit.data.total / pageSize)} value={page} onChange={onPage} />
        </Group>
      )}
    </>
  )
}
