import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { storedFilePath, sha256, storeFile } from './store'
import { isOpenable, OPENED_FILES_FOLDER, openStoredFile, safeFileName } from './open'

const cleanup: string[] = []
afterEach(() => {
  for (const path of cleanup.splice(0)) rmSync(path, { recursive: true, force: true })
})

describe('safeFileName', () => {
  it('keeps a French name as it is', () => {
    expect(safeFileName('Délibération n°12 – œuvres.pdf')).toBe('Délibération n°12 – œuvres.pdf')
  })

  it('removes what Windows refuses: \\ / : * ? " < > |, control characters, trailing dots and spaces', () => {
    expect(safeFileName('a\\b/c:d*e?f"g<h>i|j\u0001.txt')).toBe('abcdefghij.txt')
    expect(safeFileName('rapport.pdf. . ')).toBe('rapport.pdf')
    expect(safeFileName('..caché')).toBe('caché')
    expect(safeFileName('  ...  ')).toBe('piece-jointe')
  })

  it('renames Windows device names and shortens long names, keeping the extension', () => {
    expect(safeFileName('CON.pdf')).toBe('_CON.pdf')
    expect(safeFileName('nul')).toBe('_nul')
    expect(safeFileName('com1.txt')).toBe('_com1.txt')
    expect(safeFileName('console.pdf')).toBe('console.pdf')
    const long = safeFileName(`${'a'.repeat(300)}.docx`)
    expect(long).toHaveLength(120)
    expect(long.endsWith('a.docx')).toBe(true)
  })
})

describe('isOpenable', () => {
  it('opens documents, never programs or scripts', () => {
    expect(['a.pdf', 'b.DOCX', 'c.odt', 'd.jpeg', 'e.csv'].every(isOpenable)).toBe(true)
    expect(['a.exe', 'b.bat', 'c.cmd', 'd.js', 'e.lnk', 'f.ps1', 'g.vbs', 'h.msi', 'i.scr', 'j.html', 'sans-extension'].some(isOpenable)).toBe(false)
  })
})

describe('openStoredFile', () => {
  it('removes the copies of earlier openings once they are a day old, and keeps recent ones', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cap-commune-open-'))
    cleanup.push(dataDir)
    const bytes = Buffer.from('bonjour')
    const hash = sha256(bytes)
    storeFile(dataDir, hash, bytes)
    const base = join(tmpdir(), OPENED_FILES_FOLDER)
    mkdirSync(base, { recursive: true })
    const old = mkdtempSync(join(base, 'test-old-'))
    const recent = mkdtempSync(join(base, 'test-recent-'))
    cleanup.push(old, recent)
    writeFileSync(join(old, 'ancien.txt'), 'x')
    const now = new Date()
    const twoDaysAgo = new Date(now.getTime() - 2 * 24 * 60 * 60 * 1000)
    utimesSync(old, twoDaysAgo, twoDaysAgo)

    const paths: string[] = []
    const result = await openStoredFile(
      { dataDir, now: () => now, openFile: async (path) => (paths.push(path), '') },
      { fileName: 'note.txt', sha256: hash },
    )
    cleanup.push(...paths.map((p) => dirname(p)))
    expect(result).toEqual({ opened: true })
    expect(existsSync(old)).toBe(false)
    expect(existsSync(recent)).toBe(true)
    expect(existsSync(storedFilePath(dataDir, hash))).toBe(true)
  })
})
