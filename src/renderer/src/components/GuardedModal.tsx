import { Modal, Text, type ModalProps } from '@mantine/core'
import { modals } from '@mantine/modals'
import { createContext, useContext, useEffect, useMemo, useRef, useState } from 'react'
import { useBlocker, useLocation, type Location } from 'react-router'
import { i18n } from '../i18n'

/**
 * Asks before what was typed is thrown away: « Continuer la saisie » (the default, also Échap) or « Abandonner la
 * saisie ». `keep` runs when the user stays.
 */
export function confirmDiscard(
  discard: () => void,
  { message = i18n.t('forms.discardMessage'), keep }: { message?: string; keep?: () => void } = {},
): void {
  let discarded = false
  modals.openConfirmModal({
    title: i18n.t('forms.discardTitle'),
    children: <Text>{message}</Text>,
    labels: { confirm: i18n.t('forms.discard'), cancel: i18n.t('forms.keepEditing') },
    confirmProps: { color: 'red' },
    onConfirm: () => {
      discarded = true
      discard()
    },
    onClose: () => {
      if (!discarded) keep?.()
    },
  })
}

type Move = { currentLocation: Location; nextLocation: Location }
type Leaving = (move: Move) => boolean

const leavesPage: Leaving = ({ currentLocation, nextLocation }) => currentLocation.pathname !== nextLocation.pathname
const leavingMessage = ({ currentLocation, nextLocation }: Move) =>
  currentLocation.pathname !== nextLocation.pathname ? i18n.t('forms.leaveMessage') : i18n.t('forms.discardMessage')

interface LeaveGuard {
  dirty: boolean
  leaving: Leaving
  message: (move: Move) => string
}

// Every guard on screen. A router honours only one blocker (its last), so each guard's blocker asks them all.
const guards = new Map<symbol, LeaveGuard>()
const lostBy = (move: Move) => [...guards.values()].find((guard) => guard.dirty && guard.leaving(move))
const anyGuardLost: Leaving = (move) => lostBy(move) !== undefined

export interface LeaveGuardOptions {
  /** Which moves lose the form when it is not only a change of page (another contribution opened in the same page). */
  leaving?: Leaving
  /** The question's sentence for a move: by default « en la quittant » for another page, « en fermant » otherwise. */
  message?: (move: Move) => string
}

/**
 * A page form's guard: while `dirty`, leaving the page (a link, the menu, another Paramètres tab, the browser's back)
 * asks first, with the dialogs' question; closing or reloading the window gets the browser's own warning.
 */
export function useLeaveGuard(dirty: boolean, { leaving = leavesPage, message = leavingMessage }: LeaveGuardOptions = {}): void {
  const [id] = useState(() => Symbol('leave guard'))
  useEffect(() => {
    guards.set(id, { dirty, leaving, message })
  })
  useEffect(() => () => void guards.delete(id), [id])
  const blocker = useBlocker(anyGuardLost)
  const currentLocation = useLocation()
  const asked = useRef(false)
  useEffect(() => {
    if (blocker.state !== 'blocked') {
      asked.current = false
      return
    }
    if (asked.current) return
    asked.current = true
    const move = { currentLocation, nextLocation: blocker.location }
    const sentence = (lostBy(move)?.message ?? leavingMessage)(move)
    confirmDiscard(() => blocker.proceed(), { message: sentence, keep: () => blocker.reset() })
  }, [blocker, currentLocation])
  useEffect(() => {
    if (!dirty) return
    const warn = (event: BeforeUnloadEvent) => event.preventDefault()
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [dirty])
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
