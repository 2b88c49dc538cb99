/**
 * The commune's logo or coat of arms, printed on the reports. Kept in the database (settings), not beside it, so a
 * backup of the SQLite file carries it. The chosen image is decoded, shrunk to at most 800 px and re-encoded as PNG:
 * nothing but a clean, small PNG is stored or embedded in PDFs.
 */
import { createCanvas, loadImage } from '@napi-rs/canvas'
import { imageHeader, imageTooLarge } from '../security/images'
import { eq } from 'drizzle-orm'
import type { Logo } from '../../../shared/contract'
import { AppError } from '../../../shared/errors'
import type { AppDatabase } from '../db/open'
import { settings } from '../db/schema'
import { decodeBase64, displayFileName } from '../file-store/store'

export const LOGO_KEY = 'commune.logo'
const MAX_SIDE = 800

type StoredLogo = NonNullable<Logo>

export function readLogo(db: AppDatabase): Logo {
  const row = db.select().from(settings).where(eq(settings.key, LOGO_KEY)).get()
  return row ? (JSON.parse(row.value) as StoredLogo) : null
}

export function writeLogo(db: AppDatabase, logo: Logo): void {
  if (logo === null) db.delete(settings).where(eq(settings.key, LOGO_KEY)).run()
  else
    db.insert(settings)
      .values({ key: LOGO_KEY, value: JSON.stringify(logo) })
      .onConflictDoUpdate({ target: settings.key, set: { value: JSON.stringify(logo) } })
      .run()
}

function isPng(bytes: Buffer): boolean {
  return bytes.length > 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
}

function isJpeg(bytes: Buffer): boolean {
  return bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff
}

const NOT_AN_IMAGE = 'Ce fichier n’est pas une image PNG ou JPEG lisible. Choisissez le logo ou le blason au format PNG ou JPEG.'

/** Checks and normalises a chosen image; a French error when it is not a readable PNG or JPEG. */
export async function normalizeLogo(fileName: string, contentBase64: string): Promise<StoredLogo> {
  const bytes = decodeBase64(contentBase64)
  if (!bytes || !(isPng(bytes) || isJpeg(bytes)))
    throw new AppError('INVALID_INPUT', NOT_AN_IMAGE, [{ path: 'contentBase64', message: NOT_AN_IMAGE }])
  // Checked from the header, before anything is decoded (a decompression bomb never reaches loadImage).
  const header = imageHeader(bytes)
  if (!header) throw new AppError('INVALID_INPUT', NOT_AN_IMAGE, [{ path: 'contentBase64', message: NOT_AN_IMAGE }])
  const tooLarge = imageTooLarge(header)
  if (tooLarge) throw new AppError('INVALID_INPUT', tooLarge, [{ path: 'contentBase64', message: tooLarge }])
  let image: Awaited<ReturnType<typeof loadImage>>
  try {
    image = await loadImage(bytes)
  } catch {
    throw new AppError('INVALID_INPUT', NOT_AN_IMAGE, [{ path: 'contentBase64', message: NOT_AN_IMAGE }])
  }
  if (image.width < 1 || image.height < 1) throw new AppError('INVALID_INPUT', NOT_AN_IMAGE, [{ path: 'contentBase64', message: NOT_AN_IMAGE }])
  const scale = Math.min(1, MAX_SIDE / Math.max(image.width, image.height))
  const width = Math.max(1, Math.round(image.width * scale))
  const height = Math.max(1, Math.round(image.height * scale))
  const canvas = createCanvas(width, height)
  canvas.getContext('2d').drawImage(image, 0, 0, width, height)
  const png = await canvas.encode('png')
  return { mimeType: 'image/png', contentBase64: png.toString('base64'), width, height, fileName: displayFileName(fileName) }
}
