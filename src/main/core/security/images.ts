/**
 * The size of an image read from its header, before anything decodes it: a 109 KB PNG can claim 30,000 × 30,000
 * pixels and take gigabytes once decoded. Every place that decodes an image asks this first and refuses beyond
 * MAX_IMAGE_PIXELS. PNG (IHDR), JPEG (the first SOFn frame header), GIF and WebP (VP8, VP8L, VP8X) are read; any
 * other format is « unknown » and callers refuse it.
 */
import { formatInteger } from '../../../shared/format'
export const MAX_IMAGE_PIXELS = 40_000_000

export type ImageHeader = { format: 'png' | 'jpeg' | 'gif' | 'webp'; width: number; height: number } | null

function png(bytes: Buffer): ImageHeader {
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return null
  if (bytes.toString('latin1', 12, 16) !== 'IHDR') return null
  return { format: 'png', width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

function jpeg(bytes: Buffer): ImageHeader {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return null
  let at = 2
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return null
    const marker = bytes[at + 1]!
    if (marker === 0xff) {
      at++
      continue
    }
    const length = bytes.readUInt16BE(at + 2)
    // SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { format: 'jpeg', height: bytes.readUInt16BE(at + 5), width: bytes.readUInt16BE(at + 7) }
    }
    if (length < 2) return null
    at += 2 + length
  }
  return null
}

function gif(bytes: Buffer): ImageHeader {
  if (bytes.length < 10 || !/^GIF8[79]a$/.test(bytes.toString('latin1', 0, 6))) return null
  return { format: 'gif', width: bytes.readUInt16LE(6), height: bytes.readUInt16LE(8) }
}

function webp(bytes: Buffer): ImageHeader {
  if (bytes.length < 30 || bytes.toString('latin1', 0, 4) !== 'RIFF' || bytes.toString('latin1', 8, 12) !== 'WEBP') return null
  const chunk = bytes.toString('latin1', 12, 16)
  if (chunk === 'VP8X') return { format: 'webp', width: 1 + bytes.readUIntLE(24, 3), height: 1 + bytes.readUIntLE(27, 3) }
  if (chunk === 'VP8 ') return { format: 'webp', width: bytes.readUInt16LE(26) & 0x3fff, height: bytes.readUInt16LE(28) & 0x3fff }
  if (chunk === 'VP8L') {
    const bits = bytes.readUInt32LE(21)
    return { format: 'webp', width: 1 + (bits & 0x3fff), height: 1 + ((bits >> 14) & 0x3fff) }
  }
  return null
}

export function imageHeader(bytes: Buffer): ImageHeader {
  return png(bytes) ?? jpeg(bytes) ?? gif(bytes) ?? webp(bytes)
}

/** Why this image must not be decoded, in French, or null when it may. */
export function imageTooLarge(header: NonNullable<ImageHeader>): string | null {
  if (header.width < 1 || header.height < 1) return "L'image est illisible (dimensions nulles)."
  if (header.width * header.height > MAX_IMAGE_PIXELS) {
    return `L'image fait ${formatInteger(header.width)} × ${formatInteger(header.height)} pixels : c'est bien trop grand pour un logo (40 millions de pixels au plus). Choisissez une image plus petite.`
  }
  return null
}
