import { ActionIcon, Button, Group, Paper, SegmentedControl, Select, Stack, Table, Text, TextInput } from '@mantine/core'
import { IconTrash } from '@tabler/icons-react'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { participantAddInput, type ProjectDetail } from '@shared/contract'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { FormError } from '../../components/FormError'
import { useLeaveGuard } from '../../components/GuardedModal'
import { useFormSubmit } from '../../lib/use-form-submit'
import { validateWith } from '../../lib/validation'

/** Who takes part: élus and agents of the team, and outside participants (citizens in a commission, partners). */
interface ParticipantValues {
  kind: 'team' | 'outside'
  memberId: string | null
  name: string
  role: string
}

export function ParticipantsPanel({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation()
  const members = useApiQuery('members.list', {})
  const add = useApiMutation('participants.add')
  const remove = useApiMutation('participants.remove', { failure: 'notification' })
  const inputOf = ({ kind, memberId, name, role }: ParticipantValues) => ({
    projectId: project.id,
    memberId: kind === 'team' && memberId ? Number(memberId) : null,
    name: kind === 'outside' ? name : '',
    role,
  })
  const form = useForm<ParticipantValues>({
    mode: 'controlled',
    initialValues: { kind: 'team', memberId: null, name: '', role: '' },
    validate: (values) => {
      const errors = validateWith(participantAddInput, inputOf(values))
      // The schema says it under « name »; a team pick is made in the « Personne » list.
      if (values.kind === 'team' && errors.name) return { memberId: errors.name }
      return errors
    },
  })
  // The kind chosen alone loses nothing; a person, a name or a role picked does.
  useLeaveGuard(Boolean(form.values.memberId) || form.values.name.trim() !== '' || form.values.role.trim() !== '')
  const submit = useFormSubmit(form, (values) => add.mutateAsync(inputOf(values)).then(() => form.setValues({ memberId: null, name: '', role: '' })))
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
                      onClick={() => remove.mutate({ id: p.id })}
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
        <form noValidate onSubmit={submit.onSubmit}>
          <Stack>
            <SegmentedControl
              data={[
                { value: 'team', label: t('participants.fromTeam') },
                { value: 'outside', label: t('participants.fromOutside') },
              ]}
              {...form.getInputProps('kind')}
              w="fit-content"
            />
            <Group align="flex-end">
              {form.values.kind === 'team' ? (
                <Select
                  label={t('participants.person')}
                  data={(members.data ?? [])
                    .filter((m) => !already.has(m.id))
                    .map((m) => ({ value: String(m.id), label: `${m.firstName} ${m.lastName}` }))}
                  {...form.getInputProps('memberId')}
                  searchable
                  w={260}
                />
              ) : (
                <TextInput label={t('participants.name')} placeholder={t('participants.namePlaceholder')} {...form.getInputProps('name')} w={260} />
              )}
              <TextInput
                label={t('participants.role')}
                placeholder={t('participants.rolePlaceholder')}
                {...form.getInputProps('role')}
                style={{ flex: 1 }}
              />
              <Button type="submit" loading={submit.saving}>
                {t('participants.add')}
              </Button>
            </Group>
            <FormError message={submit.failure} />
          </Stack>
        </form>
      </Paper>
    </Stack>
  )
}
