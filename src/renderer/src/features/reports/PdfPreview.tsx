import { ActionIcon, Badge, Box, Button, Center, Group, Loader, Paper, Progress, Stack, Text, Title, Tooltip } from '@mantine/core'
import { useElementSize, useMergedRef } from '@mantine/hooks'
import { IconChevronDown, IconChevronUp, IconDeviceFloppy, IconPrinter } from '@tabler/icons-react'
import type { PDFDocumentProxy } from 'pdfjs-dist'
import { useEffect, useMemo, useRef, useState } from 'react'
import { flushSync } from 'react-dom'
import { useTranslation } from 'react-i18next'
import type { ReportFile } from '@shared/contract'
import { FormError } from '../../components/FormError'
import { bytesFromBase64, saveReceivedFile } from '../../lib/files'
import { platform } from '../../platform'
import { clearCanvas, drawPage, isCancelled, openPdf, renderForPrint, revokePrintImages, type PageDrawing, type PrintImage } from './pdf-preview'
import { PrintPages, printPagesReady } from './PrintPages'

/** The widest a page is drawn on screen, in CSS pixels (about 100 % zoom for A4). */
const MAX_PAGE_WIDTH = 820
const COLUMN_PADDING = 16
/** A4 portrait, until a page says otherwise. */
const A4_RATIO = 595.28 / 841.89

type Loaded = { state: 'loading' } | { state: 'ready'; doc: PDFDocumentProxy } | { state: 'failed' }

/** A generated report: its pages drawn by pdf.js in a scrolling column, saved as it came from the core, or printed. */
export function PdfPreview({ file }: { file: ReportFile }) {
  const { t } = useTranslation()
  const bytes = useMemo(() => bytesFromBase64(file.contentBase64), [file.contentBase64])
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' })
  const [current, setCurrent] = useState(1)
  const [printImages, setPrintImages] = useState<PrintImage[] | null>(null)
  const [printing, setPrinting] = useState<{ done: number; total: number } | null>(null)
  const [printError, setPrintError] = useState<string | null>(null)
  const { ref: sizeRef, width } = useElementSize()
  const column = useRef<HTMLDivElement | null>(null)
  const [root, setRoot] = useState<HTMLDivElement | null>(null)
  const columnRef = useMergedRef(sizeRef, column, setRoot)
  const section = useRef<HTMLElement>(null)

  // A new report comes into view: it is what the user is waiting for.
  useEffect(() => {
    // Braces: recent browsers return a promise from scrollIntoView, which React must not take for a cleanup.
    void section.current?.scrollIntoView({ behavior: 'smooth', block: 'start' })
  }, [])

  useEffect(() => {
    let cancelled = false
    let opened: PDFDocumentProxy | null = null
    openPdf(bytes).then(
      (doc) => {
        if (cancelled) return void doc.destroy()
        opened = doc
        setLoaded({ state: 'ready', doc })
      },
      () => !cancelled && setLoaded({ state: 'failed' }),
    )
    return () => {
      cancelled = true
      void opened?.destroy()
    }
  }, [bytes])

  // The page images are kept for a second print, and freed with the preview.
  useEffect(
    () => () => {
      if (printImages) revokePrintImages(printImages)
    },
    [printImages],
  )

  const doc = loaded.state === 'ready' ? loaded.doc : null
  const total = doc?.numPages ?? file.pageCount
  // The column's content width (without its padding and scroll bar).
  const pageWidth = Math.floor(Math.min(MAX_PAGE_WIDTH, width))

  function pageElement(number: number): HTMLElement | null {
    return column.current?.querySelector<HTMLElement>(`[data-page="${number}"]`) ?? null
  }

  function goTo(number: number) {
    const target = pageElement(Math.min(total, Math.max(1, number)))
    if (!target || !column.current) return
    column.current.scrollTo({ top: target.offsetTop - COLUMN_PADDING, behavior: 'smooth' })
  }

  function onScroll() {
    const container = column.current
    if (!container) return
    // The current page is the one under the upper third of the column.
    const line = container.scrollTop + container.clientHeight / 3
    let page = 1
    for (const element of container.querySelectorAll<HTMLElement>('[data-page]')) {
      if (element.offsetTop <= line) page = Number(element.dataset.page)
    }
    setCurrent(page)
  }

  async function print() {
    if (!doc) return
    setPrintError(null)
    try {
      if (!printImages) {
        setPrinting({ done: 0, total: doc.numPages })
        const images = await renderForPrint(doc, (done, count) => setPrinting({ done, total: count }))
        flushSync(() => setPrintImages(images))
        await printPagesReady()
      }
      setPrinting(null)
      platform.print()
    } catch {
      setPrinting(null)
      setPrintError(t('reports.printFailed'))
    }
  }

  return (
    <Paper ref={section} component="section" withBorder radius="md" p="md" aria-labelledby="report-preview-title">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
            <Text size="sm" c="dimmed" fw={500}>
              {t('reports.preview')}
            </Text>
            <Group gap="xs" wrap="wrap">
              <Title order={2} size="h3" id="report-preview-title">
                {file.title}
              </Title>
              <Badge variant="light" color="marianne" tt="none" size="lg" data-testid="report-page-count">
                {t('reports.pageCount', { count: total })}
              </Badge>
            </Group>
          </Stack>
          <Group gap="sm">
            <Button leftSection={<IconDeviceFloppy size={16} />} onClick={() => saveReceivedFile(file)}>
              {t('reports.save')}
            </Button>
            <Button variant="default" leftSection={<IconPrinter size={16} />} onClick={print} loading={printing !== null} disabled={!doc}>
              {t('reports.print')}
            </Button>
          </Group>
        </Group>
        {printing && (
          <Stack gap={4} role="status">
            <Text size="sm">
              {printing.done === 0 ? t('reports.printing') : t('reports.printProgress', { page: printing.done, total: printing.total })}
            </Text>
            <Progress value={(printing.done / Math.max(1, printing.total)) * 100} animated aria-label={t('reports.printing')} />
          </Stack>
        )}
        <FormError message={printError} />
        {loaded.state === 'failed' ? (
          <FormError message={t('reports.previewFailed')} />
        ) : (
          <>
            <Group justify="center" gap="xs">
              <Tooltip label={t('reports.previousPage')}>
                <ActionIcon
                  variant="default"
                  aria-label={t('reports.previousPage')}
                  onClick={() => goTo(current - 1)}
                  disabled={!doc || current <= 1}
                >
                  <IconChevronUp size={16} />
                </ActionIcon>
              </Tooltip>
              <Text size="sm" aria-live="polite" miw={110} ta="center">
                {t('reports.pageOf', { page: current, total })}
              </Text>
              <Tooltip label={t('reports.nextPage')}>
                <ActionIcon
                  variant="default"
                  aria-label={t('reports.nextPage')}
                  onClick={() => goTo(current + 1)}
                  disabled={!doc || current >= total}
                >
                  <IconChevronDown size={16} />
                </ActionIcon>
              </Tooltip>
            </Group>
            <Box
              ref={columnRef}
              tabIndex={0}
              role="region"
              aria-label={t('reports.previewLabel', { count: total })}
              onScroll={onScroll}
              bg="gray.2"
              p={COLUMN_PADDING}
              style={{ position: 'relative', height: 'min(75vh, 1100px)', overflowY: 'auto', borderRadius: 'var(--mantine-radius-sm)' }}
            >
              {!doc || pageWidth === 0 || !root ? (
                <Center h="100%">
                  <Group gap="sm">
                    <Loader size="sm" />
                    <Text size="sm">{t('reports.loadingPreview')}</Text>
                  </Group>
                </Center>
              ) : (
                <Stack gap="md" align="center">
                  {Array.from({ length: doc.numPages }, (_, index) => (
                    <PageCanvas key={index + 1} doc={doc} number={index + 1} total={doc.numPages} width={pageWidth} root={root} />
                  ))}
                </Stack>
              )}
            </Box>
          </>
        )}
      </Stack>
      <PrintPages images={printImages} />
    </Paper>
  )
}

