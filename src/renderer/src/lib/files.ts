import { formatDecimal } from './format'
import { platform } from '../platform'

export function bytesFromBase64(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

export interface ReceivedFile {
  fileName: string
  mimeType: string
  contentBase64: string
}

/** Saves a file received from the main process (base64) through the platform (download or save dialog). */
export function saveReceivedFile(file: ReceivedFile): void {
  platform.saveFile(file.fileName, new Blob([bytesFromBase64(file.contentBase64)], { type: file.mimeType }))
}

/**
 * « Ouvrir »: the main process opens the stored file with the computer's own viewer (Electron); where it cannot (the
 * browser host, or a file that is not a document) the file is downloaded instead.
 */
export async function openOrDownload(
  open: () => Promise<{ opened: boolean }>,
  get: () => Promise<ReceivedFile>,
  save: (file: ReceivedFile) => void = saveReceivedFile,
): Promise<void> {
  if ((await open()).opened) return
  save(await get())
}

export function base64FromFile(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''))
    reader.onerror = () => reject(reader.error ?? new Error('lecture impossible'))
    reader.readAsDataURL(file)
  })
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} octet${bytes > 1 ? 's' : ''}`
  return bytes < 1024 * 1024 ? `${formatDecimal(bytes / 1024)} Ko` : `${formatDecimal(bytes / 1024 / 1024)} Mo`
}
