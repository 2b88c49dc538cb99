import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { fileVault, PORTAL_FOLDER } from '../core/portal/vault'
import { safeStorageCipher, type SafeStorageLike } from './secrets'

// Stands in for safeStorage: a reversible scrambling, enough to tell an encrypted file from a clear one.
const fakeSafeStorage = (available = true, backend = 'gnome_libsecret'): SafeStorageLike => ({
  isEncryptionAvailable: () => available,
  encryptString: (text) => Buffer.from(`v10${Buffer.from(text).toString('base64').split('').reverse().join('')}`),
  decryptString: (data) => Buffer.from(data.toString().slice(3).split('').reverse().join(''), 'base64').toString(),
  getSelectedStorageBackend: () => backend,
})

const dirs: string[] = []
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'cap-commune-secrets-'))
  dirs.push(dir)
  return dir
}
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })))

describe('the relay token at rest', () => {
  it('is written encrypted with safeStorage, never in clear, and read back', () => {
    const dir = tempDir()
    const vault = fileVault(dir, safeStorageCipher(fakeSafeStorage()))
    expect(vault.storage).toBe('chiffre')
    vault.write('jeton-secret-de-la-commune')
    const [file] = readdirSync(join(dir, PORTAL_FOLDER))
    expect(readFileSync(join(dir, PORTAL_FOLDER, file!)).toString()).not.toContain('jeton-secret')
    expect(vault.read()).toBe('jeton-secret-de-la-commune')
    vault.clear()
    expect(vault.read()).toBeNull()
  })

  it('claims no encryption where the system has none (Linux without a keyring)', () => {
    expect(safeStorageCipher(fakeSafeStorage(false))).toBeUndefined()
    expect(safeStorageCipher(fakeSafeStorage(true, 'basic_text'), 'linux')).toBeUndefined()
    expect(fileVault(tempDir(), safeStorageCipher(fakeSafeStorage(true, 'basic_text'), 'linux')).storage).toBe('dossier')
  })

  it('reads nothing (connect again) from a file encrypted elsewhere', () => {
    const dir = tempDir()
    fileVault(dir, safeStorageCipher(fakeSafeStorage())).write('jeton')
    const elsewhere = fileVault(dir, {
      encrypt: (text) => Buffer.from(text),
      decrypt: () => {
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.')
      },
    })
    expect(elsewhere.read()).toBeNull()
  })
})