interface PageCanvasProps {
  doc: PDFDocumentProxy
  number: number
  total: number
  /** CSS pixels. */
  width: number
  /** The scrolling column: pages are drawn when they come near it, and freed when they leave. */
  root: HTMLElement
}

function PageCanvas({ doc, number, total, width, root }: PageCanvasProps) {
  const { t } = useTranslation()
  const wrapper = useRef<HTMLDivElement>(null)
  const canvas = useRef<HTMLCanvasElement>(null)
  const [near, setNear] = useState(number <= 2)
  const [ratio, setRatio] = useState(A4_RATIO)
  const [drawn, setDrawn] = useState<'no' | 'yes' | 'failed'>('no')

  useEffect(() => {
    const observer = new IntersectionObserver(([entry]) => setNear(entry?.isIntersecting ?? false), { root, rootMargin: '150% 0px' })
    observer.observe(wrapper.current!)
    return () => observer.disconnect()
  }, [root])

  useEffect(() => {
    if (!near) return
    const target = canvas.current!
    let cancelled = false
    let drawing: PageDrawing | null = null
    doc
      .getPage(number)
      .then((page) => {
        if (cancelled) return
        const size = page.getViewport({ scale: 1 })
        setRatio(size.width / size.height)
        drawing = drawPage(page, target, width)
        return drawing.promise.then(() => !cancelled && setDrawn('yes'))
      })
      .catch((error: unknown) => {
        if (!cancelled && !isCancelled(error)) setDrawn('failed')
      })
    return () => {
      cancelled = true
      drawing?.cancel()
      clearCanvas(target)
      setDrawn('no')
    }
  }, [doc, number, near, width])

  return (
    <Box
      ref={wrapper}
      data-page={number}
      bg="white"
      w={width}
      style={{ aspectRatio: String(ratio), boxShadow: 'var(--mantine-shadow-sm)', position: 'relative', flexShrink: 0 }}
    >
      <canvas
        ref={canvas}
        role="img"
        aria-label={t('reports.pageLabel', { page: number, total })}
        data-drawn={drawn === 'yes' ? 'true' : 'false'}
        style={{ display: 'block', width: '100%', height: '100%' }}
      />
      {drawn === 'failed' && (
        <Center pos="absolute" inset={0} p="md">
          <Text size="sm" c="red.8">
            {t('reports.pageFailed')}
          </Text>
        </Center>
      )}
    </Box>
  )
}
