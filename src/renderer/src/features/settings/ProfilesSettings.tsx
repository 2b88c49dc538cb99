import { Alert, Badge, Button, Group, Loader, Modal, Paper, PasswordInput, Select, Stack, Switch, Table, Text, TextInput } from '@mantine/core'
import { modals } from '@mantine/modals'
import { notifications } from '@mantine/notifications'
import { IconInfoCircle, IconKey, IconPencil, IconTrash, IconUserPlus } from '@tabler/icons-react'
import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { passwordField, requiredText, type Member, type Profile } from '@shared/contract'
import { call, errorMessage } from '../../api/client'
import { useApiQuery } from '../../api/hooks'
import { FormError } from '../../components/FormError'
import { RowAction } from '../../components/RowAction'
import { formatDateTime } from '../../lib/format'
import { PasswordForm } from './PasswordForm'

const NO_MEMBER = 'aucun'
const displayNameSchema = requiredText('Le nom du profil', 80)

interface ProfileFormProps {
  profile: Profile | null
  members: Member[]
  profiles: Profile[]
  onDone(): void
}

/** Creates or edits a profile; a new profile may get its password at once. */
function ProfileForm({ profile, members, profiles, onDone }: ProfileFormProps) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const [displayName, setDisplayName] = useState(profile?.displayName ?? '')
  const [memberId, setMemberId] = useState<string>(profile?.memberId ? String(profile.memberId) : NO_MEMBER)
  const [isAdmin, setIsAdmin] = useState(profile?.isAdmin ?? false)
  const [password, setPassword] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const taken = new Set(profiles.filter((p) => p.id !== profile?.id && p.memberId !== null).map((p) => p.memberId))
  const memberOptions = [
    { value: NO_MEMBER, label: t('profiles.noMember') },
    ...members.filter((m) => !taken.has(m.id)).map((m) => ({ value: String(m.id), label: `${m.firstName} ${m.lastName}` })),
  ]

  return (
    <form
      noValidate
      onSubmit={async (event) => {
        event.preventDefault()
        setFailure(null)
        const found: Record<string, string> = {}
        const name = displayNameSchema.safeParse(displayName)
        if (!name.success) found.displayName = name.error.issues[0]!.message
        if (!profile && password) {
          const strength = passwordField.safeParse(password)
          if (!strength.success) found.password = strength.error.issues[0]!.message
        }
        setErrors(found)
        if (Object.keys(found).length > 0) return
        setSaving(true)
        const linked = memberId === NO_MEMBER ? null : Number(memberId)
        try {
          if (profile) await call('profiles.update', { id: profile.id, displayName, memberId: linked, isAdmin })
          else await call('profiles.create', { displayName, memberId: linked, isAdmin, password: password || null })
          await queryClient.invalidateQueries()
          notifications.show({ color: 'green', message: t('profiles.saved', { name: displayName.trim() }) })
          onDone()
        } catch (error) {
          setFailure(errorMessage(error))
        } finally {
          setSaving(false)
        }
      }}
    >
      <Stack>
        <TextInput
          label={t('profiles.displayName')}
          required
          value={displayName}
          onChange={(e) => setDisplayName(e.currentTarget.value)}
          error={errors.displayName}
          data-autofocus
        />
        <Select
          label={t('profiles.member')}
          description={t('profiles.memberHelp')}
          data={memberOptions}
          value={memberId}
          allowDeselect={false}
          onChange={(value) => {
            setMemberId(value ?? NO_MEMBER)
            const member = members.find((m) => String(m.id) === value)
            if (member && !displayName.trim()) setDisplayName(`${member.firstName} ${member.lastName}`)
          }}
        />
        <Switch
          label={t('profiles.isAdmin')}
          description={t('profiles.isAdminHelp')}
          checked={isAdmin}
          onChange={(e) => setIsAdmin(e.currentTarget.checked)}
        />
        {!profile && (
          <PasswordInput
            label={t('profiles.passwordOptional')}
            description={t('profiles.passwordRule')}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={errors.password}
            autoComplete="new-password"
          />
        )}
        <FormError message={failure} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={saving}>
            {profile ? t('common.save') : t('profiles.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

/** Who may use Cap Commune on this computer; administrators manage the list. */
export function ProfilesSettings() {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const profiles = useApiQuery('profiles.list', {})
  const members = useApiQuery('members.list', {})
  const session = useApiQuery('session.get', {})
  const [editing, setEditing] = useState<Profile | 'new' | null>(null)
  const [passwordFor, setPasswordFor] = useState<Profile | null>(null)
  const me = session.data?.profile
  const isAdmin = me?.isAdmin ?? false

  if (profiles.isPending || members.isPending) return <Loader />
  if (profiles.isError) return <FormError message={profiles.error.message} />
  const memberName = (id: number | null) => {
    const m = members.data?.find((x) => x.id === id)
    return m ? `${m.firstName} ${m.lastName}` : '—'
  }

  function confirmRemoval(profile: Profile) {
    modals.openConfirmModal({
      title: t('profiles.removeTitle'),
      children: <Text>{t('profiles.removeConfirm', { name: profile.displayName })}</Text>,
      labels: { confirm: t('common.remove'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        try {
          await call('profiles.remove', { id: profile.id })
          notifications.show({ color: 'green', message: t('profiles.removed', { name: profile.displayName }) })
        } catch (error) {
          notifications.show({ color: 'red', title: t('common.failed'), message: errorMessage(error) })
        }
        await queryClient.invalidateQueries()
      },
    })
  }

  return (
    <Stack>
      {!isAdmin && (
        <Alert role="note" icon={<IconInfoCircle size={18} />} variant="light" color="gray">
          {t('profiles.readOnly')}
        </Alert>
      )}
      <Paper withBorder p="md" radius="md">
        <Group justify="space-between" mb="sm">
          <Text c="dimmed">{t('profiles.explain')}</Text>
          {isAdmin && (
            <Button leftSection={<IconUserPlus size={16} />} onClick={() => setEditing('new')}>
              {t('profiles.new')}
            </Button>
          )}
        </Group>
        <Table.ScrollContainer minWidth={640}>
          <Table striped verticalSpacing="xs" aria-label={t('profiles.tableLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('profiles.displayName')}</Table.Th>
                <Table.Th>{t('profiles.member')}</Table.Th>
                <Table.Th>{t('profiles.rights')}</Table.Th>
                <Table.Th>{t('profiles.lastSignIn')}</Table.Th>
                {isAdmin && <Table.Th w={130}>{t('team.columns.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {profiles.data.map((profile) => (
                <Table.Tr key={profile.id}>
                  <Table.Td fw={600}>
                    {profile.displayName}{' '}
                    {profile.id === me?.id && (
                      <Badge variant="outline" size="xs">
                        {t('profiles.you')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{memberName(profile.memberId)}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <Badge variant="light" color={profile.isAdmin ? 'marianne' : 'gray'}>
                        {profile.isAdmin ? t('profiles.admin') : t('profiles.user')}
                      </Badge>
                      {profile.hasPassword && (
                        <Badge variant="outline" color="gray">
                          {t('profiles.protected')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{profile.lastSignInAt ? formatDateTime(profile.lastSignInAt) : t('profiles.never')}</Table.Td>
                  {isAdmin && (
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <RowAction
                          label={t('common.edit')}
                          target={profile.displayName}
                          icon={<IconPencil size={18} />}
                          onClick={() => setEditing(profile)}
                        />
                        <RowAction
                          label={t('profiles.setPassword')}
                          target={profile.displayName}
                          icon={<IconKey size={18} />}
                          onClick={() => setPasswordFor(profile)}
                        />
                        <RowAction
                          label={t('common.remove')}
                          target={profile.displayName}
                          icon={<IconTrash size={18} />}
                          danger
                          onClick={() => confirmRemoval(profile)}
                        />
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? t('profiles.new') : t('profiles.edit')}>
        {editing !== null && (
          <ProfileForm
            profile={editing === 'new' ? null : editing}
            members={members.data ?? []}
            profiles={profiles.data}
            onDone={() => setEditing(null)}
          />
        )}
      </Modal>
      <Modal
        opened={passwordFor !== null}
        onClose={() => setPasswordFor(null)}
        title={t('profiles.passwordOf', { name: passwordFor?.displayName ?? '' })}
      >
        {passwordFor && (
          <Stack>
            <PasswordForm
              askCurrent={false}
              submitLabel={t('common.save')}
              onCancel={() => setPasswordFor(null)}
              onSubmit={async ({ newPassword }) => {
                await call('profiles.setPassword', { id: passwordFor.id, newPassword })
                await queryClient.invalidateQueries()
                notifications.show({ color: 'green', message: t('profiles.passwordSaved') })
                setPasswordFor(null)
              }}
            />
            {passwordFor.hasPassword && (
              <Button
                variant="subtle"
                color="red"
                w="fit-content"
                onClick={async () => {
                  try {
                    await call('profiles.setPassword', { id: passwordFor.id, newPassword: null })
                    await queryClient.invalidateQueries()
                    setPasswordFor(null)
                  } catch (error) {
                    notifications.show({ color: 'red', message: errorMessage(error) })
                  }
                }}
              >
                {t('profiles.removePassword')}
              </Button>
            )}
          </Stack>
        )}
      </Modal>
    </Stack>
  )
}
