/**
 * The PDF engine: pdfmake with the Roboto fonts it ships (embedded in every file, so a report prints the same on any
 * PC), no network and no file access beyond those fonts.
 */
import { dirname, join } from 'node:path'
import { createRequire } from 'node:module'
import pdfmake from 'pdfmake'
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces'

const require = createRequire(import.meta.url)
export const FONT_DIR = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto')
export const FONT_FILES = {
  normal: join(FONT_DIR, 'Roboto-Regular.ttf'),
  bold: join(FONT_DIR, 'Roboto-Medium.ttf'),
  italics: join(FONT_DIR, 'Roboto-Italic.ttf'),
  bolditalics: join(FONT_DIR, 'Roboto-MediumItalic.ttf'),
}

/**
 * The resident codes' font: Courier Bold, one of the fourteen fonts every PDF reader has (nothing to embed), monospaced
 * so each character of a code stands apart. The codes' alphabet already leaves out 0/O and 1/I/L.
 */
export const CODE_FONT = 'Courier'
const CODE_FONT_FILES = { normal: 'Courier', bold: 'Courier-Bold', italics: 'Courier-Oblique', bolditalics: 'Courier-BoldOblique' }

let configured = false
function configure(): void {
  if (configured) return
  pdfmake.addFonts({ Roboto: FONT_FILES, [CODE_FONT]: CODE_FONT_FILES })
  // Reports embed images as data URLs: nothing is fetched, and only the fonts are read from disk.
  pdfmake.setUrlAccessPolicy(() => false)
  // The standard fonts are names, not files: pdfkit has their metrics built in.
  const fonts = new Set([...Object.values(FONT_FILES), ...Object.values(CODE_FONT_FILES)])
  pdfmake.setLocalAccessPolicy((path) => fonts.has(path))
  configured = true
}

/**
 * fr-FR number formatting puts a narrow no-break space (U+202F) between thousands; Roboto has no glyph for it, so it
 * becomes an ordinary no-break space, which keeps « 12 500 € » on one line.
 */
export function printable(text: string): string {
  return text.replace(/\u202f/g, '\u00a0')
}

function cleanStrings<T>(node: T): T {
  if (typeof node === 'string') return printable(node) as T
  if (Array.isArray(node)) return node.map(cleanStrings) as T
  if (node && typeof node === 'object') {
    const out: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(node)) {
      // SVG markup and image data are not text to print.
      out[key] = key === 'svg' || key === 'image' ? value : cleanStrings(value)
    }
    return out as T
  }
  return node
}

export interface RenderedPdf {
  bytes: Buffer
  pageCount: number
}

/** Lays out and writes a document; the page count comes from the footer pdfmake draws on every page. */
export async function renderPdf(definition: TDocumentDefinitions): Promise<RenderedPdf> {
  configure()
  let pageCount = 0
  const footer = definition.footer
  const counted: TDocumentDefinitions = {
    ...cleanStrings({ ...definition, footer: undefined, header: undefined }),
    header: definition.header,
    footer: (currentPage: number, total: number, pageSize) => {
      pageCount = total
      return typeof footer === 'function' ? (cleanStrings(footer(currentPage, total, pageSize)) as Content) : ((footer ?? null) as Content)
    },
  }
  const bytes = Buffer.from(await pdfmake.createPdf(counted).getBuffer())
  return { bytes, pageCount }
}
