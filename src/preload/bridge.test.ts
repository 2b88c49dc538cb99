import { describe, expect, it, vi } from 'vitest'
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../shared/bridge'
import { createCapCommuneBridge, type BridgeIpc } from './bridge'

type Listener = (event: unknown, ...args: unknown[]) => void

/** A stand-in for ipcRenderer that keeps its listeners, like Electron's EventEmitter does. */
function fakeIpc() {
  const listeners = new Map<string, Set<Listener>>()
  const ipc = {
    invoke: vi.fn(async (_channel: string, ..._args: unknown[]): Promise<unknown> => ({ ok: true, value: 42 })),
    on: vi.fn((channel: string, listener: Listener) => {
      listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener))
    }),
    removeListener: vi.fn((channel: string, listener: Listener) => {
      listeners.get(channel)?.delete(listener)
    }),
  } satisfies BridgeIpc
  const senderEvent = { sender: 'ipcRenderer itself', ports: [] }
  return {
    ipc,
    emit: (channel: string, ...args: unknown[]) => listeners.get(channel)?.forEach((listener) => listener(senderEvent, ...args)),
    count: (channel: string) => listeners.get(channel)?.size ?? 0,
  }
}

describe('createCapCommuneBridge', () => {
  it('exposes exactly invoke and on', () => {
    expect(Object.keys(createCapCommuneBridge(fakeIpc().ipc)).sort()).toEqual(['invoke', 'on'])
  })

  it('invokes the core on the fixed channel and returns its envelope', async () => {
    const { ipc } = fakeIpc()
    const bridge = createCapCommuneBridge(ipc)
    await expect(bridge.invoke('members.list', { page: 1 })).resolves.toEqual({ ok: true, value: 42 })
    expect(ipc.invoke).toHaveBeenCalledExactlyOnceWith(IPC_INVOKE_CHANNEL, 'members.list', { page: 1 })
  })

  it('delivers only the subscribed event, with its payload and without the IPC event object', () => {
    const fake = fakeIpc()
    const bridge = createCapCommuneBridge(fake.ipc)
    const onChange = vi.fn()
    bridge.on('data.changed', onChange)
    fake.emit(IPC_EVENT_CHANNEL, 'progress', { task: 'import', done: 1, total: 2, label: 'Import' })
    expect(onChange).not.toHaveBeenCalled()
    fake.emit(IPC_EVENT_CHANNEL, 'data.changed', { domains: ['members'] })
    expect(onChange).toHaveBeenCalledExactlyOnceWith({ domains: ['members'] })
    expect(fake.ipc.on).toHaveBeenCalledWith(IPC_EVENT_CHANNEL, expect.any(Function))
  })

  it('returns an unsubscribe function that stops delivery and frees the listener', () => {
    const fake = fakeIpc()
    const bridge = createCapCommuneBridge(fake.ipc)
    const first = vi.fn()
    const second = vi.fn()
    const unsubscribeFirst = bridge.on('data.changed', first)
    bridge.on('data.changed', second)
    expect(fake.count(IPC_EVENT_CHANNEL)).toBe(2)
    unsubscribeFirst()
    expect(fake.count(IPC_EVENT_CHANNEL)).toBe(1)
    fake.emit(IPC_EVENT_CHANNEL, 'data.changed', { domains: [] })
    expect(first).not.toHaveBeenCalled()
    expect(second).toHaveBeenCalledTimes(1)
  })
})
