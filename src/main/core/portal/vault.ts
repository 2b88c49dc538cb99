import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { TokenStorage } from '../../../shared/contract'

/** The host's way of protecting a secret at rest (Electron: safeStorage, i.e. DPAPI / Keychain / libsecret). */
export interface SecretCipher {
  encrypt(text: string): Buffer
  decrypt(data: Buffer): string
}

/** Where the relay token lives: outside the SQLite file, so backups and exports never carry it. */
export interface SecretVault {
  readonly storage: TokenStorage
  read(): string | null
  write(token: string): void
  clear(): void
}

export const PORTAL_FOLDER = 'portail'

/**
 * The token as a file of the data folder: encrypted when the host gives a cipher (Electron), in clear otherwise (the
 * browser host, whose screen says so). Written to a temporary file then renamed, readable by its owner only.
 */
export function fileVault(dataDir: string, cipher?: SecretCipher): SecretVault {
  const folder = join(dataDir, PORTAL_FOLDER)
  const file = join(folder, cipher ? 'jeton-relais.chiffre' : 'jeton-relais.txt')
  return {
    storage: cipher ? 'chiffre' : 'dossier',
    read() {
      if (!existsSync(file)) return null
      try {
        const data = readFileSync(file)
        const token = cipher ? cipher.decrypt(data) : data.toString('utf8').trim()
        return token || null
      } catch {
        // Encrypted for another account or computer (a restored data folder): unreadable here, connect again.
        return null
      }
    },
    write(token) {
      mkdirSync(folder, { recursive: true })
      const temporary = `${file}.tmp`
      writeFileSync(temporary, cipher ? cipher.encrypt(token) : `${token}\n`, { mode: 0o600 })
      renameSync(temporary, file)
    },
    clear() {
      rmSync(file, { force: true })
    },
  }
}
