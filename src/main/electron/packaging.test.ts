import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { builderConfig } from '../../../scripts/builder-config.mjs'

/**
 * electron-builder.yml cannot be exercised by packaging here (that downloads Electron), so it is checked with
 * electron-builder's own schema validation and its own YAML parser and NSIS language logic.
 */
const configFile = new URL('../../../electron-builder.yml', import.meta.url)
// js-yaml comes with electron-builder: loaded from there rather than added as a dependency.
const builderRequire = createRequire(createRequire(import.meta.url).resolve('app-builder-lib/package.json'))
const { load } = builderRequire('js-yaml') as { load(text: string): unknown }
const { validateConfiguration } = builderRequire('./out/util/config/config') as {
  validateConfiguration(config: unknown, debugLogger: { isEnabled: boolean; add(): void }): Promise<void>
}
const { LangConfigurator } = builderRequire('./out/targets/nsis/nsisLang') as {
  LangConfigurator: new (options: unknown) => { langs: string[] }
}

type FileSet = string | { from: string; to: string; filter?: string[] }
type TargetList = Array<string | { target: string }>
interface BuilderConfig {
  appId: string
  productName: string
  npmRebuild: boolean
  asarUnpack: string[]
  files: string[]
  extraResources: FileSet[]
  extraMetadata?: { homepage?: string }
  win: { target: TargetList }
  nsis: Record<string, unknown>
  linux: { target: TargetList; category: string; maintainer?: string }
  mac: { target: TargetList }
  publish: Array<{ provider: string; url: string }>
  electronFuses: Record<string, boolean>
  fileAssociations: Array<{ ext: string; name: string }>
}

const config = load(readFileSync(configFile, 'utf8')) as BuilderConfig
const quietLogger = { isEnabled: false, add() {} }
const targetNames = (targets: TargetList) => targets.map((target) => (typeof target === 'string' ? target : target.target))

describe('electron-builder.yml', () => {
  it("passes electron-builder's schema validation", async () => {
    await expect(validateConfiguration(config, quietLogger)).resolves.toBeUndefined()
  })

  it('would be rejected if it were wrong (the validator is live)', async () => {
    await expect(validateConfiguration({ ...config, nsis: { ...config.nsis, oneClik: false } }, quietLogger)).rejects.toThrow(/configuration\.nsis/)
  })

  it('names the app', () => {
    expect(config.appId).toBe('fr.capcommune.app')
    expect(config.productName).toBe('Cap Commune')
  })

  it('never rebuilds native modules locally: the Electron build of better-sqlite3 is shipped separately', () => {
    expect(config.npmRebuild).toBe(false)
    expect(config.extraResources).toContainEqual(expect.objectContaining({ from: 'resources/native', to: 'native' }))
    expect(config.asarUnpack.some((pattern) => pattern.endsWith('*.node'))).toBe(true)
  })

  it('ships the migrations beside the app, where main.ts looks for them', () => {
    expect(config.extraResources).toContainEqual(expect.objectContaining({ from: 'migrations', to: 'migrations' }))
  })

  it('packs the built app and leaves sources and tests out', () => {
    expect(config.files).toEqual(expect.arrayContaining(['out/**', 'package.json', '!src/**', '!**/*.test.*']))
  })

  it('builds for Windows, Linux and macOS', () => {
    expect(targetNames(config.win.target)).toEqual(['nsis'])
    expect(targetNames(config.linux.target)).toEqual(expect.arrayContaining(['AppImage', 'deb']))
    expect(config.linux.category).toBe('Office')
    expect(targetNames(config.mac.target)).toContain('dmg')
  })

  it('makes a French Windows installer that lets the user choose where to install', () => {
    expect(config.nsis).toMatchObject({ language: '1036', oneClick: false, allowToChangeInstallationDirectory: true, perMachine: false })
    // What electron-builder will actually put in the installer.
    expect(new LangConfigurator(config.nsis).langs).toEqual(['fr_FR'])
  })

  it('gives the deb package the maintainer and homepage it requires', () => {
    expect(config.linux.maintainer).toMatch(/<.+@.+>/)
    expect(config.extraMetadata?.homepage).toMatch(/^https:\/\//)
  })

  it('publishes updates through a generic https feed set at packaging time, and none without it', async () => {
    expect(config.publish).toBeUndefined()
    const withFeed = builderConfig({ CAP_COMMUNE_UPDATE_URL: 'https://mises-a-jour.example.fr/cap-commune' })
    expect(withFeed.publish).toEqual([{ provider: 'generic', url: 'https://mises-a-jour.example.fr/cap-commune/' }])
    await expect(validateConfiguration(withFeed, quietLogger)).resolves.toBeUndefined()
    const without = builderConfig({})
    expect(without.publish).toBeNull()
    await expect(validateConfiguration(without, quietLogger)).resolves.toBeUndefined()
    expect(() => builderConfig({ CAP_COMMUNE_UPDATE_URL: 'http://mises-a-jour.example.fr/' })).toThrow(/https/)
  })

  it('sets the Electron fuses: no Node.js mode, no inspector, cookies encrypted, only the checked app.asar', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    })
  })

  it('opens .capcommune archives with Cap Commune', () => {
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: 'capcommune', name: 'Commune Cap Commune' })])
  })
})
