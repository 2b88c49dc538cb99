import { Text } from '@mantine/core'
import { modals } from '@mantine/modals'
import { notifications } from '@mantine/notifications'
import { errorMessage } from '../api/client'
import { i18n } from '../i18n'

export interface ConfirmRemovalOptions {
  title: string
  message: string
  /** The red button's words when it is not « Supprimer » (« Retirer du portail », « Révoquer »). */
  confirm?: string
  /** The removal itself; a failure is shown in French and nothing else happens. */
  remove(): Promise<unknown>
  /** Runs once the removal succeeded (leave the page of what was removed). */
  removed?: () => unknown
  /** Runs after the attempt, failed or not (usually: refresh what is shown). */
  after?: () => Promise<unknown>
}

/** Asks before anything is deleted or withdrawn: a red "Supprimer" (or `confirm`) and a "Annuler". */
export function confirmRemoval({ title, message, confirm, remove, removed, after }: ConfirmRemovalOptions): void {
  modals.openConfirmModal({
    title,
    children: <Text>{message}</Text>,
    labels: { confirm: confirm ?? i18n.t('common.remove'), cancel: i18n.t('common.cancel') },
    confirmProps: { color: 'red' },
    onConfirm: async () => {
      try {
        await remove()
        await removed?.()
      } catch (error) {
        notifications.show({ color: 'red', title: i18n.t('common.failed'), message: errorMessage(error) })
      }
      await after?.()
    },
  })
}
