import { notifications, type NotificationData } from '@mantine/notifications'
import { IconAlertTriangle, IconCircleCheck, IconClockHour4 } from '@tabler/icons-react'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { OutboxItemView } from '@shared/contract'
import { OUTBOX_STATE_COLORS, refusedText } from './OutboxState'

/** What the notice of one send says while the relay has not answered, then once the relay has it. */
export interface PortalNoticeTexts {
  waiting: string
  sent: string
}

export type PortalNotice = ReturnType<typeof usePortalNotice>

/** A « publiée » line closes by itself after this; a waiting or refused one stays until closed. */
export const SENT_NOTICE_MS = 5_000

interface Followed {
  texts: PortalNoticeTexts
  /** The item as the write returned it: what is said until the screen's list holds it (or a newer version). */
  returned: OutboxItemView
}

const ICONS = { en_attente: IconClockHour4, publie: IconCircleCheck, erreur: IconAlertTriangle }

function portalNoticeId(itemId: number): string {
  return `portail-${itemId}`
}

/**
 * The notice shown after something is sent to the portal (published, withdrawn, published again), following its
 * outbox item until closed: « … sera publiée dès que le relais répondra » while it waits, the success line once sent,
 * the relay's reason when refused. It reads the item from `items` — what the screen's rows show —, so the notice
 * never says other than the row beside it. One notice per outbox item (its id): a second send of the same thing
 * replaces the first notice's words. Leaving the screen closes its notices, which could no longer follow anything.
 */
export function usePortalNotice(items: readonly (OutboxItemView | null | undefined)[]) {
  const { t } = useTranslation()
  const [followed, setFollowed] = useState<ReadonlyMap<number, Followed>>(new Map())
  // What each open notice says now, so that it is only updated when that changes.
  const shown = useRef(new Map<number, string>())

  const forget = useCallback((itemId: number) => {
    shown.current.delete(itemId)
    setFollowed((current) => {
      const next = new Map(current)
      next.delete(itemId)
      return next
    })
  }, [])

  /** Follows the item a write returned (null: nothing went to the outbox, nothing to follow). */
  const follow = useCallback((item: OutboxItemView | null, texts: PortalNoticeTexts) => {
    if (!item) return
    setFollowed((current) => new Map(current).set(item.id, { texts, returned: item }))
  }, [])

  /** Follows the item of a write once it answered; a failure is left to the caller (the write's hook, a form). */
  const after = useCallback(
    async <T extends { item: OutboxItemView | null }>(write: Promise<T>, texts: PortalNoticeTexts): Promise<T> => {
      const answer = await write
      follow(answer.item, texts)
      return answer
    },
    [follow],
  )

  useEffect(() => {
    for (const [itemId, { texts, returned }] of followed) {
      const listed = items.find((candidate) => candidate?.id === itemId)
      // The list may still hold the version before this write (a refresh not yet back): the write's answer is newer.
      const item = listed && listed.updatedAt >= returned.updatedAt ? listed : returned
      const notice = noticeOf(item, texts, refusedText(t, item.lastError))
      const said = `${item.state}|${String(notice.message)}`
      if (shown.current.get(itemId) === said) continue
      const data: NotificationData = {
        ...notice,
        id: portalNoticeId(itemId),
        closeButtonProps: { 'aria-label': t('publications.closeNotice') },
        onClose: () => forget(itemId),
      }
      if (shown.current.has(itemId)) notifications.update(data)
      else notifications.show(data)
      shown.current.set(itemId, said)
    }
  })

  useEffect(() => {
    const open = shown.current
    return () => {
      for (const itemId of [...open.keys()]) notifications.hide(portalNoticeId(itemId))
    }
  }, [])

  return { follow, after }
}

function noticeOf(item: OutboxItemView, texts: PortalNoticeTexts, refused: string): NotificationData {
  const Icon = ICONS[item.state]
  return {
    // The screen reader says each new state without interrupting (the row beside it says the same).
    role: 'status',
    // It may wait long (a commune not yet connected): below, it hides neither the header nor the page's first button.
    position: 'bottom-right',
    color: OUTBOX_STATE_COLORS[item.state],
    icon: <Icon size={18} />,
    title: item.label,
    message: item.state === 'publie' ? texts.sent : item.state === 'erreur' ? refused : texts.waiting,
    autoClose: item.state === 'publie' ? SENT_NOTICE_MS : false,
  }
}
