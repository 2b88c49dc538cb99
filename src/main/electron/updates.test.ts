import { describe, expect, it, vi } from 'vitest'
import { checkForUpdatesInBackground } from './updates'

describe('checkForUpdatesInBackground', () => {
  it('does nothing when running from sources', async () => {
    const updater = vi.fn(() => ({ checkForUpdatesAndNotify: vi.fn(async () => null) }))
    await checkForUpdatesInBackground(updater, false)
    expect(updater).not.toHaveBeenCalled()
  })

  it('checks when installed', async () => {
    const check = vi.fn(async () => null)
    await checkForUpdatesInBackground(() => ({ checkForUpdatesAndNotify: check }), true)
    expect(check).toHaveBeenCalledTimes(1)
  })

  it('logs failures (offline, no feed) without throwing', async () => {
    const log = vi.fn()
    const offline = () => ({ checkForUpdatesAndNotify: () => Promise.reject(new Error('net::ERR_INTERNET_DISCONNECTED')) })
    await expect(checkForUpdatesInBackground(offline, true, log)).resolves.toBeUndefined()
    const broken = () => {
      throw new Error('app-update.yml introuvable')
    }
    await expect(checkForUpdatesInBackground(broken, true, log)).resolves.toBeUndefined()
    expect(log).toHaveBeenCalledTimes(2)
  })
})
