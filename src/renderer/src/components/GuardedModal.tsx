import { Modal, Text, type ModalProps } from '@mantine/core'
import { modals } from '@mantine/modals'
import { createContext, useContext, useEffect, useMemo, useRef } from 'react'
import { i18n } from '../i18n'

/** Asks before what was typed is thrown away: « Continuer la saisie » (the default) or « Abandonner la saisie ». */
export function confirmDiscard(discard: () => void): void {
  modals.openConfirmModal({
    title: i18n.t('forms.discardTitle'),
    children: <Text>{i18n.t('forms.discardMessage')}</Text>,
    labels: { confirm: i18n.t('forms.discard'), cancel: i18n.t('forms.keepEditing') },
    confirmProps: { color: 'red' },
    onConfirm: discard,
  })
}

interface Guard {
  setDirty(dirty: boolean): void
  requestClose(): void
}

const GuardContext = createContext<Guard | null>(null)

/**
 * A modal holding a form: Échap, the × or a click beside it close it at once while nothing was typed, and ask first
 * (confirmDiscard) once the form inside reports, with useDiscardGuard, that something would be lost.
 */
export function GuardedModal({ onClose, children, ...props }: ModalProps) {
  const dirty = useRef(false)
  const closeRef = useRef(onClose)
  useEffect(() => {
    closeRef.current = onClose
  })
  const guard = useMemo<Guard>(
    () => ({
      setDirty: (next) => {
        dirty.current = next
      },
      requestClose: () => (dirty.current ? confirmDiscard(() => closeRef.current()) : closeRef.current()),
    }),
    [],
  )
  return (
    <GuardContext.Provider value={guard}>
      <Modal {...props} onClose={guard.requestClose}>
        {children}
      </Modal>
    </GuardContext.Provider>
  )
}

/**
 * Tells the GuardedModal around a form whether closing now would lose something typed, and returns what « Annuler »
 * does: close that modal (asking first when dirty) — or, outside a modal, `cancel` (asking first when dirty).
 */
export function useDiscardGuard(dirty: boolean, cancel: () => void): () => void {
  const guard = useContext(GuardContext)
  useEffect(() => {
    guard?.setDirty(dirty)
    return () => guard?.setDirty(false)
  }, [guard, dirty])
  if (guard) return guard.requestClose
  return () => (dirty ? confirmDiscard(cancel) : cancel())
}
