import { Alert, Anchor, Button, Group, Loader, Paper, Stack, Text, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { modals } from '@mantine/modals'
import { notifications } from '@mantine/notifications'
import { IconInfoCircle, IconLock, IconPlugConnected } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { portalConnectInput, type PortalStatus } from '@shared/contract'
import { errorMessage } from '../../api/client'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { FormError } from '../../components/FormError'
import { useDiscardGuard, useLeaveGuard } from '../../components/GuardedModal'
import { formatDateTime } from '../../lib/format'
import { serverFieldErrors, validateWith } from '../../lib/validation'
import { ComparisonSettings } from './ComparisonSettings'
import { ResidentCodesSection } from '../resident-codes/ResidentCodesSection'

interface ConnectValues {
  relayUrl: string
  pairingCode: string
}

/** Relay address + pairing code → the commune is connected. Also how an administrator changes relay. */
function ConnectForm({ initialRelayUrl, onDone, onCancel }: { initialRelayUrl: string; onDone(): void; onCancel?: () => void }) {
  const { t } = useTranslation()
  const connect = useApiMutation('portal.connect')
  const [failure, setFailure] = useState<string | null>(null)
  const form = useForm<ConnectValues>({
    mode: 'controlled',
    initialValues: { relayUrl: initialRelayUrl, pairingCode: '' },
    validate: (values) => validateWith(portalConnectInput, values),
  })
  const typed = form.values.relayUrl.trim() !== initialRelayUrl.trim() || form.values.pairingCode.trim() !== ''
  useLeaveGuard(typed)
  const cancel = useDiscardGuard(typed, () => onCancel?.())
  const submit = form.onSubmit(async (values) => {
    setFailure(null)
    try {
      const status = await connect.mutateAsync(values)
      notifications.show({ color: 'green', message: t('portal.connected', { commune: status.commune?.name ?? '' }) })
      onDone()
    } catch (error) {
      const fieldErrors = serverFieldErrors(error)
      form.setErrors(fieldErrors)
      // A message that belongs to a field is shown under it, once.
      setFailure(Object.keys(fieldErrors).length > 0 ? null : errorMessage(error))
    }
  })
  return (
    <form onSubmit={submit} noValidate aria-label={t('portal.connectTitle')}>
      <Stack gap="sm" maw={560}>
        <TextInput
          label={t('portal.relayUrl')}
          description={t('portal.relayUrlHelp')}
          placeholder="https://relais.example.fr"
          autoComplete="url"
          required
          {...form.getInputProps('relayUrl')}
        />
        <TextInput
          label={t('portal.pairingCode')}
          description={t('portal.pairingCodeHelp')}
          autoComplete="off"
          spellCheck={false}
          required
          {...form.getInputProps('pairingCode')}
        />
        <FormError message={failure} />
        <Group>
          <Button type="submit" loading={connect.isPending} leftSection={<IconPlugConnected size={18} />}>
            {t('portal.connect')}
          </Button>
          {onCancel && (
            <Button variant="subtle" onClick={cancel}>
              {t('common.cancel')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  )
}

function TokenStorageNote({ status }: { status: PortalStatus }) {
  const { t } = useTranslation()
  return status.tokenStorage === 'chiffre' ? (
    <Group gap={6} wrap="nowrap">
      <IconLock size={16} aria-hidden />
      <Text size="sm" c="dimmed">
        {t('portal.tokenEncrypted')}
      </Text>
    </Group>
  ) : (
    <Alert role="note" variant="light" color="gray" icon={<IconInfoCircle size={18} />} p="xs">
      <Text size="sm">{t('portal.tokenInFolder')}</Text>
    </Alert>
  )
}

/** Paramètres › Portail citoyen: the commune's connection to its relay. */
export function PortalSettings() {
  const { t } = useTranslation()
  const status = useApiQuery('portal.status', {})
  const session = useApiQuery('session.get', {})
  const disconnect = useApiMutation('portal.disconnect')
  const [changing, setChanging] = useState(false)
  const isAdmin = session.data?.profile?.isAdmin ?? false

  if (status.isPending) return <Loader />
  if (status.isError) return <FormError message={status.error.message} />
  const portal = status.data

  function confirmDisconnect() {
    modals.openConfirmModal({
      title: t('portal.disconnectTitle'),
      children: <Text>{t('portal.disconnectConfirm', { commune: portal.commune?.name ?? '' })}</Text>,
      labels: { confirm: t('portal.disconnect'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        try {
          await disconnect.mutateAsync({})
          notifications.show({ color: 'green', message: t('portal.disconnected') })
        } catch (error) {
          notifications.show({ color: 'red', title: t('common.failed'), message: errorMessage(error) })
        }
      },
    })
  }

  return (
    <Stack>
      <Paper withBorder p="lg" radius="md" aria-label={t('portal.title')}>
        <Title order={2} size="h3" mb="xs">
          {t('portal.title')}
        </Title>
        <Text size="sm" mb="md">
          {t('portal.explain')}
        </Text>
        {portal.connected && portal.commune && portal.portalUrl ? (
          <Stack gap="sm">
            <Alert color="green" variant="light" role="status" title={t('portal.isConnected', { commune: portal.commune.name })}>
              <Stack gap={4}>
                <Text size="sm">
                  {t('portal.portalAddress')}{' '}
                  <Anchor href={portal.portalUrl} target="_blank" rel="noreferrer" data-testid="portal-url">
                    {portal.portalUrl}
                  </Anchor>
                </Text>
                <Text size="sm" c="dimmed">
                  {t('portal.connectedSince', {
                    relay: portal.relayUrl,
                    date: portal.connectedAt ? formatDateTime(portal.connectedAt) : '',
                    who: portal.connectedBy ?? '',
                  })}
                </Text>
              </Stack>
            </Alert>
            <TokenStorageNote status={portal} />
            {isAdmin &&
              (changing ? (
                <ConnectForm initialRelayUrl={portal.relayUrl ?? ''} onDone={() => setChanging(false)} onCancel={() => setChanging(false)} />
              ) : (
                <Group>
                  <Button variant="default" onClick={() => setChanging(true)}>
                    {t('portal.change')}
                  </Button>
                  <Button variant="subtle" color="red" onClick={confirmDisconnect}>
                    {t('portal.disconnect')}
                  </Button>
                </Group>
              ))}
          </Stack>
        ) : (
          <Stack gap="sm">
            {portal.tokenMissing && (
              <Alert color="orange" role="alert" title={t('portal.tokenMissingTitle')}>
                {t('portal.tokenMissing', { relay: portal.relayUrl ?? '' })}
              </Alert>
            )}
            {isAdmin ? (
              <>
                <Text size="sm">{t('portal.howToConnect')}</Text>
                <ConnectForm initialRelayUrl={portal.relayUrl ?? ''} onDone={() => {}} />
                <TokenStorageNote status={portal} />
              </>
            ) : (
              <Text size="sm" c="dimmed">
                {t('portal.adminOnly')}
              </Text>
            )}
          </Stack>
        )}
      </Paper>
      <ResidentCodesSection isAdmin={isAdmin} connected={portal.connected} />
      <ComparisonSettings isAdmin={isAdmin} />
    </Stack>
  )
}
