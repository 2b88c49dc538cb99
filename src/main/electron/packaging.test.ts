import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
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

// @electron/fuses, as electron-builder uses it to flip the packaged binary's fuses.
const fuses = builderRequire('@electron/fuses') as {
  SENTINEL?: string
  FuseV1Options: Record<string, number | string>
  flipFuses(path: string, config: Record<string, unknown>): Promise<number>
  getCurrentFuseWire(path: string): Promise<Record<string, number>>
}
const { PlatformPackager } = builderRequire('./out/index') as {
  PlatformPackager: { prototype: { generateFuseConfig(this: unknown, fuses: Record<string, boolean>): Promise<Record<string, unknown>> } }
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

  it('flips exactly those fuses in an Electron binary, through electron-builder and @electron/fuses', async () => {
    // A stand-in for the Electron executable (none can be downloaded here): the fuse wire Electron 12+ embeds, after
    // its sentinel — version 1, then one byte per fuse, all at Electron's defaults ('0' off, '1' on).
    const { FuseV1Options } = fuses
    // The wire's bytes: ASCII '0' for a fuse off, '1' for on.
    const FuseState = { DISABLE: 0x30, ENABLE: 0x31 }
    const options = Object.entries(FuseV1Options).filter(([name]) => Number.isNaN(Number(name)))
    const defaults = '10011100' // runAsNode, cookie encryption, NODE_OPTIONS, inspect, asar integrity, asar only, V8 snapshot, file://
    const dir = mkdtempSync(join(tmpdir(), 'cap-commune-fuses-'))
    try {
      const binary = join(dir, 'cap-commune')
      const wire = Buffer.concat([Buffer.from([1, defaults.length]), Buffer.from(defaults, 'ascii')])
      writeFileSync(
        binary,
        Buffer.concat([Buffer.alloc(4096, 0x90), Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX', 'ascii'), wire, Buffer.alloc(512)]),
      )

      const flipConfig = await PlatformPackager.prototype.generateFuseConfig.call({}, config.electronFuses)
      await fuses.flipFuses(binary, { ...flipConfig, strictlyRequireAllFuses: true })
      const read = await fuses.getCurrentFuseWire(binary)
      const state = (option: string) => read[FuseV1Options[option] as number]
      expect(options.map(([name]) => name)).toHaveLength(defaults.length)
      expect(state('RunAsNode')).toBe(FuseState.DISABLE)
      expect(state('EnableNodeOptionsEnvironmentVariable')).toBe(FuseState.DISABLE)
      expect(state('EnableNodeCliInspectArguments')).toBe(FuseState.DISABLE)
      expect(state('GrantFileProtocolExtraPrivileges')).toBe(FuseState.DISABLE)
      expect(state('EnableCookieEncryption')).toBe(FuseState.ENABLE)
      expect(state('EnableEmbeddedAsarIntegrityValidation')).toBe(FuseState.ENABLE)
      expect(state('OnlyLoadAppFromAsar')).toBe(FuseState.ENABLE)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('opens .capcommune archives with Cap Commune', () => {
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: 'capcommune', name: 'Commune Cap Commune' })])
  })
})
