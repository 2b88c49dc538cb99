/**
 * The app's file store: the bytes of every attached file (a project's documents, a diagnostic answer's evidence)
 * under `<dataDir>/pieces-jointes/<sha256>`, one file per content, whatever row points to it.
 */
import { createHash, randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { extname, join } from 'node:path'
import { FILE_TOO_BIG, MAX_FILE_BYTES } from '../../../shared/contract/fields'
import { AppError } from '../../../shared/errors'

export const FILE_STORE_FOLDER = 'pieces-jointes'

const MIME_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  txt: 'text/plain',
  csv: 'text/csv',
}

/** From the extension only: for names, never for stored bytes (see typeFromBytes). */
export function mimeTypeOf(fileName: string): string {
  return MIME_TYPES[extname(fileName).slice(1).toLowerCase()] ?? 'application/octet-stream'
}

/**
 * The name shown to users: no folders, no control characters, none of the characters Windows refuses in file names
 * (so it can be offered as is when the file is saved back), at most 200 characters. The bytes are stored under
 * their hash, never under this name.
 */
export function displayFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? ''
  const cleaned = base
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, 200)
    // Windows drops trailing dots and spaces (« rapport. » saves as « rapport »): removed here, so what is shown is kept.
    .replace(/[. ]+$/, '')
  if (cleaned === '') return 'piece-jointe'
  // CON, NUL.txt, COM1… are devices on Windows, not files: such a name could not be saved back.
  return WINDOWS_RESERVED.test(cleaned.split('.')[0]!.trim()) ? `_${cleaned}` : cleaned
}

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i

/** Extensions that name the same type (file-type gives the first). */
const SAME_TYPE: Record<string, string[]> = { jpg: ['jpeg', 'jpe'], tif: ['tiff'], mp4: ['m4v'], xml: ['svg'] }

/**
 * The type of a file from its bytes (file-type), never from its name: a text file named « photo.png » is text. When
 * the bytes say another type than the name's extension, the name gets the right one, so that the computer opens it
 * with the right program. Text (valid UTF-8 without NUL) that file-type does not know is `text/plain` (`text/csv`
 * for .csv).
 */
export async function typeFromBytes(bytes: Buffer, name: string): Promise<{ fileName: string; mimeType: string }> {
  const { fileTypeFromBuffer } = await import('file-type')
  const detected = await fileTypeFromBuffer(bytes)
  const dot = name.lastIndexOf('.')
  const stem = dot > 0 ? name.slice(0, dot) : name
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : ''
  if (detected) {
    const same = extension === detected.ext || (SAME_TYPE[detected.ext] ?? []).includes(extension)
    return { fileName: same ? name : `${stem}.${detected.ext}`, mimeType: detected.mime }
  }
  let text: boolean
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    text = !bytes.includes(0)
  } catch {
    text = false
  }
  if (!text) return { fileName: name, mimeType: 'application/octet-stream' }
  if (extension === 'csv') return { fileName: name, mimeType: 'text/csv' }
  // A text named like a document or an image that it is not: called what it is.
  const claimsBinary = MIME_TYPES[extension] !== undefined && !MIME_TYPES[extension]!.startsWith('text/')
  return { fileName: claimsBinary ? `${stem}.txt` : name, mimeType: 'text/plain' }
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/

/** Strict base64 (no data: prefix, no spaces); null when it is not. */
export function decodeBase64(text: string): Buffer | null {
  if (text.length % 4 !== 0 || !BASE64.test(text)) return null
  return Buffer.from(text, 'base64')
}

function invalidUpload(message: string): AppError {
  return new AppError('INVALID_INPUT', message, [{ path: 'contentBase64', message }])
}

/** The bytes of an uploaded file (`contentBase64` of the contract), refused in French when unreadable, empty or too big. */
export function decodeUpload(contentBase64: string): Buffer {
  const bytes = decodeBase64(contentBase64)
  if (bytes === null) throw invalidUpload("Le fichier n'a pas pu être lu : il est mal transmis. Joignez-le à nouveau.")
  if (bytes.length === 0) throw invalidUpload('Le fichier est vide.')
  if (bytes.length > MAX_FILE_BYTES) throw invalidUpload(FILE_TOO_BIG)
  return bytes
}

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex')
}

function folder(dataDir: string): string {
  return join(dataDir, FILE_STORE_FOLDER)
}

export function storedFilePath(dataDir: string, hash: string): string {
  return join(folder(dataDir), hash)
}

/** Stores the bytes under their hash (written to a temporary file, then renamed); returns false when already there. */
export function storeFile(dataDir: string, hash: string, bytes: Buffer): boolean {
  const target = storedFilePath(dataDir, hash)
  if (existsSync(target)) return false
  mkdirSync(folder(dataDir), { recursive: true })
  const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`
  try {
    writeFileSync(temp, bytes, { flag: 'wx' })
    renameSync(temp, target)
  } catch (error) {
    rmSync(temp, { force: true })
    throw error
  }
  return true
}

export function readStoredFile(dataDir: string, hash: string): Buffer | null {
  try {
    return readFileSync(storedFilePath(dataDir, hash))
  } catch {
    return null
  }
}

export function deleteStoredFile(dataDir: string, hash: string): void {
  rmSync(storedFilePath(dataDir, hash), { force: true })
}

/** A stored file as the contract hands it out, or NOT_FOUND when its bytes have gone from the folder. */
export function storedFileContent(dataDir: string, file: { fileName: string; mimeType: string; sha256: string }) {
  const bytes = readStoredFile(dataDir, file.sha256)
  if (bytes === null) {
    throw new AppError(
      'NOT_FOUND',
      `Le fichier « ${file.fileName} » est introuvable dans le dossier de données (pieces-jointes). Joignez-le à nouveau.`,
    )
  }
  // Names stored before the Windows rules existed are made safe on the way out too.
  return { fileName: displayFileName(file.fileName), mimeType: file.mimeType, contentBase64: bytes.toString('base64') }
}

/** At start: the temporary files of writes a crash interrupted (`<sha256>.<random>.tmp`). Never a stored file. */
export function removeStoreLeftovers(dataDir: string): void {
  let entries: string[]
  try {
    entries = readdirSync(folder(dataDir))
  } catch {
    return
  }
  for (const entry of entries) if (entry.endsWith('.tmp')) rmSync(join(folder(dataDir), entry), { force: true })
}
