import { Alert, Badge, Button, Group, Loader, Paper, PasswordInput, Select, Stack, Switch, Table, Text, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { IconInfoCircle, IconKey, IconPencil, IconTrash, IconUserPlus } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { passwordField, profileDisplayNameField, type Member, type Profile } from '@shared/contract'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { confirmRemoval } from '../../components/confirmRemoval'
import { FormActions } from '../../components/FormActions'
import { FormError } from '../../components/FormError'
import { GuardedModal, useDiscardGuard } from '../../components/GuardedModal'
import { useFormSubmit } from '../../lib/use-form-submit'
import { RowAction } from '../../components/RowAction'
import { formatDateTime } from '../../lib/format'
import { PasswordForm } from './PasswordForm'

const NO_MEMBER = 'aucun'

interface ProfileFormProps {
  profile: Profile | null
  members: Member[]
  profiles: Profile[]
  onDone(): void
}

interface ProfileValues {
  displayName: string
  memberId: string
  isAdmin: boolean
  password: string
}

/** Creates or edits a profile; a new profile may get its password at once. */
function ProfileForm({ profile, members, profiles, onDone }: ProfileFormProps) {
  const { t } = useTranslation()
  const create = useApiMutation('profiles.create', { success: (saved) => t('profiles.saved', { name: saved.displayName }) })
  const update = useApiMutation('profiles.update', { success: (saved) => t('profiles.saved', { name: saved.displayName }) })
  const form = useForm<ProfileValues>({
    mode: 'controlled',
    initialValues: {
      displayName: profile?.displayName ?? '',
      memberId: profile?.memberId ? String(profile.memberId) : NO_MEMBER,
      isAdmin: profile?.isAdmin ?? false,
      password: '',
    },
    validate: {
      displayName: (name) => firstProblem(profileDisplayNameField, name),
      password: (password) => (!profile && password ? firstProblem(passwordField, password) : null),
    },
  })
  const submit = useFormSubmit(
    form,
    ({ displayName, memberId, isAdmin, password }) => {
      const linked = memberId === NO_MEMBER ? null : Number(memberId)
      return profile
        ? update.mutateAsync({ id: profile.id, displayName, memberId: linked, isAdmin })
        : create.mutateAsync({ displayName, memberId: linked, isAdmin, password: password || null })
    },
    onDone,
  )
  const cancel = useDiscardGuard(form.isDirty(), onDone)
  const taken = new Set(profiles.filter((p) => p.id !== profile?.id && p.memberId !== null).map((p) => p.memberId))
  const memberOptions = [
    { value: NO_MEMBER, label: t('profiles.noMember') },
    ...members.filter((m) => !taken.has(m.id)).map((m) => ({ value: String(m.id), label: `${m.firstName} ${m.lastName}` })),
  ]

  return (
    <form noValidate onSubmit={submit.onSubmit}>
      <Stack>
        <TextInput label={t('profiles.displayName')} required {...form.getInputProps('displayName')} data-autofocus />
        <Select
          label={t('profiles.member')}
          description={t('profiles.memberHelp')}
          data={memberOptions}
          value={form.values.memberId}
          allowDeselect={false}
          onChange={(value) => {
            form.setFieldValue('memberId', value ?? NO_MEMBER)
            const member = members.find((m) => String(m.id) === value)
            if (member && !form.values.displayName.trim()) form.setFieldValue('displayName', `${member.firstName} ${member.lastName}`)
          }}
        />
        <Switch label={t('profiles.isAdmin')} description={t('profiles.isAdminHelp')} {...form.getInputProps('isAdmin', { type: 'checkbox' })} />
        {!profile && (
          <PasswordInput
            label={t('profiles.passwordOptional')}
            description={t('profiles.passwordRule')}
            {...form.getInputProps('password')}
            autoComplete="new-password"
          />
        )}
        <FormActions submit={submit} submitLabel={profile ? t('common.save') : t('profiles.create')} onCancel={cancel} />
      </Stack>
    </form>
  )
}

function firstProblem(schema: z.ZodType, value: unknown): string | null {
  const result = schema.safeParse(value)
  return result.success ? null : (result.error.issues[0]?.message ?? null)
}

/** Who may use Cap Commune on this computer; administrators manage the list. */
export function ProfilesSettings() {
  const { t } = useTranslation()
  const profiles = useApiQuery('profiles.list', {})
  const remove = useApiMutation('profiles.remove')
  const setPassword = useApiMutation('profiles.setPassword', { success: t('profiles.passwordSaved') })
  const removePassword = useApiMutation('profiles.setPassword', { failure: 'notification' })
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

  const removeProfile = (profile: Profile) =>
    confirmRemoval({
      title: t('profiles.removeTitle'),
      message: t('profiles.removeConfirm', { name: profile.displayName }),
      remove: () => remove.mutateAsync({ id: profile.id }),
      removed: () => notifications.show({ color: 'green', message: t('profiles.removed', { name: profile.displayName }) }),
    })

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
                          onClick={() => removeProfile(profile)}
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
      <GuardedModal opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? t('profiles.new') : t('profiles.edit')}>
        {editing !== null && (
          <ProfileForm
            profile={editing === 'new' ? null : editing}
            members={members.data ?? []}
            profiles={profiles.data}
            onDone={() => setEditing(null)}
          />
        )}
      </GuardedModal>
      <GuardedModal
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
              onSubmit={({ newPassword }) => setPassword.mutateAsync({ id: passwordFor.id, newPassword }).then(() => setPasswordFor(null))}
            />
            {passwordFor.hasPassword && (
              <Button
                variant="subtle"
                color="red"
                w="fit-content"
                loading={removePassword.isPending}
                onClick={() => removePassword.mutate({ id: passwordFor.id, newPassword: null }, { onSuccess: () => setPasswordFor(null) })}
              >
                {t('profiles.removePassword')}
              </Button>
            )}
          </Stack>
        )}
      </GuardedModal>
    </Stack>
  )
}
