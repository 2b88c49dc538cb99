import { deflateSync, crc32 } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { failure, ok } from '../testing'
import { setUpCorePerTest } from '../testing/per-test-core'
import { imageHeader, imageTooLarge } from './images'

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/** A real PNG header claiming width × height (greyscale), with `rows` rows of pixel data. */
function png(width: number, height: number, rows = height): Buffer {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 8
  ihdr[9] = 0
  const raw = Buffer.alloc(rows * (width + 1))
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

const setUp = setUpCorePerTest('images')

describe('image sizes read before decoding', () => {
  it('reads PNG and JPEG headers', () => {
    expect(imageHeader(png(30000, 30000, 1))).toEqual({ format: 'png', width: 30000, height: 30000 })
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x75, 0x30, 0x75, 0x30, 0x03])
    expect(imageHeader(jpeg)).toEqual({ format: 'jpeg', width: 30000, height: 30000 })
    expect(imageHeader(Buffer.from('pas une image'))).toBeNull()
    expect(imageTooLarge({ format: 'png', width: 6000, height: 6000 })).toBeNull()
    expect(imageTooLarge({ format: 'png', width: 30000, height: 30000 })).toMatch(/30\u202f000 × 30\u202f000 pixels/)
  })

  it('logo.set refuses a 30000 × 30000 PNG before decoding it, and still takes a real logo', async () => {
    const { core, session } = setUp()
    const bomb = png(30000, 30000, 1)
    expect(bomb.length).toBeLessThan(200_000)
    const refused = await failure(core, session, 'logo.set', { fileName: 'blason.png', contentBase64: bomb.toString('base64') })
    expect(refused.message).toMatch(/^L'image fait 30\u202f000 × 30\u202f000 pixels : c'est bien trop grand/)
    expect(await ok(core, session, 'logo.get')).toBeNull()
    const logo = await ok(core, session, 'logo.set', { fileName: 'blason.png', contentBase64: png(40, 20).toString('base64') })
    expect(logo).toMatchObject({ width: 40, height: 20 })
  })
})
