/**
 * Every uploaded photo is checked by its bytes (never its name or declared type), decoded with a pixel limit against
 * decompression bombs, turned upright from its EXIF orientation, resized to at most 2048 px, and re-encoded as JPEG
 * without any metadata (EXIF, GPS, XMP, ICC comments). A thumbnail is made at the same time.
 */
import { fileTypeFromBuffer } from 'file-type'
import sharp from 'sharp'
import { RelayHttpError } from '../http/errors'

export const MAX_PHOTO_BYTES = 12 * 1024 * 1024
export const MAX_INPUT_PIXELS = 40_000_000
export const MAX_SIDE = 2048
export const THUMBNAIL_SIDE = 480
const ACCEPTED = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/heic', 'image/heif'])

export interface ProcessedPhoto {
  image: Buffer
  thumbnail: Buffer
  width: number
  height: number
}

export async function processPhoto(bytes: Buffer, position: number): Promise<ProcessedPhoto> {
  const which = `La photo n° ${position}`
  if (bytes.length > MAX_PHOTO_BYTES) throw new RelayHttpError(413, 'photo_trop_lourde', `${which} dépasse 12 Mo.`)
  const type = await fileTypeFromBuffer(bytes)
  if (!type || !ACCEPTED.has(type.mime)) {
    throw new RelayHttpError(415, 'photo_invalide', `${which} n’est pas une image JPEG, PNG, WebP, AVIF ou HEIC.`)
  }
  try {
    const decoded = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error', sequentialRead: true })
      .rotate()
      .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true })
    const { data: image, info } = await decoded.jpeg({ quality: 82, mozjpeg: true }).toBuffer({ resolveWithObject: true })
    const thumbnail = await sharp(image).resize({ width: THUMBNAIL_SIDE, height: THUMBNAIL_SIDE, fit: 'inside' }).jpeg({ quality: 70 }).toBuffer()
    return { image, thumbnail, width: info.width, height: info.height }
  } catch (error) {
    const message = (error as Error).message ?? ''
    if (/pixel limit/i.test(message)) {
      throw new RelayHttpError(413, 'photo_trop_grande', `${which} a trop de pixels (plus de 40 millions) : envoyez une image plus petite.`)
    }
    throw new RelayHttpError(415, 'photo_illisible', `${which} est illisible ou endommagée.`)
  }
}
