import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../../shared/bridge'
import { GENERIC_INTERNAL_MESSAGE, type Result } from '../../shared/errors'
import type { Core } from '../core/core'
import type { Session } from '../core/context'
import { isAppUrl, isTrustedSender } from './guards'

export const UNTRUSTED_SENDER_MESSAGE = "Cette page n'est pas autorisée à communiquer avec Cap Commune. Fermez-la et rouvrez l'application."

export type InvokeHandler = (senderFrameUrl: string | null | undefined, method: unknown, input: unknown) => Promise<Result<unknown>>

export interface InvokeHandlerOptions {
  core: Pick<Core, 'invoke'>
  /** One session for the whole run of the app, shared by its windows. */
  session: Session
  devServerUrl?: string
  log?: (message: string, error?: unknown) => void
}

/** Checks who is calling, then hands the call to the core. Never throws: the renderer always gets an envelope. */
export function createInvokeHandler(options: InvokeHandlerOptions): InvokeHandler {
  const log = options.log ?? ((message, error) => console.error(message, error ?? ''))
  return async (senderFrameUrl, method, input) => {
    if (!isTrustedSender(senderFrameUrl, options.devServerUrl)) {
      log(`Appel refusé depuis une page inconnue : ${String(senderFrameUrl)}`)
      return { ok: false, error: { code: 'UNAUTHORIZED_CLIENT', message: UNTRUSTED_SENDER_MESSAGE } }
    }
    try {
      return await options.core.invoke(method, input, options.session)
    } catch (error) {
      log(`Erreur interne dans ${String(method)}`, error)
      return { ok: false, error: { code: 'INTERNAL', message: GENERIC_INTERNAL_MESSAGE } }
    }
  }
}

/** The sender frame's URL; null when the frame has gone (navigated away or closed) since it called. */
export function senderFrameUrl(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): string | null {
  try {
    return event.senderFrame?.url ?? null
  } catch {
    return null
  }
}

/** A web page the core's events can be pushed to. */
export interface EventRecipient {
  isDestroyed(): boolean
  getURL(): string
  send(channel: string, ...args: unknown[]): void
}

export interface IpcOptions extends InvokeHandlerOptions {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>
  core: Pick<Core, 'invoke' | 'onEvent'>
  /** The web pages of every open window, looked up at each event. */
  eventRecipients: () => Iterable<EventRecipient>
}

/** Wires the core to the renderer: calls in on IPC_INVOKE_CHANNEL, events out on IPC_EVENT_CHANNEL. Returns a teardown. */
export function registerIpc(options: IpcOptions): () => void {
  const handleInvoke = createInvokeHandler(options)
  options.ipcMain.handle(IPC_INVOKE_CHANNEL, (event, method: unknown, input: unknown) => handleInvoke(senderFrameUrl(event), method, input))
  const unsubscribe = options.core.onEvent((name, payload) => {
    for (const target of options.eventRecipients()) {
      // Events carry app data: only pages of the app receive them.
      if (!target.isDestroyed() && isAppUrl(target.getURL(), options.devServerUrl)) target.send(IPC_EVENT_CHANNEL, name, payload)
    }
  })
  return () => {
    unsubscribe()
    options.ipcMain.removeHandler(IPC_INVOKE_CHANNEL)
  }
}
