/** Reads a PDF back for tests (pdfjs-dist, no system tool): its text page by page, where each piece sits, its images. */
import { createRequire } from 'node:module'
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { FONT_FILES } from '../reports/pdf'

export interface PdfTextItem {
  text: string
  x: number
  y: number
  width: number
}

export interface ReadPdf {
  pageCount: number
  /** Each page's text, pieces joined with spaces and lines with new lines. */
  pages: string[]
  /** Every piece of text with its position, per page (PDF points, origin bottom left). */
  items: PdfTextItem[][]
  pageWidth: number
  /** Images drawn, per page. */
  images: number[]
  title: string
}

export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  const document = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false }).promise
  const pages: string[] = []
  const items: PdfTextItem[][] = []
  const images: number[] = []
  let pageWidth = 0
  for (let n = 1; n <= document.numPages; n++) {
    const page = await document.getPage(n)
    pageWidth = page.view[2]!
    const content = await page.getTextContent()
    let text = ''
    const pageItems: PdfTextItem[] = []
    for (const item of content.items) {
      if (!('str' in item)) continue
      text += item.str + (item.hasEOL ? '\n' : ' ')
      if (item.str.trim()) pageItems.push({ text: item.str, x: item.transform[4] as number, y: item.transform[5] as number, width: item.width })
    }
    pages.push(text)
    items.push(pageItems)
    const operators = await page.getOperatorList()
    images.push(operators.fnArray.filter((op) => op === OPS.paintImageXObject).length)
  }
  const metadata = await document.getMetadata()
  const title = String((metadata.info as Record<string, unknown>).Title ?? '')
  await document.destroy()
  return { pageCount: document.numPages, pages, items, pageWidth, images, title }
}

/**
 * Characters of `text` the embedded Roboto cannot draw (a PDF shows them as empty boxes). fontkit is the font reader
 * pdfmake itself uses (through pdfkit).
 */
export function undrawable(text: string): string[] {
  const missing = new Set<string>()
  for (const char of text) if (!/[ \n\t]/.test(char) && !roboto().hasGlyphForCodePoint(char.codePointAt(0)!)) missing.add(char)
  return [...missing]
}

let font: { hasGlyphForCodePoint(codePoint: number): boolean } | null = null
function roboto() {
  if (!font) {
    const fromPdfkit = createRequire(createRequire(import.meta.url).resolve('pdfkit'))
    const fontkit = fromPdfkit('fontkit') as { openSync(path: string): { hasGlyphForCodePoint(codePoint: number): boolean } }
    font = fontkit.openSync(FONT_FILES.normal)
  }
  return font
}

/** Any run of spaces (no-break ones included, as fr-FR numbers use) as one space: compare what a reader sees. */
export function spaced(text: string): string {
  return text.replace(/[ \u00a0\u202f]+/g, ' ')
}

/** The whole text as one line (wrapped lines joined), for `toContain` checks. */
export function plainText(pdf: ReadPdf): string {
  return spaced(pdf.pages.join(' ').replace(/\s*\n\s*/g, ' '))
}
