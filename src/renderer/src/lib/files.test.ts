import { describe, expect, it, vi } from 'vitest'
import { openOrDownload, type ReceivedFile } from './files'

const FILE: ReceivedFile = { fileName: 'plan.pdf', mimeType: 'application/pdf', contentBase64: 'JVBERg==' }

describe('openOrDownload', () => {
  it('leaves it to the system viewer when the main process opened the file', async () => {
    const get = vi.fn(async () => FILE)
    const save = vi.fn()
    await openOrDownload(async () => ({ opened: true }), get, save)
    expect(get).not.toHaveBeenCalled()
    expect(save).not.toHaveBeenCalled()
  })

  it('downloads the file where it could not be opened (browser host)', async () => {
    const save = vi.fn()
    await openOrDownload(
      async () => ({ opened: false }),
      async () => FILE,
      save,
    )
    expect(save).toHaveBeenCalledExactlyOnceWith(FILE)
  })

  it('lets a refusal through, to be shown to the user', async () => {
    const save = vi.fn()
    await expect(
      openOrDownload(
        () => Promise.reject(new Error('introuvable')),
        async () => FILE,
        save,
      ),
    ).rejects.toThrow('introuvable')
    expect(save).not.toHaveBeenCalled()
  })
})
