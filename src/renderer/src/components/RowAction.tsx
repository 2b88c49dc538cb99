import { ActionIcon, Tooltip } from '@mantine/core'
import type { ReactNode } from 'react'

interface RowActionProps {
  /** The action, e.g. "Modifier". */
  label: string
  /** What it applies to, read by screen readers after the label ("Modifier Marie Lambert"). */
  target: string
  icon: ReactNode
  danger?: boolean
  onClick(): void
}

/** An icon button in a table row, with a tooltip and an accessible name that says what it acts on. */
export function RowAction({ label, target, icon, danger, onClick }: RowActionProps) {
  return (
    <Tooltip label={label}>
      <ActionIcon variant="subtle" color={danger ? 'red' : undefined} aria-label={`${label} ${target}`} onClick={onClick}>
        {icon}
      </ActionIcon>
    </Tooltip>
  )
}
