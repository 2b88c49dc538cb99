import { Group, Table, Text } from '@mantine/core'
import { IconPencil, IconTrash } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { MemberInput } from '@shared/contract'
import { RowAction } from '../../components/RowAction'
import { isElectedRole, memberRoleLabel } from '@shared/roles'

export type MemberRow = MemberInput & { key: number }

interface MemberTableProps<T extends MemberRow> {
  members: T[]
  onEdit?: (member: T) => void
  onRemove?: (member: T) => void
}

/** « 1re adjointe », « Conseiller municipal »… (shared/roles.ts). */
export function roleLabel(member: Pick<MemberInput, 'role' | 'rank' | 'civility'>): string {
  return memberRoleLabel({ role: member.role, rank: member.rank ?? null, civility: member.civility ?? null })
}

/** The team as a table; edit and remove buttons appear when their handlers are given. */
export function MemberTable<T extends MemberRow>({ members, onEdit, onRemove }: MemberTableProps<T>) {
  const { t } = useTranslation()
  const actions = Boolean(onEdit || onRemove)
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="xs" striped highlightOnHover aria-label={t('team.tableLabel')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('team.columns.name')}</Table.Th>
            <Table.Th>{t('team.columns.role')}</Table.Th>
            <Table.Th>{t('team.columns.delegation')}</Table.Th>
            <Table.Th>{t('team.columns.contact')}</Table.Th>
            {actions && <Table.Th w={96}>{t('team.columns.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.map((member) => {
            const name = `${member.firstName} ${member.lastName}`
            return (
              <Table.Tr key={member.key}>
                <Table.Td fw={600}>{name}</Table.Td>
                <Table.Td>
                  <Text size="sm" fw={500} c={isElectedRole(member.role) ? 'marianne.8' : 'gray.7'}>
                    {roleLabel(member)}
                  </Text>
                </Table.Td>
                <Table.Td>{member.delegation || <Text c="dimmed">—</Text>}</Table.Td>
                <Table.Td>
                  <Text size="sm">{member.email}</Text>
                  <Text size="sm">{member.phone}</Text>
                </Table.Td>
                {actions && (
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      {onEdit && <RowAction label={t('common.edit')} target={name} icon={<IconPencil size={18} />} onClick={() => onEdit(member)} />}
                      {onRemove && (
                        <RowAction label={t('common.remove')} target={name} icon={<IconTrash size={18} />} danger onClick={() => onRemove(member)} />
                      )}
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            )
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
