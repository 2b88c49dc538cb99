import { Button } from '@mantine/core'
import { IconTrash } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { confirmRemoval, type ConfirmRemovalOptions } from './confirmRemoval'

/** A page's red « Supprimer … » button: asks through confirmRemoval before anything is removed. */
export function RemoveButton({ removal, children }: { removal: ConfirmRemovalOptions; children: ReactNode }) {
  return (
    <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={() => confirmRemoval(removal)}>
      {children}
    </Button>
  )
}
