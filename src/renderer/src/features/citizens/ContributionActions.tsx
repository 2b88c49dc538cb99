import { Alert, Badge, Button, Group, Select, Stack, Text, Textarea } from '@mantine/core'
import { IconAlertTriangle, IconCloudCheck, IconCloudUpload, IconEye, IconEyeOff } from '@tabler/icons-react'
import { useState } from 'react'
import type { Location } from 'react-router'
import { useTranslation } from 'react-i18next'
import { CONTRIBUTION_SYNC_LABELS, PUBLIC_ANSWER_MAX, type ContributionDetail } from '@shared/contract'
import { INPUT_STATUS_LABELS, INPUT_STATUSES, type InputStatus } from '@shared/relay/vocabulary'
import { useApiMutation } from '../../api/hooks'
import { FormError } from '../../components/FormError'
import { useLeaveGuard } from '../../components/GuardedModal'
import { i18n } from '../../i18n'
import { formatDateTime, formatInteger } from '../../lib/format'

const SYNC_COLORS = { en_attente: 'yellow', envoye: 'teal', erreur: 'red' } as const

/** Where the mairie's last change stands on its way to the relay, with the reason of a failure and « Renvoyer ». */
export function ContributionSyncState({ sync }: { sync: ContributionDetail['sync'] }) {
  const { t } = useTranslation()
  const sendNow = useApiMutation('citizens.sendNow', { failure: 'notification' })
  if (!sync) return null
  const Icon = sync.state === 'envoye' ? IconCloudCheck : sync.state === 'erreur' ? IconAlertTriangle : IconCloudUpload
  return (
    <Stack gap={4} role="status" aria-label={t('citizens.actions.syncLabel')}>
      <Group gap="xs">
        <Badge color={SYNC_COLORS[sync.state]} variant="light" leftSection={<Icon size={14} aria-hidden />}>
          {CONTRIBUTION_SYNC_LABELS[sync.state]}
        </Badge>
        {sync.state === 'envoye' && sync.sentAt && (
          <Text size="xs" c="dimmed">
            {t('citizens.actions.sentAt', { date: formatDateTime(sync.sentAt) })}
          </Text>
        )}
        {sync.state !== 'envoye' && (
          <Button size="compact-xs" variant="subtle" loading={sendNow.isPending} onClick={() => sendNow.mutate({})}>
            {t('citizens.actions.sendNow')}
          </Button>
        )}
      </Group>
      {sync.state !== 'envoye' && (
        <Text size="xs" c={sync.state === 'erreur' ? 'red' : 'dimmed'}>
          {sync.error ?? t('citizens.actions.waiting')}
          {sync.state === 'en_attente' && sync.nextAttemptAt && sync.error
            ? ` ${t('citizens.actions.nextAttempt', { date: formatDateTime(sync.nextAttemptAt) })}`
            : ''}
        </Text>
      )}
    </Stack>
  )
}

const openContribution = (location: Location) => new URLSearchParams(location.search).get('contribution')
type Move = { currentLocation: Location; nextLocation: Location }
const leavesContribution = ({ currentLocation, nextLocation }: Move) =>
  currentLocation.pathname !== nextLocation.pathname || openContribution(currentLocation) !== openContribution(nextLocation)
const answerLostMessage = ({ currentLocation, nextLocation }: Move) =>
  i18n.t(currentLocation.pathname === nextLocation.pathname ? 'citizens.actions.answerLostOnClose' : 'citizens.actions.answerLostOnLeave')

