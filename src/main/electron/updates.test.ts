import { describe, expect, it, vi } from 'vitest'
import { createUpdates, updateFeed, type Updater, type UpdateDialogs } from './updates'

function fakeUpdater(found: string | null | Error) {
  const listeners: ((info: { version: string }) => void)[] = []
  const updater: Updater & { downloaded(version: string): void } = {
    autoDownload: false,
    autoInstallOnAppQuit: false,
    checkForUpdates: vi.fn(async () => {
      if (found instanceof Error) throw found
      return found ? { updateInfo: { version: found } } : null
    }),
    quitAndInstall: vi.fn(),
    on: (_event, listener) => listeners.push(listener),
    downloaded: (version) => listeners.forEach((l) => l({ version })),
  }
  return updater
}

function fakeDialogs(choice = 0) {
  return { ask: vi.fn(async () => choice), tell: vi.fn(async () => undefined) } satisfies UpdateDialogs
}

describe('the update feed', () => {
  it('is the https address of app-update.yml in an installed app, and nothing otherwise', () => {
    const yml = (url: string) => () => `provider: generic\nurl: ${url}\nupdaterCacheDirName: cap-commune-updater\n`
    expect(updateFeed(true, '/opt/app/resources', yml('https://maj.example.fr/cap-commune/'))).toBe('https://maj.example.fr/cap-commune/')
    expect(updateFeed(true, '/opt/app/resources', yml('http://maj.example.fr/'))).toBeNull()
    expect(updateFeed(false, '/opt/app/resources', yml('https://maj.example.fr/'))).toBeNull()
    expect(
      updateFeed(true, '/opt/app/resources', () => {
        throw new Error('ENOENT')
      }),
    ).toBeNull()
  })
})

describe('updates', () => {
  it('are off without a feed: no check at launch, and the menu item says why', async () => {
    const updater = vi.fn(() => fakeUpdater('9.9.9'))
    const dialogs = fakeDialogs()
    const updates = createUpdates({ feed: null, updater, dialogs, currentVersion: '1.0.0' })
    expect(updates.enabled).toBe(false)
    await updates.checkInBackground()
    await updates.checkNow()
    expect(updater).not.toHaveBeenCalled()
    expect(dialogs.tell).toHaveBeenCalledWith('Les mises à jour automatiques ne sont pas configurées.', expect.any(String))
  })

  it('check quietly at launch, offer to restart once downloaded, and install at closing otherwise', async () => {
    const fake = fakeUpdater('1.1.0')
    const dialogs = fakeDialogs(1)
    const updates = createUpdates({ feed: 'https://maj.example.fr/', updater: () => fake, dialogs, currentVersion: '1.0.0' })
    await updates.checkInBackground()
    expect(dialogs.tell).not.toHaveBeenCalled()
    expect(fake).toMatchObject({ autoDownload: true, autoInstallOnAppQuit: true })
    fake.downloaded('1.1.0')
    await vi.waitFor(() => expect(fake.quitAndInstall).toHaveBeenCalledTimes(1))
    expect(dialogs.ask).toHaveBeenCalledWith('La version 1.1.0 de Cap Commune est prête.', expect.any(String), ['Plus tard', 'Redémarrer maintenant'])
  })

  it('« Rechercher les mises à jour » says what it found, and a failure (offline) in French', async () => {
    for (const [found, message] of [
      ['1.0.0', 'Cap Commune est à jour.'],
      ['1.2.0', 'La version 1.2.0 est disponible.'],
      [new Error('net::ERR_INTERNET_DISCONNECTED'), 'La recherche de mise à jour a échoué.'],
    ] as const) {
      const dialogs = fakeDialogs()
      const updates = createUpdates({
        feed: 'https://maj.example.fr/',
        updater: () => fakeUpdater(found),
        dialogs,
        currentVersion: '1.0.0',
        log: () => undefined,
      })
      await updates.checkNow()
      expect(dialogs.tell).toHaveBeenCalledWith(message, expect.any(String))
    }
  })
})
