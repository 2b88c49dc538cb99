import { ActionIcon, Badge, Button, Group, Modal, Paper, Stack, Switch, Table, Text, Textarea, TextInput, Title } from '@mantine/core'
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react'
import { useForm } from '@mantine/form'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { providerInputSchema, type TrainingProvider } from '@shared/contract'
import { useApiMutation } from '../../api/hooks'
import { confirmRemoval } from '../../components/confirmRemoval'
import { FormActions } from '../../components/FormActions'
import { useDiscardGuard } from '../../components/GuardedModal'
import { useFormSubmit } from '../../lib/use-form-submit'
import { validateWith } from '../../lib/validation'

function ProviderDialog({ provider, onClose }: { provider: TrainingProvider | null; onClose(): void }) {
  const { t } = useTranslation()
  const create = useApiMutation('training.createProvider')
  const update = useApiMutation('training.updateProvider')
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      name: provider?.name ?? '',
      approved: provider?.approved ?? false,
      approvalNumber: provider?.approvalNumber ?? '',
      contact: provider?.contact ?? '',
    },
    validate: (values) => validateWith(providerInputSchema, values),
  })
  const close = useDiscardGuard(form.isDirty(), onClose)
  const submit = useFormSubmit(
    form,
    async (values) => {
      if (provider) await update.mutateAsync({ id: provider.id, ...values })
      else await create.mutateAsync(values)
    },
    onClose,
  )
  return (
    <Modal opened onClose={close} title={provider ? t('training.providers.edit') : t('training.providers.add')}>
      <form onSubmit={submit.onSubmit} noValidate>
        <Stack>
          <TextInput label={t('training.providers.name')} {...form.getInputProps('name')} required data-autofocus />
          <Switch
            label={t('training.providers.approved')}
            description={t('training.providers.approvedHelp')}
            {...form.getInputProps('approved', { type: 'checkbox' })}
          />
          <TextInput label={t('training.providers.approvalNumber')} {...form.getInputProps('approvalNumber')} disabled={!form.values.approved} />
          <Textarea label={t('training.providers.contact')} {...form.getInputProps('contact')} autosize minRows={2} />
          <FormActions submit={submit} submitLabel={t('common.save')} onCancel={close} />
        </Stack>
      </form>
    </Modal>
  )
}

/** The organismes the commune works with: name, ministry agrément, contact. */
export function ProvidersPanel({ providers, isAdmin }: { providers: TrainingProvider[]; isAdmin: boolean }) {
  const { t } = useTranslation()
  const [editing, setEditing] = useState<TrainingProvider | null | 'new'>(null)
  const removeProvider = useApiMutation('training.removeProvider')
  return (
    <Paper withBorder p="md" radius="md" aria-label={t('training.providers.title')}>
      <Stack>
        <Group justify="space-between">
          <Stack gap={0}>
            <Title order={2} size="h4">
              {t('training.providers.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('training.providers.help')}
            </Text>
          </Stack>
          {isAdmin && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
              {t('training.providers.add')}
            </Button>
          )}
        </Group>
        {providers.length === 0 ? (
          <Text c="dimmed">{t('training.providers.empty')}</Text>
        ) : (
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('training.providers.name')}</Table.Th>
                <Table.Th>{t('training.providers.approval')}</Table.Th>
                <Table.Th>{t('training.providers.contact')}</Table.Th>
                <Table.Th>{t('training.providers.trainings')}</Table.Th>
                {isAdmin && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {providers.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td fw={600}>{p.name}</Table.Td>
                  <Table.Td>
                    {p.approved ? (
                      <Badge color="green" variant="light" tt="none">
                        {t('training.approvedNumber', { number: p.approvalNumber || '—' })}
                      </Badge>
                    ) : (
                      <Badge color="gray" variant="light" tt="none">
                        {t('training.notApproved')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-line' }}>{p.contact || '—'}</Table.Td>
                  <Table.Td>{p.trainings}</Table.Td>
                  {isAdmin && (
                    <Table.Td>
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        <ActionIcon variant="subtle" onClick={() => setEditing(p)} aria-label={t('training.providers.editFor', { name: p.name })}>
                          <IconPencil size={18} />
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t('training.providers.removeFor', { name: p.name })}
                          onClick={() =>
                            confirmRemoval({
                              title: t('training.providers.removeTitle'),
                              message: t('training.providers.removeMessage', { name: p.name, count: p.trainings }),
                              remove: () => removeProvider.mutateAsync({ id: p.id }),
                            })
                          }
                        >
                          <IconTrash size={18} />
                        </ActionIcon>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      {editing && <ProviderDialog provider={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Paper>
  )
}
