import { Alert, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconDownload, IconInfoCircle, IconUserPlus } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Member } from '@shared/contract'
import { toFrenchCsv } from '@shared/csv'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { confirmRemoval } from '../../components/confirmRemoval'
import { GuardedModal } from '../../components/GuardedModal'
import { FormError } from '../../components/FormError'
import { i18n } from '../../i18n'
import { platform } from '../../platform'
import { MemberForm } from './MemberForm'
import { CIVILITY_LABELS } from '@shared/roles'
import { MemberTable, roleLabel } from './MemberTable'
import { EMPTY_MEMBER, toFormValues, toMemberInput } from './member-form-values'

const CSV_COLUMNS = ['civility', 'firstName', 'lastName', 'role', 'delegation', 'email', 'phone', 'interests'] as const

function exportTeam(members: Member[], communeName: string): void {
  const csv = toFrenchCsv(
    CSV_COLUMNS.map((column) => i18n.t(`team.csv.${column}`)),
    members.map((m) => [
      m.civility ? CIVILITY_LABELS[m.civility] : '',
      m.firstName,
      m.lastName,
      roleLabel(m),
      m.delegation,
      m.email,
      m.phone,
      m.interests,
    ]),
  )
  platform.saveFile(
    `${i18n.t('team.csvFile')}-${communeName.toLowerCase().replace(/[^a-z0-9]+/gi, '-')}.csv`,
    new Blob([csv], { type: 'text/csv;charset=utf-8' }),
  )
}

/** The élus and agents of the mairie; administrators edit, everyone reads. */
export function TeamPage() {
  const { t } = useTranslation()
  const createMember = useApiMutation('members.create')
  const updateMember = useApiMutation('members.update')
  const removeMember = useApiMutation('members.remove')
  const members = useApiQuery('members.list', {})
  const session = useApiQuery('session.get', {})
  const commune = useApiQuery('commune.get', {})
  const [editing, setEditing] = useState<Member | 'new' | null>(null)
  const isAdmin = session.data?.profile?.isAdmin ?? false

  if (members.isPending) return <Loader />
  if (members.isError) return <FormError message={members.error.message} />

  const rows = members.data.map((m) => ({ ...m, key: m.id }))

  function askRemoval(member: Member) {
    const name = `${member.firstName} ${member.lastName}`
    confirmRemoval({
      title: t('team.removeTitle'),
      message: t('team.removeConfirm', { name }),
      remove: () => removeMember.mutateAsync({ id: member.id }),
      removed: () => notifications.show({ color: 'green', message: t('team.removed', { name }) }),
    })
  }

  return (
    <Stack maw={1100}>
      <Group justify="space-between">
        <Title order={1}>{t('team.title')}</Title>
        <Group>
          {members.data.length > 0 && (
            <Button
              variant="default"
              leftSection={<IconDownload size={16} />}
              onClick={() => exportTeam(members.data, commune.data?.name ?? 'commune')}
            >
              {t('team.export')}
            </Button>
          )}
          {isAdmin && (
            <Button leftSection={<IconUserPlus size={16} />} onClick={() => setEditing('new')}>
              {t('team.add')}
            </Button>
          )}
        </Group>
      </Group>
      {!isAdmin && (
        <Alert role="note" icon={<IconInfoCircle size={18} />} variant="light" color="gray">
          {t('team.readOnly')}
        </Alert>
      )}
      <Paper withBorder p="md" radius="md">
        {rows.length === 0 ? (
          <Text c="dimmed">{t('team.empty')}</Text>
        ) : (
          <MemberTable
            members={rows}
            onEdit={isAdmin ? (row) => setEditing(row) : undefined}
            onRemove={isAdmin ? (row) => askRemoval(row) : undefined}
          />
        )}
      </Paper>
      <GuardedModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('team.addTitle') : t('team.editTitle')}
        size="lg"
      >
        {editing !== null && (
          <MemberForm
            initialValues={editing === 'new' ? EMPTY_MEMBER : toFormValues(editing)}
            submitLabel={editing === 'new' ? t('team.add') : t('common.save')}
            onCancel={() => setEditing(null)}
            onSubmit={async (values) => {
              const input = toMemberInput(values)
              if (editing === 'new') await createMember.mutateAsync(input)
              else await updateMember.mutateAsync({ ...input, id: editing.id })
              notifications.show({ color: 'green', message: t('team.saved', { name: `${input.firstName} ${input.lastName}` }) })
              setEditing(null)
            }}
          />
        )}
      </GuardedModal>
    </Stack>
  )
}
