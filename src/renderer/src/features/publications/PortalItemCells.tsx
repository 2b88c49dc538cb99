import { Badge, Button, Group, Stack } from '@mantine/core'
import { IconPencil, IconWorld, IconWorldOff } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { OutboxItemView } from '@shared/contract'
import { OutboxStateBadge, OutboxStateDetail } from './OutboxState'

/** Where an item written here (a news item, a poll) stands on the portal: withdrawn, or its outbox state in words. */
export function PortalStateCell({ withdrawn, withdrawnLabel, item }: { withdrawn: boolean; withdrawnLabel: string; item: OutboxItemView | null }) {
  return (
    <Stack gap={4}>
      {withdrawn ? (
        <Badge color="gray" variant="light" tt="none" w="fit-content">
          {withdrawnLabel}
        </Badge>
      ) : (
        item && <OutboxStateBadge state={item.state} />
      )}
      {item && <OutboxStateDetail item={item} />}
    </Stack>
  )
}

interface PortalItemButtonsProps {
  /** Names the item in the buttons' accessible names (« Modifier « … » »). */
  title: string
  withdrawn: boolean
  onEdit(): void
  /** Asks first (the caller's confirmation). */
  onWithdraw(): void
  onRepublish(): void
}

/** « Modifier », then « Retirer du portail » — or « Publier de nouveau » once withdrawn. */
export function PortalItemButtons({ title, withdrawn, onEdit, onWithdraw, onRepublish }: PortalItemButtonsProps) {
  const { t } = useTranslation()
  return (
    <Group gap="xs" wrap="nowrap">
      <Button
        size="compact-sm"
        variant="default"
        leftSection={<IconPencil size={16} />}
        onClick={onEdit}
        aria-label={`${t('common.edit')} « ${title} »`}
      >
        {t('common.edit')}
      </Button>
      {withdrawn ? (
        <Button
          size="compact-sm"
          variant="light"
          leftSection={<IconWorld size={16} />}
          onClick={onRepublish}
          aria-label={`${t('publications.republishItem')} « ${title} »`}
        >
          {t('publications.republishItem')}
        </Button>
      ) : (
        <Button
          size="compact-sm"
          variant="subtle"
          color="red"
          leftSection={<IconWorldOff size={16} />}
          onClick={onWithdraw}
          aria-label={`${t('publications.withdrawItem')} « ${title} »`}
        >
          {t('publications.withdrawItem')}
        </Button>
      )}
    </Group>
  )
}
