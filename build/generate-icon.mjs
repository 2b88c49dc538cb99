// Draws build/icon.png (1024×1024), the icon electron-builder turns into the Windows, macOS and Linux icons.
// A placeholder until a designer's icon exists: a blue rounded square with a white "C" and a tricolour bar.
// Run: node build/generate-icon.mjs
import { writeFileSync } from 'node:fs'
import { deflateSync } from 'node:zlib'

const SIZE = 1024
const SAMPLES = 4 // per axis, for anti-aliased edges

const BLUE = [28, 126, 214]
const WHITE = [255, 255, 255]
const FRENCH_BLUE = [0, 85, 164]
const FRENCH_RED = [239, 65, 53]

function insideRoundedSquare(x, y) {
  const margin = 64
  const radius = 200
  const min = margin + radius
  const max = SIZE - margin - radius
  const dx = Math.max(min - x, 0, x - max)
  const dy = Math.max(min - y, 0, y - max)
  return dx * dx + dy * dy <= radius * radius
}

/** The colour at a point, or null outside the icon. */
function colourAt(x, y) {
  if (!insideRoundedSquare(x, y)) return null
  const cx = SIZE / 2
  const cy = SIZE / 2 - 70
  const distance = Math.hypot(x - cx, y - cy)
  const angle = Math.atan2(y - cy, x - cx)
  // The "C": a thick ring open on the right.
  if (distance >= 190 && distance <= 290 && Math.abs(angle) > Math.PI / 4) return WHITE
  // The tricolour bar under it.
  if (y >= 800 && y <= 850 && x >= 300 && x <= 724) {
    if (x < 441) return FRENCH_BLUE
    if (x < 583) return WHITE
    return FRENCH_RED
  }
  return BLUE
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1))
for (let y = 0; y < SIZE; y++) {
  const row = y * (SIZE * 4 + 1)
  raw[row] = 0 // PNG filter: none
  for (let x = 0; x < SIZE; x++) {
    let [r, g, b, a] = [0, 0, 0, 0]
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const colour = colourAt(x + (sx + 0.5) / SAMPLES, y + (sy + 0.5) / SAMPLES)
        if (!colour) continue
        r += colour[0]
        g += colour[1]
        b += colour[2]
        a += 1
      }
    }
    const offset = row + 1 + x * 4
    if (a > 0) {
      raw[offset] = Math.round(r / a)
      raw[offset + 1] = Math.round(g / a)
      raw[offset + 2] = Math.round(b / a)
    }
    raw[offset + 3] = Math.round((a / (SAMPLES * SAMPLES)) * 255)
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
function crc32(buffer) {
  let c = 0xffffffff
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
function chunk(type, data) {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

const header = Buffer.alloc(13)
header.writeUInt32BE(SIZE, 0)
header.writeUInt32BE(SIZE, 4)
header[8] = 8 // bit depth
header[9] = 6 // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
])
writeFileSync(new URL('./icon.png', import.meta.url), png)
console.log(`build/icon.png : ${SIZE}×${SIZE}, ${png.length} octets`)
