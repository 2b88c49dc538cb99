import { ActionIcon, Group, type GroupProps } from '@mantine/core'
import { IconArrowDown, IconArrowUp, IconX } from '@tabler/icons-react'

interface MoveButtonsProps extends Omit<GroupProps, 'children'> {
  /** Names the buttons' ids (`<rowKey>-up`, `<rowKey>-down`) so the focus can follow a moved row. */
  rowKey: string
  index: number
  count: number
  labels: { up: string; down: string; remove: string }
  /** Moving and removing are refused once citizens have answered. */
  disabled: boolean
  canRemove: boolean
  onMove(to: number, direction: 'up' | 'down'): void
  onRemove(): void
}

/** « Monter », « Descendre », « Retirer » for a row of a list: real buttons, reachable and usable with the keyboard. */
export function MoveButtons({ rowKey, index, count, labels, disabled, canRemove, onMove, onRemove, ...props }: MoveButtonsProps) {
  return (
    <Group gap={4} wrap="nowrap" {...props}>
      <ActionIcon
        id={`${rowKey}-up`}
        variant="default"
        size="lg"
        aria-label={labels.up}
        title={labels.up}
        disabled={disabled || index === 0}
        onClick={() => onMove(index - 1, 'up')}
      >
        <IconArrowUp size={16} />
      </ActionIcon>
      <ActionIcon
        id={`${rowKey}-down`}
        variant="default"
        size="lg"
        aria-label={labels.down}
        title={labels.down}
        disabled={disabled || index === count - 1}
        onClick={() => onMove(index + 1, 'down')}
      >
        <IconArrowDown size={16} />
      </ActionIcon>
      <ActionIcon
        variant="subtle"
        color="red"
        size="lg"
        aria-label={labels.remove}
        title={labels.remove}
        disabled={disabled || !canRemove}
        onClick={onRemove}
      >
        <IconX size={16} />
      </ActionIcon>
    </Group>
  )
}
