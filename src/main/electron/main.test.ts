import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { IPC_INVOKE_CHANNEL } from '../../shared/bridge'
import { DATABASE_FILE_NAME } from '../core/db/open'
import { fauxVillecerfSetup } from '../core/testing'

/**
 * main.ts runs against a stand-in for Electron (the real module only exists inside the Electron binary): these tests
 * check the wiring — order of start-up, what reaches the window, the IPC and the protocol — with the real core.
 */
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))

type Handler = (...args: unknown[]) => unknown

const fake = vi.hoisted(() => {
  const state = {
    log: [] as string[],
    appHandlers: new Map<string, Handler>(),
    ipcHandlers: new Map<string, Handler>(),
    protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
    windows: [] as Array<{ options: Record<string, unknown>; loadedUrl?: string; webContents: Record<string, unknown> }>,
    hasLock: true,
    isPackaged: false,
    appPath: '',
    userData: '',
    ready: Promise.resolve(),
  }
  class BrowserWindow {
    static getAllWindows = () => state.windows
    options: Record<string, unknown>
    loadedUrl?: string
    webContents = { isDestroyed: () => false, getURL: () => this.loadedUrl ?? '', send: vi.fn() }
    constructor(options: Record<string, unknown>) {
      this.options = options
      state.log.push('new BrowserWindow')
      state.windows.push(this)
    }
    once = vi.fn()
    on = vi.fn()
    show = vi.fn()
    focus = vi.fn()
    restore = vi.fn()
    isMinimized = () => false
    loadURL = vi.fn(async (url: string) => {
      this.loadedUrl = url
    })
  }
  const electron = {
    app: {
      get isPackaged() {
        return state.isPackaged
      },
      setName: vi.fn(),
      requestSingleInstanceLock: vi.fn(() => state.hasLock),
      enableSandbox: vi.fn(() => state.log.push('enableSandbox')),
      setAppUserModelId: vi.fn(),
      getAppPath: () => state.appPath,
      getPath: vi.fn(() => state.userData),
      getVersion: () => '0.1.0',
      on: vi.fn((event: string, handler: Handler) => state.appHandlers.set(event, handler)),
      whenReady: vi.fn(() => state.ready.then(() => state.log.push('ready'))),
      quit: vi.fn(() => state.log.push('quit')),
      exit: vi.fn((code: number) => state.log.push(`exit ${code}`)),
    },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(() => state.log.push('registerSchemesAsPrivileged')),
      handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response>) => state.protocolHandlers.set(scheme, handler)),
    },
    session: { defaultSession: { availableSpellCheckerLanguages: ['en-US', 'fr'], setSpellCheckerLanguages: vi.fn() } },
    ipcMain: {
      handle: vi.fn((channel: string, handler: Handler) => state.ipcHandlers.set(channel, handler)),
      removeHandler: vi.fn(),
    },
    Menu: { buildFromTemplate: vi.fn((template: unknown) => ({ template })), setApplicationMenu: vi.fn() },
    dialog: { showErrorBox: vi.fn(), showMessageBox: vi.fn(async () => ({ response: 0 })) },
    shell: { openExternal: vi.fn(async () => {}), openPath: vi.fn(async () => '') },
    // No keystore in the tests: the relay token would be a file of the data folder.
    safeStorage: { isEncryptionAvailable: () => false, encryptString: vi.fn(), decryptString: vi.fn() },
    BrowserWindow,
  }
  const updater = {
    autoDownload: false,
    autoInstallOnAppQuit: false,
    checkForUpdates: vi.fn(async () => null),
    quitAndInstall: vi.fn(),
    on: vi.fn(),
  }
  // Like electron-updater's, a getter that builds the platform's updater when first read.
  const updaterPackage = {
    get autoUpdater() {
      state.log.push('autoUpdater read')
      return updater
    },
  }
  return { state, electron, updater, updaterPackage }
})
vi.mock('electron', () => fake.electron)
vi.mock('electron-updater', () => ({ default: fake.updaterPackage }))

let dataDir: string

beforeEach(() => {
  vi.resetModules()
  vi.clearAllMocks()
  dataDir = mkdtempSync(join(tmpdir(), 'cap-commune-main-'))
  Object.assign(fake.state, {
    log: [],
    appHandlers: new Map(),
    ipcHandlers: new Map(),
    protocolHandlers: new Map(),
    windows: [],
    hasLock: true,
    isPackaged: false,
    appPath: repoRoot,
    userData: dataDir,
    ready: Promise.resolve(),
  })
  // The data folder comes from userData (no --data-dir, no CAP_COMMUNE_DATA_DIR); no dev server.
  vi.stubEnv('CAP_COMMUNE_DATA_DIR', '')
  vi.stubEnv('ELECTRON_RENDERER_URL', '')
  vi.spyOn(console, 'error').mockImplementation(() => {})
  vi.spyOn(console, 'log').mockImplementation(() => {})
})

