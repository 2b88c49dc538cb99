import { createPortal } from 'react-dom'
import type { PrintImage } from './pdf-preview'
import classes from './PrintPages.module.css'

export const PRINT_ROOT_ATTRIBUTE = 'data-print-pages'

/** The report's pages as images, outside the app (a child of <body>), shown by the print CSS only. */
export function PrintPages({ images }: { images: PrintImage[] | null }) {
  if (!images) return null
  return createPortal(
    <div className={classes.root} {...{ [PRINT_ROOT_ATTRIBUTE]: '' }} aria-hidden>
      {images.map((image) => (
        <img key={image.url} src={image.url} alt="" className={image.landscape ? `${classes.page} ${classes.landscape}` : classes.page} />
      ))}
    </div>,
    document.body,
  )
}

/** Resolves once every page image is decoded, so that the print dialog never shows a half-drawn sheet. */
export async function printPagesReady(): Promise<void> {
  const images = Array.from(document.querySelectorAll<HTMLImageElement>(`[${PRINT_ROOT_ATTRIBUTE}] img`))
  await Promise.all(images.map((image) => image.decode().catch(() => undefined)))
}
