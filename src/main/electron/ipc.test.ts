import { describe, expect, it, vi } from 'vitest'
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../../shared/bridge'
import type { Result } from '../../shared/errors'
import type { Session } from '../core/context'
import { createInvokeHandler, registerIpc, senderFrameUrl, UNTRUSTED_SENDER_MESSAGE, type EventRecipient } from './ipc'

const APP_PAGE = 'app://cap-commune/index.html'

function fakeCore(result: Result<unknown> = { ok: true, value: { ready: true } }) {
  let listener: ((event: string, payload: unknown) => void) | undefined
  const unsubscribe = vi.fn()
  return {
    invoke: vi.fn(async (_method: unknown, _input: unknown, _session: Session) => result),
    onEvent: vi.fn((l: (event: string, payload: unknown) => void) => {
      listener = l
      return unsubscribe
    }),
    emit: (event: string, payload: unknown) => listener!(event, payload),
    unsubscribe,
  }
}

const quiet = () => {}

describe('createInvokeHandler', () => {
  it('dispatches calls from the app to the core, with the run-wide session', async () => {
    const core = fakeCore()
    const session: Session = { profileId: 4 }
    const handleInvoke = createInvokeHandler({ core, session, log: quiet })
    expect(await handleInvoke(APP_PAGE, 'app.status', {})).toEqual({ ok: true, value: { ready: true } })
    expect(core.invoke).toHaveBeenCalledExactlyOnceWith('app.status', {}, session)
    await handleInvoke('app://cap-commune/membres', 'members.list', undefined)
    expect(core.invoke.mock.calls[1]?.[2]).toBe(session)
  })

  it('refuses senders that are not the app, in French, without reaching the core', async () => {
    const core = fakeCore()
    const handleInvoke = createInvokeHandler({ core, session: { profileId: null }, log: quiet })
    for (const url of ['https://evil.example/', 'file:///tmp/x.html', 'http://localhost:5173/', null, undefined]) {
      expect(await handleInvoke(url, 'members.list', {}), String(url)).toEqual({
        ok: false,
        error: { code: 'UNAUTHORIZED_CLIENT', message: UNTRUSTED_SENDER_MESSAGE },
      })
    }
    expect(core.invoke).not.toHaveBeenCalled()
    expect(UNTRUSTED_SENDER_MESSAGE).toMatch(/autorisée/)
  })

  it('trusts the dev server only when told about it', async () => {
    const core = fakeCore()
    const handleInvoke = createInvokeHandler({ core, session: { profileId: null }, devServerUrl: 'http://localhost:5173', log: quiet })
    expect((await handleInvoke('http://localhost:5173/', 'app.status', {})).ok).toBe(true)
  })

  it('turns an unexpected throw into the generic French error envelope', async () => {
    const core = fakeCore()
    core.invoke.mockRejectedValueOnce(new Error('boom'))
    const log = vi.fn()
    const result = await createInvokeHandler({ core, session: { profileId: null }, log })(APP_PAGE, 'app.status', {})
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringMatching(/inattendue/) } })
    expect(log).toHaveBeenCalled()
  })
})

describe('senderFrameUrl', () => {
  it('reads the frame URL, or null when the frame is gone', () => {
    expect(senderFrameUrl({ senderFrame: { url: APP_PAGE } } as never)).toBe(APP_PAGE)
    expect(senderFrameUrl({ senderFrame: null })).toBeNull()
    const destroyed = {
      get senderFrame(): never {
        throw new Error('Render frame was disposed')
      },
    }
    expect(senderFrameUrl(destroyed)).toBeNull()
  })
})

function recipient(url: string, destroyed = false) {
  return { isDestroyed: () => destroyed, getURL: () => url, send: vi.fn((_channel: string, ..._args: unknown[]) => {}) } satisfies EventRecipient
}

describe('registerIpc', () => {
  function setUp() {
    const core = fakeCore()
    let handler: ((event: unknown, ...args: unknown[]) => unknown) | undefined
    const ipcMain = {
      handle: vi.fn((channel: string, listener: (event: unknown, ...args: unknown[]) => unknown) => {
        handler = listener
      }),
      removeHandler: vi.fn(),
    }
    const app = recipient(APP_PAGE)
    const foreign = recipient('https://evil.example/')
    const closed = recipient(APP_PAGE, true)
    const teardown = registerIpc({
      ipcMain,
      core,
      session: { profileId: 1 },
      eventRecipients: () => [app, foreign, closed],
      log: quiet,
    })
    return { core, ipcMain, app, foreign, closed, teardown, call: (event: unknown, ...args: unknown[]) => handler!(event, ...args) }
  }

  it('answers the invoke channel, checking the sender frame', async () => {
    const { ipcMain, core, call } = setUp()
    expect(ipcMain.handle).toHaveBeenCalledWith(IPC_INVOKE_CHANNEL, expect.any(Function))
    expect(await call({ senderFrame: { url: APP_PAGE } }, 'app.status', {})).toMatchObject({ ok: true })
    expect(await call({ senderFrame: { url: 'https://evil.example/' } }, 'app.status', {})).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHORIZED_CLIENT' },
    })
    expect(core.invoke).toHaveBeenCalledTimes(1)
  })

  it('forwards core events to the app windows only', () => {
    const { core, app, foreign, closed } = setUp()
    core.emit('data.changed', { domains: ['members'] })
    expect(app.send).toHaveBeenCalledExactlyOnceWith(IPC_EVENT_CHANNEL, 'data.changed', { domains: ['members'] })
    expect(foreign.send).not.toHaveBeenCalled()
    expect(closed.send).not.toHaveBeenCalled()
  })

  it('tears down both directions', () => {
    const { core, ipcMain, teardown } = setUp()
    teardown()
    expect(core.unsubscribe).toHaveBeenCalled()
    expect(ipcMain.removeHandler).toHaveBeenCalledWith(IPC_INVOKE_CHANNEL)
  })
})
