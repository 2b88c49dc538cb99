import type { SecretCipher } from '../core/portal/vault'

/** The part of Electron's safeStorage the app uses. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean
  encryptString(text: string): Buffer
  decryptString(data: Buffer): string
  getSelectedStorageBackend?(): string
}

/**
 * The relay token's cipher: safeStorage (DPAPI on Windows, the Keychain on macOS, libsecret/kwallet on Linux). Where
 * the system offers no real protection (Linux without a keyring: the « basic_text » backend), none is claimed: the
 * token is then kept as a file of the data folder and Paramètres › Portail citoyen says so.
 */
export function safeStorageCipher(safeStorage: SafeStorageLike, platform: NodeJS.Platform = process.platform): SecretCipher | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') return undefined
  return {
    encrypt: (text) => safeStorage.encryptString(text),
    decrypt: (data) => safeStorage.decryptString(data),
  }
}