/** Publish or hide, the status, the public answer: each saved here at once and sent to the portal. */
export function ContributionDecisions({ item }: { item: ContributionDetail }) {
  const { t } = useTranslation()
  const update = useApiMutation('citizens.update', { failure: 'notification' })
  const answer = useApiMutation('citizens.update', { success: t('citizens.actions.answerSaved') })
  const [draft, setDraft] = useState(item.publicAnswer ?? '')
  // A newer answer arriving (saved here or pulled) replaces the draft only when nothing is being typed.
  const [savedAnswer, setSavedAnswer] = useState(item.publicAnswer)
  if (item.publicAnswer !== savedAnswer) {
    setSavedAnswer(item.publicAnswer)
    if (draft.trim() === (savedAnswer ?? '')) setDraft(item.publicAnswer ?? '')
  }
  const dirty = draft.trim() !== (item.publicAnswer ?? '')
  // Closing the panel or opening another contribution (the address's ?contribution=) would drop the draft too.
  useLeaveGuard(dirty, { leaving: leavesContribution, message: answerLostMessage })
  const tooLong = draft.trim().length > PUBLIC_ANSWER_MAX

  return (
    <Stack gap="md">
      <Stack gap={6}>
        <Text size="xs" c="dimmed" fw={600} tt="uppercase">
          {t('citizens.actions.moderationTitle')}
        </Text>
        <Text size="sm">{t(`citizens.actions.moderationNow.${item.moderation}`)}</Text>
        {item.moderation === 'masquee' && item.reports > 0 && (
          <Text size="xs" c="dimmed">
            {t('citizens.actions.reportsHint')}
          </Text>
        )}
        <Group gap="xs">
          {item.moderation !== 'publiee' && (
            <Button
              size="xs"
              leftSection={<IconEye size={16} aria-hidden />}
              loading={update.isPending && update.variables?.moderation === 'publiee'}
              onClick={() => update.mutate({ id: item.id, moderation: 'publiee' })}
            >
              {t('citizens.actions.publish')}
            </Button>
          )}
          {item.moderation !== 'masquee' && (
            <Button
              size="xs"
              variant="light"
              color="red"
              leftSection={<IconEyeOff size={16} aria-hidden />}
              loading={update.isPending && update.variables?.moderation === 'masquee'}
              onClick={() => update.mutate({ id: item.id, moderation: 'masquee' })}
            >
              {t('citizens.actions.hide')}
            </Button>
          )}
        </Group>
      </Stack>

      <Select
        label={t('citizens.actions.status')}
        description={t('citizens.actions.statusHelp')}
        data={INPUT_STATUSES.map((status) => ({ value: status, label: INPUT_STATUS_LABELS[status] }))}
        value={item.status}
        allowDeselect={false}
        onChange={(value) => value && value !== item.status && update.mutate({ id: item.id, status: value as InputStatus })}
        maw={320}
        comboboxProps={{ withinPortal: true }}
      />

      <form
        onSubmit={(event) => {
          event.preventDefault()
          if (!tooLong) answer.mutate({ id: item.id, publicAnswer: draft })
        }}
      >
        <Stack gap={6}>
          <Textarea
            label={t('citizens.page.publicAnswer')}
            description={t('citizens.actions.answerHelp')}
            value={draft}
            onChange={(event) => setDraft(event.currentTarget.value)}
            autosize
            minRows={3}
            maxRows={10}
            error={tooLong ? t('citizens.actions.answerTooLong', { max: formatInteger(PUBLIC_ANSWER_MAX) }) : undefined}
          />
          <Text size="xs" c={tooLong ? 'red' : 'dimmed'} ta="right" aria-live="polite">
            {t('citizens.actions.answerCount', { count: draft.trim().length, max: formatInteger(PUBLIC_ANSWER_MAX) })}
          </Text>
          <FormError message={answer.error?.message ?? null} />
          <Group gap="xs" justify="flex-end">
            {dirty && (
              <Button variant="default" size="xs" onClick={() => setDraft(item.publicAnswer ?? '')}>
                {t('citizens.actions.answerReset')}
              </Button>
            )}
            <Button type="submit" size="xs" disabled={!dirty || tooLong} loading={answer.isPending}>
              {draft.trim() === '' && item.publicAnswer ? t('citizens.actions.answerRemove') : t('citizens.actions.answerSave')}
            </Button>
          </Group>
        </Stack>
      </form>
      {item.moderation === 'masquee' && item.publicAnswer && (
        <Alert color="gray" py={6}>
          <Text size="xs">{t('citizens.actions.hiddenAnswer')}</Text>
        </Alert>
      )}
    </Stack>
  )
}
