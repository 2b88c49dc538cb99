import type { AppErrorShape, Result } from './errors'
import type { EventName, EventPayload, MethodName } from './contract'

/** IPC channel names, shared by the preload and the main process. */
export const IPC_INVOKE_CHANNEL = 'cap-commune:invoke'
export const IPC_EVENT_CHANNEL = 'cap-commune:event'

/** What the preload exposes on `window.capCommune`, and nothing more. */
export interface CapCommuneBridge {
  invoke(method: MethodName, input: unknown): Promise<Result<unknown>>
  on<E extends EventName>(event: E, callback: (payload: EventPayload<E>) => void): () => void
}

export type { AppErrorShape, Result }
