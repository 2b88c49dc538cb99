import { Alert, Badge, Button, Group, Loader, NumberInput, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { confirmRemoval } from '../../components/confirmRemoval'
import { notifications } from '@mantine/notifications'
import { IconBan, IconPlus, IconPrinter } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { residentBatchCreateInput, type ResidentBatchCreateInput, type ResidentBatchView } from '@shared/contract'
import { call, errorMessage } from '../../api/client'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { FormActions } from '../../components/FormActions'
import { FormError } from '../../components/FormError'
import { GuardedModal, useDiscardGuard } from '../../components/GuardedModal'
import { saveReceivedFile } from '../../lib/files'
import { formatDate, formatInteger } from '../../lib/format'
import { useFormSubmit } from '../../lib/use-form-submit'
import { validateWith } from '../../lib/validation'

interface BatchValues {
  label: string
  count: number | string
}

/** Label and number of codes; the relay makes them, so a refusal (relay down) keeps what was typed. */
function BatchForm({ onDone, onCancel }: { onDone(): void; onCancel(): void }) {
  const { t } = useTranslation()
  const create = useApiMutation('residentCodes.create')
  const form = useForm<BatchValues>({
    mode: 'controlled',
    initialValues: { label: '', count: '' },
    validate: (values) => validateWith(residentBatchCreateInput, values),
  })
  const submit = useFormSubmit(
    form,
    async (values) => {
      const batch = await create.mutateAsync(values as ResidentBatchCreateInput)
      notifications.show({ color: 'green', message: t('residentCodes.created', { label: batch.label, count: batch.count }) })
    },
    onDone,
  )
  const cancel = useDiscardGuard(form.isDirty(), onCancel)
  return (
    <form noValidate onSubmit={submit.onSubmit}>
      <Stack>
        <TextInput
          label={t('residentCodes.fields.label')}
          description={t('residentCodes.fields.labelHelp')}
          required
          data-autofocus
          {...form.getInputProps('label')}
        />
        <NumberInput
          label={t('residentCodes.fields.count')}
          description={t('residentCodes.fields.countHelp')}
          required
          min={1}
          max={5000}
          clampBehavior="none"
          allowDecimal={false}
          allowNegative={false}
          thousandSeparator=" "
          maw={240}
          {...form.getInputProps('count')}
        />
        <Text size="sm" c="dimmed">
          {t('residentCodes.needsRelay')}
        </Text>
        <FormActions submit={submit} submitLabel={t('residentCodes.create')} onCancel={cancel} />
      </Stack>
    </form>
  )
}

function unused(batch: ResidentBatchView): number | null {
  return batch.used === null ? null : batch.count - batch.used
}

/** Paramètres › Portail citoyen › Codes habitant: batches, their letters to print, revocation. Administrators only. */
export function ResidentCodesSection({ isAdmin, connected }: { isAdmin: boolean; connected: boolean }) {
  const { t } = useTranslation()
  const list = useApiQuery('residentCodes.list', {}, { enabled: isAdmin })
  // confirmRemoval shows a refusal.
  const revoke = useApiMutation('residentCodes.revoke')
  const [creating, setCreating] = useState(false)
  const [printing, setPrinting] = useState<number | null>(null)

  async function printLetters(batch: ResidentBatchView) {
    setPrinting(batch.id)
    try {
      const file = await call('residentCodes.letters', { id: batch.id })
      saveReceivedFile(file)
      notifications.show({ color: 'green', message: t('residentCodes.lettersReady', { label: batch.label, pages: file.pageCount }) })
    } catch (error) {
      notifications.show({ color: 'red', title: t('common.failed'), message: errorMessage(error) })
    } finally {
      setPrinting(null)
    }
  }

  function confirmRevoke(batch: ResidentBatchView) {
    const left = unused(batch)
    confirmRemoval({
      title: t('residentCodes.revokeTitle'),
      message:
        left === null
          ? t('residentCodes.revokeConfirmUnknown', { label: batch.label })
          : t('residentCodes.revokeConfirm', { label: batch.label, unused: formatInteger(left) }),
      confirm: t('residentCodes.revoke'),
      remove: () => revoke.mutateAsync({ id: batch.id }),
      removed: () => notifications.show({ color: 'green', message: t('residentCodes.revoked', { label: batch.label }) }),
    })
  }

  return (
    <Paper withBorder p="lg" radius="md" aria-label={t('residentCodes.title')}>
      <Group justify="space-between" align="flex-start" mb="xs">
        <Title order={2} size="h3">
          {t('residentCodes.title')}
        </Title>
        {isAdmin && connected && (
          <Button leftSection={<IconPlus size={18} />} onClick={() => setCreating(true)}>
            {t('residentCodes.new')}
          </Button>
        )}
      </Group>
      <Text size="sm" mb="md" maw={760}>
        {t('residentCodes.explain')}
      </Text>
      {!isAdmin ? (
        <Text size="sm" c="dimmed">
          {t('residentCodes.adminOnly')}
        </Text>
      ) : list.isError ? (
        <FormError message={list.error.message} />
      ) : !list.data ? (
        <Loader />
      ) : (
        <Stack gap="sm">
          {!connected && (
            <Text size="sm" c="dimmed">
              {t('residentCodes.notConnected')}
            </Text>
          )}
          {list.data.problem && (
            <Alert color="orange" variant="light" role="status">
              {list.data.problem}
            </Alert>
          )}
          {list.data.batches.length === 0 ? (
            connected && <Text size="sm">{t('residentCodes.empty')}</Text>
          ) : (
            <Table striped verticalSpacing="sm" aria-label={t('residentCodes.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('residentCodes.columns.label')}</Table.Th>
                  <Table.Th ta="right">{t('residentCodes.columns.count')}</Table.Th>
                  <Table.Th ta="right">{t('residentCodes.columns.used')}</Table.Th>
                  <Table.Th ta="right">{t('residentCodes.columns.unused')}</Table.Th>
                  <Table.Th>{t('residentCodes.columns.created')}</Table.Th>
                  <Table.Th>{t('residentCodes.columns.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.batches.map((batch) => {
                  const left = unused(batch)
                  return (
                    <Table.Tr key={batch.id}>
                      <Table.Td style={{ overflowWrap: 'anywhere' }} maw={300}>
                        <Stack gap={4}>
                          <Text fw={600} size="sm">
                            {batch.label}
                          </Text>
                          {batch.revokedAt && (
                            <Badge color="gray" variant="light" tt="none" w="fit-content">
                              {t('residentCodes.revokedBadge', { date: formatDate(batch.revokedAt) })}
                            </Badge>
                          )}
                          {batch.otherRelay && (
                            <Badge color="orange" variant="light" tt="none" w="fit-content">
                              {t('residentCodes.otherRelay')}
                            </Badge>
                          )}
                        </Stack>
                      </Table.Td>
                      <Table.Td ta="right">{formatInteger(batch.count)}</Table.Td>
                      <Table.Td ta="right">{batch.used === null ? t('residentCodes.unknownCount') : formatInteger(batch.used)}</Table.Td>
                      <Table.Td ta="right">{left === null ? t('residentCodes.unknownCount') : formatInteger(left)}</Table.Td>
                      <Table.Td>
                        <Text size="sm">{t('residentCodes.createdLine', { date: formatDate(batch.createdAt), who: batch.createdBy })}</Text>
                      </Table.Td>
                      <Table.Td>
                        {!batch.revokedAt && !batch.otherRelay && (
                          <Group gap="xs" wrap="nowrap">
                            <Button
                              size="compact-sm"
                              variant="default"
                              leftSection={<IconPrinter size={16} />}
                              loading={printing === batch.id}
                              onClick={() => void printLetters(batch)}
                              aria-label={`${t('residentCodes.letters')} « ${batch.label} »`}
                            >
                              {t('residentCodes.letters')}
                            </Button>
                            <Button
                              size="compact-sm"
                              variant="subtle"
                              color="red"
                              leftSection={<IconBan size={16} />}
                              onClick={() => confirmRevoke(batch)}
                              aria-label={`${t('residentCodes.revoke')} « ${batch.label} »`}
                            >
                              {t('residentCodes.revoke')}
                            </Button>
                          </Group>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  )
                })}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      )}
      <GuardedModal opened={creating} onClose={() => setCreating(false)} title={t('residentCodes.new')}>
        {creating && <BatchForm onDone={() => setCreating(false)} onCancel={() => setCreating(false)} />}
      </GuardedModal>
    </Paper>
  )
}
