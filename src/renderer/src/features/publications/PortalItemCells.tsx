import { Button, Menu, Stack, Table } from '@mantine/core'
import { IconChevronDown, IconPencil, IconWorld, IconWorldOff } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { OutboxItemView } from '@shared/contract'
import { OutboxStateBadge, OutboxStateDetail, StateBadge } from './OutboxState'
import classes from './PortalTable.module.css'

/** Where an item written here (a news item, a poll) stands on the portal: withdrawn, or its outbox state in words. */
export function PortalStateCell({ withdrawn, withdrawnLabel, item }: { withdrawn: boolean; withdrawnLabel: string; item: OutboxItemView | null }) {
  return (
    <Stack gap={4} className={classes.stateCell}>
      {withdrawn ? <StateBadge color="gray">{withdrawnLabel}</StateBadge> : item && <OutboxStateBadge state={item.state} />}
      {item && <OutboxStateDetail item={item} />}
    </Stack>
  )
}

/**
 * A table of the portal's items in its frame: below `minWidth` (a narrow window) it scrolls inside the frame rather
 * than spilling out of it, and its actions cells (PortalActionsCell) stack their buttons when the frame is narrow.
 */
export function PortalTableContainer({ minWidth, children }: { minWidth: number; children: ReactNode }) {
  return (
    <Table.ScrollContainer minWidth={minWidth} className={classes.container}>
      {children}
    </Table.ScrollContainer>
  )
}

/** The « Actions » cell of a row: as wide as its buttons, so that the columns of words keep their width. */
export function PortalActionsCell({ children }: { children: ReactNode }) {
  return (
    <Table.Td className={classes.actionsCell}>
      <div className={classes.actions}>{children}</div>
    </Table.Td>
  )
}

interface PortalItemActionsProps {
  /** Names the item in the button's accessible name (« Actions pour « … » »): every row has one. */
  title: string
  withdrawn: boolean
  onEdit(): void
  /** Asks first (the caller's confirmation). */
  onWithdraw(): void
  onRepublish(): void
}

/**
 * One « Actions » button opening « Modifier », then « Retirer du portail » — or « Publier de nouveau » once withdrawn.
 * Three buttons a row took most of the table at 1366 px and squeezed the state column to a word a line; the menu
 * keeps every action one click away and reachable with the keyboard (Entrée, the arrows, Échap).
 */
export function PortalItemActions({ title, withdrawn, onEdit, onWithdraw, onRepublish }: PortalItemActionsProps) {
  const { t } = useTranslation()
  return (
    <Menu position="bottom-end" shadow="md">
      <Menu.Target>
        <Button size="compact-sm" variant="default" rightSection={<IconChevronDown size={14} />} aria-label={t('publications.actionsFor', { title })}>
          {t('publications.actions')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconPencil size={16} />} onClick={onEdit}>
          {t('common.edit')}
        </Menu.Item>
        <Menu.Divider />
        {withdrawn ? (
          <Menu.Item leftSection={<IconWorld size={16} />} onClick={onRepublish}>
            {t('publications.republishItem')}
          </Menu.Item>
        ) : (
          <Menu.Item color="red" leftSection={<IconWorldOff size={16} />} onClick={onWithdraw}>
            {t('publications.withdrawItem')}
          </Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  )
}
