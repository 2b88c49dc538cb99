import { ActionIcon, Button, Group, Paper, SegmentedControl, Select, Stack, Table, Text, TextInput } from '@mantine/core'
import { IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ProjectDetail } from '@shared/contract'
import { call, errorMessage } from '../../api/client'
import { useApiQuery } from '../../api/hooks'
import { FormError } from '../../components/FormError'

/** Who takes part: élus and agents of the team, and outside participants (citizens in a commission, partners). */
export function ParticipantsPanel({ project, onChanged }: { project: ProjectDetail; onChanged(): Promise<void> }) {
  const { t } = useTranslation()
  const members = useApiQuery('members.list', {})
  const [kind, setKind] = useState<'team' | 'outside'>('team')
  const [memberId, setMemberId] = useState<string | null>(null)
  const [name, setName] = useState('')
  const [role, setRole] = useState('')
  const [failure, setFailure] = useState<string | null>(null)
  const already = new Set(project.participants.map((p) => p.memberId))
  return (
    <Stack>
      <Paper withBorder p="md" radius="md">
        {project.participants.length === 0 ? (
          <Text c="dimmed">{t('participants.empty')}</Text>
        ) : (
          <Table aria-label={t('participants.title')} striped>
            <Table.Tbody>
              {project.participants.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td fw={500}>{p.name}</Table.Td>
                  <Table.Td>{p.memberId === null ? t('participants.outside') : t('participants.team')}</Table.Td>
                  <Table.Td>{p.role || '—'}</Table.Td>
                  <Table.Td w={48}>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`${t('common.remove')} ${p.name}`}
                      onClick={async () => {
                        try {
                          await call('participants.remove', { id: p.id })
                          await onChanged()
                        } catch (error) {
                          setFailure(errorMessage(error))
                        }
                      }}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      <Paper withBorder p="md" radius="md">
        <form
          onSubmit={async (event) => {
            event.preventDefault()
            setFailure(null)
            try {
              await call('participants.add', {
                projectId: project.id,
                memberId: kind === 'team' && memberId ? Number(memberId) : null,
                name: kind === 'outside' ? name : '',
                role,
              })
              setMemberId(null)
              setName('')
              setRole('')
              await onChanged()
            } catch (error) {
              setFailure(errorMessage(error))
            }
          }}
        >
          <Stack>
            <SegmentedControl
              data={[
                { value: 'team', label: t('participants.fromTeam') },
                { value: 'outside', label: t('participants.fromOutside') },
              ]}
              value={kind}
              onChange={(v) => setKind(v as 'team' | 'outside')}
              w="fit-content"
            />
            <Group align="flex-end">
              {kind === 'team' ? (
                <Select
                  label={t('participants.person')}
                  data={(members.data ?? [])
                    .filter((m) => !already.has(m.id))
                    .map((m) => ({ value: String(m.id), label: `${m.firstName} ${m.lastName}` }))}
                  value={memberId}
                  onChange={setMemberId}
                  searchable
                  w={260}
                />
              ) : (
                <TextInput
                  label={t('participants.name')}
                  placeholder={t('participants.namePlaceholder')}
                  value={name}
                  onChange={(e) => setName(e.currentTarget.value)}
                  w={260}
                />
              )}
              <TextInput
                label={t('participants.role')}
                placeholder={t('participants.rolePlaceholder')}
                value={role}
                onChange={(e) => setRole(e.currentTarget.value)}
                style={{ flex: 1 }}
              />
              <Button type="submit">{t('participants.add')}</Button>
            </Group>
            <FormError message={failure} />
          </Stack>
        </form>
      </Paper>
    </Stack>
  )
}
