import { Badge, Text, type BadgeProps } from '@mantine/core'
import type { TFunction } from 'i18next'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { OUTBOX_STATE_LABELS, type OutboxItemView, type OutboxState } from '@shared/contract'
import { formatDateTime } from '../../lib/format'
import classes from './PortalTable.module.css'

export const OUTBOX_STATE_COLORS: Record<OutboxState, string> = { en_attente: 'yellow', publie: 'green', erreur: 'red' }

/** A badge saying a state in words (« En attente », « Retirée du portail », « Ouverte »): never cut to « En a… ». */
export function StateBadge({ children, ...props }: Omit<BadgeProps, 'classNames'> & { children: ReactNode }) {
  return (
    <Badge variant="light" tt="none" {...props} classNames={{ root: classes.badge, label: classes.badgeLabel }}>
      {children}
    </Badge>
  )
}

export function OutboxStateBadge({ state }: { state: OutboxState }) {
  return <StateBadge color={OUTBOX_STATE_COLORS[state]}>{OUTBOX_STATE_LABELS[state]}</StateBadge>
}

/**
 * The main process words a refusal « Le relais a refusé : <the relay's reason> »; under « Refusé par le relais : » only
 * the reason is kept, so that the line does not say it twice.
 */
const RELAY_REFUSED = /^Le relais a refusé\s*:\s*/

/** « Refusé par le relais : <reason> », the line of an item in « erreur » (its row, its notice). */
export function refusedText(t: TFunction, lastError: string | null): string {
  return lastError ? t('publications.refused', { reason: lastError.replace(RELAY_REFUSED, '') }) : t('publications.refusedNoReason')
}

/** What happened to an item, in words: when it was sent, why it waits, or why the relay refused it. */
export function OutboxStateDetail({ item }: { item: OutboxItemView }) {
  const { t } = useTranslation()
  if (item.state === 'publie')
    return (
      <Text size="sm" c="dimmed">
        {item.sentAt ? t('publications.sentAt', { date: formatDateTime(item.sentAt) }) : ''}
      </Text>
    )
  if (item.state === 'erreur')
    return (
      <Text size="sm" c="red.8">
        {refusedText(t, item.lastError)}
      </Text>
    )
  if (item.attempts === 0 || !item.lastError)
    return (
      <Text size="sm" c="dimmed">
        {t('publications.waiting')}
      </Text>
    )
  return (
    <Text size="sm" c="orange.9">
      {t('publications.nextAttempt', { count: item.attempts, date: formatDateTime(item.nextAttemptAt), reason: item.lastError })}
    </Text>
  )
}
