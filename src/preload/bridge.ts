import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, type CapCommuneBridge } from '../shared/bridge'

/** The part of Electron's ipcRenderer the bridge uses, so it can be tested with a fake. */
export interface BridgeIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown
}

/**
 * What the page gets: one call to reach the core and one way to hear its events. The IPC event object (which
 * gives access to ipcRenderer) never reaches the page, and the channels are fixed here, not chosen by the page.
 */
export function createCapCommuneBridge(ipc: BridgeIpc): CapCommuneBridge {
  return {
    invoke: (method, input) => ipc.invoke(IPC_INVOKE_CHANNEL, method, input) as ReturnType<CapCommuneBridge['invoke']>,
    on(event, callback) {
      const listener = (_event: unknown, name: unknown, payload: unknown) => {
        if (name === event) callback(payload as Parameters<typeof callback>[0])
      }
      ipc.on(IPC_EVENT_CHANNEL, listener)
      return () => {
        ipc.removeListener(IPC_EVENT_CHANNEL, listener)
      }
    },
  }
}
