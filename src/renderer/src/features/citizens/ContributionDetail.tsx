import { Alert, Divider, Drawer, Group, Loader, Stack, Table, Text, Title } from '@mantine/core'
import { useModals } from '@mantine/modals'
import { IconMapPin } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { INPUT_KIND_LABELS, REPORT_REASON_LABELS, REPORT_REASONS, TOPIC_LABELS } from '@shared/relay/vocabulary'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { formatCoordinates, formatDateTime } from '../../lib/format'
import { CitizenText } from './CitizenText'
import { ContributionDecisions, ContributionSyncState } from './ContributionActions'
import { ContributionBadges } from './ContributionBadges'
import { ContributionLinks } from './ContributionLinks'
import { PhotoGallery } from './ContributionPhoto'

/** One contribution in full, opened from the list: reading it marks it as seen. */
export function ContributionDrawer({ id, onClose }: { id: number | null; onClose(): void }) {
  const { t } = useTranslation()
  // Échap on a full-size photo, or in a confirmation asked from the panel (a citizen's link, « Transformer en
  // projet »), closes that only: the panel under it stays open (Mantine hands Échap to every open one at once).
  const [photoOpen, setPhotoOpen] = useState(false)
  const confirmationOpen = useModals().modals.length > 0
  return (
    <Drawer
      opened={id !== null}
      onClose={() => {
        setPhotoOpen(false)
        onClose()
      }}
      closeOnEscape={!photoOpen && !confirmationOpen}
      position="right"
      size="xl"
      title={t('citizens.title')}
      closeButtonProps={{ 'aria-label': t('citizens.page.close') }}
    >
      {id !== null && <ContributionDetailView id={id} onPhotoViewer={setPhotoOpen} />}
    </Drawer>
  )
}

function ContributionDetailView({ id, onPhotoViewer }: { id: number; onPhotoViewer(open: boolean): void }) {
  const { t } = useTranslation()
  const detail = useApiQuery('citizens.get', { id })
  const markSeen = useApiMutation('citizens.markSeen', { failure: 'notification' })
  const unseen = detail.data?.seen === false
  const { mutate } = markSeen
  useEffect(() => {
    if (unseen) mutate({ id })
  }, [unseen, id, mutate])

  if (detail.isError) return <Alert color="orange">{detail.error.message}</Alert>
  if (!detail.data) return <Loader />
  const item = detail.data
  const heading = item.title ?? t('citizens.page.untitled', { kind: INPUT_KIND_LABELS[item.kind] })

  return (
    <Stack gap="md">
      <Stack gap={6}>
        <Title order={2} size="h3" style={{ overflowWrap: 'anywhere' }}>
          {heading}
        </Title>
        <ContributionBadges kind={item.kind} status={item.status} moderation={item.moderation} seen />
        <Text size="sm" c="dimmed">
          {item.authorDisplayName ? t('citizens.page.by', { name: item.authorDisplayName }) : t('citizens.page.anonymous')}
          {item.authorPseudonymousId ? ` (${t('citizens.page.pseudonym', { id: item.authorPseudonymousId })})` : ''} ·{' '}
          {t('citizens.page.sentOn', { date: formatDateTime(item.createdAt) })}
          {item.topic ? ` · ${TOPIC_LABELS[item.topic]}` : ''}
        </Text>
      </Stack>

      {item.address && (
        <Location label={t('citizens.page.address')}>
          <CitizenText size="sm">{item.address}</CitizenText>
        </Location>
      )}
      {item.latitude !== null && item.longitude !== null && (
        <Location label={t('citizens.page.position')}>
          <Text size="sm">{formatCoordinates(item.latitude, item.longitude)}</Text>
          <Text size="xs" c="dimmed">
            {t('citizens.page.positionNote')}
          </Text>
        </Location>
      )}

      <Stack gap={4}>
        <Text size="xs" c="dimmed" fw={600} tt="uppercase">
          {t('citizens.page.text')}
        </Text>
        <CitizenText links>{item.body}</CitizenText>
        <Text size="xs" c="dimmed">
          {t('citizens.page.plainTextNote')}
        </Text>
      </Stack>

      {item.photoList.length > 0 && (
        <Stack gap={4}>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            {t('citizens.page.photosTitle')}
          </Text>
          <PhotoGallery photos={item.photoList} onViewerChange={onPhotoViewer} />
        </Stack>
      )}

      <Stack gap={4}>
        <Text size="xs" c="dimmed" fw={600} tt="uppercase">
          {t('citizens.page.reportsTitle')}
        </Text>
        {item.reports === 0 ? (
          <Text size="sm">{t('citizens.page.noReports')}</Text>
        ) : (
          <Table withRowBorders={false} w="fit-content" aria-label={t('citizens.page.reportsTitle')}>
            <Table.Tbody>
              {REPORT_REASONS.filter((reason) => item.reportsBy[reason] > 0).map((reason) => (
                <Table.Tr key={reason}>
                  <Table.Td>{REPORT_REASON_LABELS[reason]}</Table.Td>
                  <Table.Td fw={600}>{item.reportsBy[reason]}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>

      <Divider />
      <Stack gap="sm" component="section" aria-label={t('citizens.actions.title')}>
        <Group justify="space-between" align="flex-start">
          <Title order={3} size="h4">
            {t('citizens.actions.title')}
          </Title>
          <ContributionSyncState sync={item.sync} />
        </Group>
        <ContributionDecisions key={item.id} item={item} />
      </Stack>

      <Divider />
      <Stack gap="sm" component="section" aria-label={t('citizens.links.title')}>
        <Title order={3} size="h4">
          {t('citizens.links.title')}
        </Title>
        <ContributionLinks key={item.id} item={item} />
      </Stack>

      <Divider />
      <Text size="xs" c="dimmed">
        {t('citizens.page.receivedOn', { date: formatDateTime(item.receivedAt) })}
        {item.updatedAt !== item.createdAt ? ` · ${t('citizens.page.updatedOn', { date: formatDateTime(item.updatedAt) })}` : ''}
      </Text>
    </Stack>
  )
}

/** Where the citizen said it is: the address typed, or the position the phone gave. */
function Location({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <IconMapPin size={18} aria-hidden style={{ flexShrink: 0 }} />
      <Stack gap={0}>
        <Text size="xs" c="dimmed">
          {label}
        </Text>
        {children}
      </Stack>
    </Group>
  )
}
