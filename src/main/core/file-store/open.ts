/**
 * Opening a stored file (a project's document, a piece of evidence) with the computer's own viewer: the bytes are
 * copied from `pieces-jointes/<sha256>` to a fresh folder under the system's temporary folder, under the file's own
 * name, and the host's `openFile` service (Electron: shell.openPath) opens that copy. The store itself is never
 * handed out: what the viewer changes stays in the copy.
 */
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { extname, join } from 'node:path'
import { AppError } from '../../../shared/errors'
import type { CoreEnvironment } from '../context'
import { storedFilePath } from './store'

/** `<os temp>/cap-commune-ouverture/<random>/<name>`: one folder per opening, so two files with one name never clash. */
export const OPENED_FILES_FOLDER = 'cap-commune-ouverture'

/** Copies older than this are removed at the next opening (a viewer may still hold a recent one). */
const KEEP_OPENED_MS = 24 * 60 * 60 * 1000

/**
 * Documents the system viewer may open. Anything else (programs, scripts, shortcuts: .exe, .bat, .js, .lnk…) is
 * never opened — on Windows « opening » them runs them — and is offered as a download instead.
 */
// Never SVG: opened from file:// it is a web page, and a browser would run the script it carries. It is downloaded.
const OPENABLE_EXTENSIONS = new Set([
  'pdf',
  'txt',
  'csv',
  'rtf',
  'odt',
  'ods',
  'odp',
  'odg',
  'doc',
  'docx',
  'xls',
  'xlsx',
  'ppt',
  'pptx',
  'jpg',
  'jpeg',
  'png',
  'gif',
  'webp',
  'bmp',
  'tif',
  'tiff',
  'eml',
  'msg',
])

export function isOpenable(fileName: string): boolean {
  return OPENABLE_EXTENSIONS.has(extname(fileName).slice(1).toLowerCase())
}

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i
const MAX_NAME = 120

/**
 * A name every system accepts for the copy: none of \ / : * ? " < > | nor control characters, no trailing dots or
 * spaces, not a Windows device name (CON, NUL, COM1…), at most 120 characters with the extension kept.
 */
export function safeFileName(fileName: string): string {
  let name = fileName
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f\\/:*?"<>|]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .replace(/[. ]+$/, '')
  if (name.length > MAX_NAME) {
    const extension = extname(name).slice(0, 16)
    name = `${name.slice(0, MAX_NAME - extension.length).replace(/[. ]+$/, '')}${extension}`
  }
  const stem = name.split('.')[0] ?? ''
  if (WINDOWS_RESERVED.test(stem.trim())) name = `_${name}`
  return name === '' ? 'piece-jointe' : name
}

/** Best effort: the copies of earlier openings, once a day old (a file still open elsewhere is left for next time). */
function removeOldCopies(base: string, now: number): void {
  let entries: string[]
  try {
    entries = readdirSync(base)
  } catch {
    return
  }
  for (const entry of entries) {
    const folder = join(base, entry)
    try {
      if (now - statSync(folder).mtimeMs > KEEP_OPENED_MS) rmSync(folder, { recursive: true, force: true })
    } catch {
      // In use, or already gone: never a reason to refuse opening the file asked for.
    }
  }
}

function isStoredFile(path: string): boolean {
  try {
    return statSync(path).isFile()
  } catch {
    return false
  }
}

export interface StoredFile {
  fileName: string
  sha256: string
}

/**
 * Opens a stored file with the system's viewer; `{ opened: false }` when the host cannot (the browser host has no
 * openFile service) or the type is not a document: the renderer then offers the file as a download.
 */
export async function openStoredFile(
  environment: Pick<CoreEnvironment, 'dataDir' | 'openFile' | 'now'>,
  file: StoredFile,
): Promise<{ opened: boolean }> {
  const source = storedFilePath(environment.dataDir, file.sha256)
  if (!isStoredFile(source)) {
    throw new AppError(
      'NOT_FOUND',
      `Le fichier « ${file.fileName} » est introuvable dans le dossier de données (pieces-jointes). Joignez-le à nouveau.`,
    )
  }
  const { openFile } = environment
  const name = safeFileName(file.fileName)
  // The type is judged on the name the copy will have: that is what the system looks at.
  if (!openFile || !isOpenable(name)) return { opened: false }

  const base = join(tmpdir(), OPENED_FILES_FOLDER)
  mkdirSync(base, { recursive: true })
  removeOldCopies(base, environment.now().getTime())
  const target = join(mkdtempSync(join(base, 'f-')), name)
  copyFileSync(source, target)
  // Read-only: the viewer says so, rather than letting changes be saved where nobody will find them.
  chmodSync(target, 0o444)

  const failure = await openFile(target)
  if (failure !== '') {
    throw new AppError(
      'CONFLICT',
      `« ${file.fileName} » n'a pas pu être ouvert sur cet ordinateur (${failure}). Utilisez « Télécharger » pour l'enregistrer, puis ouvrez-le depuis votre dossier.`,
    )
  }
  return { opened: true }
}
