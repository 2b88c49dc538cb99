import { beforeEach, describe, expect, it, vi } from 'vitest'
import { IPC_INVOKE_CHANNEL } from '../shared/bridge'

// The real 'electron' module only exists inside Electron: the preload is checked against a stand-in.
const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(async () => ({ ok: true, value: null })), on: vi.fn(), removeListener: vi.fn(), send: vi.fn() },
}))
vi.mock('electron', () => electron)

describe('preload', () => {
  beforeEach(() => {
    vi.resetModules()
    electron.contextBridge.exposeInMainWorld.mockClear()
  })

  it('exposes window.capCommune with invoke and on only, never ipcRenderer', async () => {
    await import('./index')
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1)
    const [key, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as unknown as [string, Record<string, unknown>]
    expect(key).toBe('capCommune')
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on'])
    expect(Object.values(api)).not.toContain(electron.ipcRenderer)
    for (const value of Object.values(api)) expect(typeof value).toBe('function')
  })

  it('routes invoke through ipcRenderer.invoke', async () => {
    await import('./index')
    const api = electron.contextBridge.exposeInMainWorld.mock.calls[0]![1] as { invoke(method: string, input: unknown): Promise<unknown> }
    await api.invoke('app.status', {})
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(IPC_INVOKE_CHANNEL, 'app.status', {})
  })
})

describe('preload sources', () => {
  it('load nothing at run time but electron, so the bundle works in a sandboxed renderer', async () => {
    const { readFileSync } = await import('node:fs')
    const { dirname, resolve } = await import('node:path')
    const { fileURLToPath } = await import('node:url')
    // Follows the value imports (type imports vanish at build) from the entry through every relative module.
    const runtimeImport = /^\s*(?:import|export)\s+(?!type\b)[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm
    const packages = new Set<string>()
    const seen = new Set<string>()
    const visit = (file: string) => {
      if (seen.has(file)) return
      seen.add(file)
      for (const match of readFileSync(file, 'utf8').matchAll(runtimeImport)) {
        const specifier = (match[1] ?? match[2])!
        if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier.endsWith('.ts') ? specifier : `${specifier}.ts`))
        else packages.add(specifier)
      }
    }
    visit(fileURLToPath(new URL('./index.ts', import.meta.url)))
    expect(seen.size).toBeGreaterThan(2)
    expect([...packages]).toEqual(['electron'])
  })
})
