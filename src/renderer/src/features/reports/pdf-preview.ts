/**
 * pdf.js, loaded only when a report is shown: opening a PDF received from the core, drawing a page on a canvas, and
 * turning every page into an image for printing.
 *
 * CSP: the worker is a file of the app itself (Vite emits it next to the bundle), so `default-src 'self'` (through
 * `script-src 'self'`) allows it; fonts are handed to the FontFace API as bytes and the pages are drawn on canvases,
 * none of which the policy restricts. `isEvalSupported: false` keeps pdf.js from trying `new Function`, which the
 * policy forbids.
 */
import type { PDFDocumentProxy, PDFPageProxy, RenderTask } from 'pdfjs-dist'

type PdfJs = typeof import('pdfjs-dist')

let loading: Promise<PdfJs> | null = null

function pdfjs(): Promise<PdfJs> {
  loading ??= Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]).then(([lib, worker]) => {
    lib.GlobalWorkerOptions.workerSrc = worker.default
    return lib
  })
  return loading
}

/** Opens a PDF from its bytes (pdf.js hands them to its worker, so it gets a copy). */
export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const lib = await pdfjs()
  return lib.getDocument({ data: bytes.slice(), isEvalSupported: false, enableXfa: false, stopAtErrors: false }).promise
}

/** A render that was replaced or abandoned: not an error to show. */
export function isCancelled(error: unknown): boolean {
  return error instanceof Error && error.name === 'RenderingCancelledException'
}

export interface PageDrawing {
  promise: Promise<void>
  cancel(): void
}

/** Draws a page on a canvas `cssWidth` CSS pixels wide, sharp on high-density screens. */
export function drawPage(page: PDFPageProxy, canvas: HTMLCanvasElement, cssWidth: number, pixelRatio = window.devicePixelRatio || 1): PageDrawing {
  const base = page.getViewport({ scale: 1 })
  const viewport = page.getViewport({ scale: (cssWidth * pixelRatio) / base.width })
  canvas.width = Math.floor(viewport.width)
  canvas.height = Math.floor(viewport.height)
  const task: RenderTask = page.render({ canvas, viewport, background: '#ffffff' })
  return { promise: task.promise, cancel: () => task.cancel() }
}

/** Frees the memory of a drawn page. */
export function clearCanvas(canvas: HTMLCanvasElement): void {
  canvas.width = 0
  canvas.height = 0
}

export interface PrintImage {
  /** An object URL (blob:) of a PNG, to revoke once printed. */
  url: string
  landscape: boolean
}

/** Enough for text and charts on paper, and far lighter than the printer's full resolution. */
export const PRINT_DPI = 150

/**
 * Every page as a PNG at `dpi`, one after the other (one canvas at a time: a long council pack must not hold a
 * hundred canvases in memory); `onPage(done, total)` after each page; stops when `signal` is aborted.
 */
export async function renderForPrint(
  doc: PDFDocumentProxy,
  onPage: (done: number, total: number) => void,
  signal?: AbortSignal,
  dpi = PRINT_DPI,
): Promise<PrintImage[]> {
  const images: PrintImage[] = []
  const canvas = document.createElement('canvas')
  try {
    for (let number = 1; number <= doc.numPages; number++) {
      if (signal?.aborted) throw new DOMException('Impression annulée', 'AbortError')
      const page = await doc.getPage(number)
      const viewport = page.getViewport({ scale: dpi / 72 })
      canvas.width = Math.floor(viewport.width)
      canvas.height = Math.floor(viewport.height)
      await page.render({ canvas, viewport, intent: 'print', background: '#ffffff' }).promise
      page.cleanup()
      const blob = await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob'))), 'image/png'))
      const url = URL.createObjectURL(blob)
      images.push({ url, landscape: viewport.width > viewport.height })
      onPage(number, doc.numPages)
    }
    return images
  } catch (error) {
    revokePrintImages(images)
    throw error
  } finally {
    clearCanvas(canvas)
  }
}

export function revokePrintImages(images: PrintImage[]): void {
  for (const image of images) URL.revokeObjectURL(image.url)
}