afterEach(() => {
  // 'will-quit' closes the database.
  fake.state.appHandlers.get('will-quit')?.()
  vi.restoreAllMocks()
  vi.unstubAllEnvs()
  rmSync(dataDir, { recursive: true, force: true })
})

/** Imports main.ts (which starts the app) and waits for the 'ready' work to finish. */
async function start(): Promise<void> {
  await import('./main')
  await vi.waitFor(() => expect(fake.state.log.some((entry) => entry === 'new BrowserWindow' || entry.startsWith('exit'))).toBe(true))
}

describe('main', () => {
  it('registers the scheme and the sandbox before the app is ready', async () => {
    await start()
    const { log } = fake.state
    expect(log.indexOf('registerSchemesAsPrivileged')).toBeGreaterThanOrEqual(0)
    expect(log.indexOf('registerSchemesAsPrivileged')).toBeLessThan(log.indexOf('ready'))
    expect(log).toContain('enableSandbox')
    expect(log.indexOf('enableSandbox')).toBeLessThan(log.indexOf('ready'))
    expect(fake.electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ])
    expect(fake.electron.app.setName).toHaveBeenCalledWith('Cap Commune')
  })

  it('opens a secure window on app://cap-commune/ with the CommonJS preload', async () => {
    await start()
    const [window] = fake.state.windows
    const web = window!.options.webPreferences as Record<string, unknown>
    expect(web).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false })
    expect(web.preload).toBe(join(repoRoot, 'out', 'preload', 'index.js'))
    expect(window!.loadedUrl).toBe('app://cap-commune/')
    expect(fake.electron.session.defaultSession.setSpellCheckerLanguages).toHaveBeenCalledWith(['fr'])
    expect(fake.electron.Menu.setApplicationMenu).toHaveBeenCalled()
  })

  it('answers the renderer through the core, and refuses foreign frames', async () => {
    await start()
    const invoke = fake.state.ipcHandlers.get(IPC_INVOKE_CHANNEL)!
    const fromApp = (await invoke({ senderFrame: { url: 'app://cap-commune/index.html' } }, 'app.status', {})) as { ok: boolean }
    expect(fromApp.ok).toBe(true)
    const fromElsewhere = await invoke({ senderFrame: { url: 'https://evil.example/' } }, 'app.status', {})
    expect(fromElsewhere).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED_CLIENT' } })
    expect(readFileSync(join(dataDir, DATABASE_FILE_NAME)).length).toBeGreaterThan(0)
  })

  it('opens a document with the system viewer: shell.openPath on a copy with its own name', async () => {
    await start()
    const invoke = fake.state.ipcHandlers.get(IPC_INVOKE_CHANNEL)!
    const call = async (method: string, input: unknown) => {
      const result = (await invoke({ senderFrame: { url: 'app://cap-commune/' } }, method, input)) as {
        ok: boolean
        value?: unknown
        error?: unknown
      }
      if (!result.ok) throw new Error(`${method} : ${JSON.stringify(result.error)}`)
      return result.value as { id: number }
    }
    await call('setup.complete', fauxVillecerfSetup())
    const project = await call('projects.create', { title: 'Rénovation de la cantine' })
    const pdf = Buffer.from('%PDF-1.4\n% plan de la cantine\n')
    const document = await call('attachments.add', { projectId: project.id, fileName: 'Plan cantine.pdf', contentBase64: pdf.toString('base64') })
    expect(await call('attachments.open', { id: document.id })).toEqual({ opened: true })
    expect(fake.electron.shell.openPath).toHaveBeenCalledTimes(1)
    const [opened] = vi.mocked(fake.electron.shell.openPath).mock.calls[0] as unknown as [string]
    try {
      expect(basename(opened)).toBe('Plan cantine.pdf')
      expect(readFileSync(opened)).toEqual(pdf)
    } finally {
      rmSync(dirname(opened), { recursive: true, force: true })
    }
  })

  it('opens a confirmed https link with shell.openExternal, and never anything else', async () => {
    await start()
    const invoke = fake.state.ipcHandlers.get(IPC_INVOKE_CHANNEL)!
    const call = (method: string, input: unknown) => invoke({ senderFrame: { url: 'app://cap-commune/' } }, method, input)
    await call('setup.complete', fauxVillecerfSetup())
    expect(await call('app.openLink', { url: 'https://www.troyes.fr/travaux?rue=Pasteur' })).toEqual({ ok: true, value: { opened: true } })
    expect(fake.electron.shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://www.troyes.fr/travaux?rue=Pasteur')
    for (const url of ['http://www.troyes.fr/', 'javascript:alert(1)', 'file:///C:/Windows/System32/cmd.exe', 'https://mairie.fr@evil.example/']) {
      expect(await call('app.openLink', { url }), url).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    }
    expect(fake.electron.shell.openExternal).toHaveBeenCalledOnce()
  })

  it('serves the interface on the app scheme with the CSP', async () => {
    await start()
    const handler = fake.state.protocolHandlers.get('app')!
    const response = await handler(new Request('app://cap-commune/..%2fpackage.json'))
    expect(response.status).toBe(403)
    expect(response.headers.get('Content-Security-Policy')).toContain("default-src 'self'")
  })

  it('guards every web page the app creates', async () => {
    await start()
    const onCreated = fake.state.appHandlers.get('web-contents-created')!
    const contents = { on: vi.fn(), setWindowOpenHandler: vi.fn(), session: { setPermissionRequestHandler: vi.fn() } }
    onCreated({}, contents)
    expect(contents.setWindowOpenHandler).toHaveBeenCalled()
    expect(contents.session.setPermissionRequestHandler).toHaveBeenCalled()
    expect(contents.on.mock.calls.map(([event]) => event)).toEqual(expect.arrayContaining(['will-navigate', 'will-redirect', 'will-attach-webview']))
  })

  it('does not even load the updater when running from sources', async () => {
    await start()
    expect(fake.updater.checkForUpdates).not.toHaveBeenCalled()
    expect(fake.state.log).not.toContain('autoUpdater read')
  })

  it('when installed, reads migrations from the resources folder and looks for updates on its https feed', async () => {
    // An installed app's resources folder: migrations/, referentiel/ and the app-update.yml written at packaging.
    const resources = mkdtempSync(join(tmpdir(), 'cap-commune-resources-'))
    symlinkSync(join(repoRoot, 'migrations'), join(resources, 'migrations'))
    symlinkSync(join(repoRoot, 'resources', 'referentiel'), join(resources, 'referentiel'))
    writeFileSync(join(resources, 'app-update.yml'), 'provider: generic\nurl: https://maj.example.fr/cap-commune/\n')
    Object.defineProperty(process, 'resourcesPath', { value: resources, configurable: true })
    try {
      fake.state.isPackaged = true
      // The app's own files live in an archive with no migrations folder near it.
      fake.state.appPath = join(dataDir, 'app.asar')
      await start()
      expect(fake.state.windows[0]?.options.webPreferences).toMatchObject({ preload: join(dataDir, 'app.asar', 'out', 'preload', 'index.js') })
      const invoke = fake.state.ipcHandlers.get(IPC_INVOKE_CHANNEL)!
      expect(await invoke({ senderFrame: { url: 'app://cap-commune/' } }, 'app.status', {})).toMatchObject({ ok: true })
      await vi.waitFor(() => expect(fake.updater.checkForUpdates).toHaveBeenCalledTimes(1))
      const devTools = JSON.stringify(vi.mocked(fake.electron.Menu.buildFromTemplate).mock.calls[0])
      expect(devTools).not.toContain('toggleDevTools')
    } finally {
      Reflect.deleteProperty(process, 'resourcesPath')
      rmSync(resources, { recursive: true, force: true })
    }
  })

  it('opens the recovery screen, not a new commune, over an unreadable data file, leaving it untouched', async () => {
    const file = join(dataDir, DATABASE_FILE_NAME)
    const garbage = Buffer.from('Ceci n’est pas une base SQLite, mais un fichier à ne pas abîmer.'.repeat(100))
    writeFileSync(file, garbage)
    await start()
    // No crash and no dialog: the window opens on the recovery screen, which offers the backups.
    expect(fake.electron.dialog.showErrorBox).not.toHaveBeenCalled()
    expect(fake.state.windows).toHaveLength(1)
    const invoke = fake.state.ipcHandlers.get(IPC_INVOKE_CHANNEL)!
    const status = (await invoke({ senderFrame: { url: 'app://cap-commune/' } }, 'app.status', {})) as {
      ok: true
      value: { setupDone: boolean; recovery: { problem: string } | null }
    }
    expect(status.value.setupDone).toBe(false)
    expect(status.value.recovery?.problem).toMatch(/ne peut pas être ouvert/)
    expect(readFileSync(file).equals(garbage)).toBe(true)
  })

  it('leaves a second launch to the first instance, which comes back to the front', async () => {
    fake.state.hasLock = false
    await import('./main')
    expect(fake.electron.app.quit).toHaveBeenCalled()
    expect(fake.electron.app.whenReady).not.toHaveBeenCalled()
    expect(fake.electron.protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled()

    vi.resetModules()
    fake.state.hasLock = true
    await start()
    fake.state.appHandlers.get('second-instance')!()
    expect((fake.state.windows[0] as unknown as { focus: ReturnType<typeof vi.fn> }).focus).toHaveBeenCalled()
  })
})
