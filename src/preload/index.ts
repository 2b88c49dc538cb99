import { contextBridge, ipcRenderer } from 'electron'
import { createCapCommuneBridge } from './bridge'

// Bundled as CommonJS (electron.vite.config.ts) so the renderer can stay sandboxed: a sandboxed preload cannot load ES modules.
contextBridge.exposeInMainWorld('capCommune', createCapCommuneBridge(ipcRenderer))
