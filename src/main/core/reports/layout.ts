/**
 * The frame every report shares: A4 portrait, the commune's name (and logo) on the cover and in the header,
 * « Page 3 / 12 » and the date in the footer, French styles, and the building blocks of the pages (headings that
 * feed the table of contents, tables that repeat their header row, charts, « nothing yet » notes).
 */
import type { Content, ContentTable, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces'
import type { ChartSvg } from './charts'

export const PAGE_WIDTH = 595.28
export const MARGIN_X = 48
export const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X

const BLUE = '#0f3ac8'
const MUTED = '#5c5f66'
const RULE = '#c9ccd1'

export interface ReportFrame {
  communeName: string
  /** « Aube (10) — 215 habitants » */
  communeLine: string
  logo: { dataUrl: string; width: number; height: number } | null
  title: string
  subtitle: string
  /** « Édité le 29 novembre 2026 par Marie Dupont » */
  editedLine: string
}

function cover(frame: ReportFrame): Content[] {
  const logo: Content[] = frame.logo ? [{ image: frame.logo.dataUrl, fit: [140, 140], alignment: 'center', margin: [0, 0, 0, 24] }] : []
  return [
    { text: '', margin: [0, frame.logo ? 60 : 140, 0, 0] },
    ...logo,
    { text: frame.communeName, style: 'coverCommune', alignment: 'center' },
    { text: frame.communeLine, style: 'muted', alignment: 'center', margin: [0, 4, 0, 48] },
    { canvas: [{ type: 'line', x1: 120, y1: 0, x2: CONTENT_WIDTH - 120, y2: 0, lineWidth: 1.5, lineColor: BLUE }] },
    { text: frame.title, style: 'coverTitle', alignment: 'center', margin: [0, 24, 0, 8] },
    ...(frame.subtitle ? [{ text: frame.subtitle, style: 'coverSubtitle', alignment: 'center' } as Content] : []),
    { text: frame.editedLine, style: 'muted', alignment: 'center', margin: [0, 48, 0, 0] },
  ]
}

/** The top of the first page of a short report: logo, commune, title, date. */
function titleBlock(frame: ReportFrame): Content[] {
  const text = {
    stack: [
      { text: frame.communeName, bold: true, fontSize: 13 },
      { text: frame.communeLine, style: 'muted' },
      { text: frame.title, style: 'coverSubtitle', color: BLUE, bold: true, margin: [0, 6, 0, 0] },
      { text: frame.editedLine, style: 'small' },
    ],
    width: '*',
  } as Content
  return [
    { columns: frame.logo ? [{ image: frame.logo.dataUrl, fit: [64, 64], width: 72 }, text] : [text], columnGap: 12 } as Content,
    { canvas: [{ type: 'line', x1: 0, y1: 8, x2: CONTENT_WIDTH, y2: 8, lineWidth: 1.2, lineColor: BLUE }], margin: [0, 0, 0, 14] },
  ]
}

export interface DocumentOptions {
  /** Long reports open with a table of contents built from the level-1 and level-2 headings. */
  tableOfContents: boolean
  /** A cover page; short reports open with a title block instead. */
  cover: boolean
}

export function reportDocument(frame: ReportFrame, body: Content[], options: DocumentOptions): TDocumentDefinitions {
  const toc: Content[] = options.tableOfContents
    ? [{ toc: { title: { text: 'Sommaire', style: 'h1' }, numberStyle: { bold: false } }, pageBreak: 'before' }]
    : []
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: [MARGIN_X, 56, MARGIN_X, 52],
    info: {
      title: `${frame.title} — ${frame.communeName}`,
      author: frame.communeName,
      subject: frame.subtitle || frame.title,
      creator: 'Cap Commune',
      producer: 'Cap Commune',
    },
    language: 'fr-FR',
    header: (currentPage: number) =>
      currentPage === 1
        ? null
        : {
            margin: [MARGIN_X, 22, MARGIN_X, 0],
            stack: [
              {
                columns: [
                  { text: frame.communeName, style: 'running', bold: true, width: '*' },
                  { text: frame.title, style: 'running', alignment: 'right', width: 'auto' },
                ],
              },
              { canvas: [{ type: 'line', x1: 0, y1: 4, x2: CONTENT_WIDTH, y2: 4, lineWidth: 0.5, lineColor: RULE }] },
            ],
          },
    footer: (currentPage: number, pageCount: number) => ({
      margin: [MARGIN_X, 16, MARGIN_X, 0],
      columns: [
        { text: `${frame.communeName} — ${frame.editedLine}`, style: 'running', width: '*' },
        { text: `Page ${currentPage} / ${pageCount}`, style: 'running', alignment: 'right', width: 'auto' },
      ],
    }),
    content: [...(options.cover ? cover(frame) : titleBlock(frame)), ...toc, ...body],
    // A heading never stays alone at the foot of a page: it moves to the next one with what follows it.
    pageBreakBefore: (node, queries) => Boolean(node.headlineLevel) && node.pageBreak !== 'before' && queries.getFollowingNodesOnPage().length === 0,
    defaultStyle: { font: 'Roboto', fontSize: 9.5, lineHeight: 1.2, color: '#1f2328' },
    styles: {
      coverCommune: { fontSize: 26, bold: true, color: '#1f2328' },
      coverTitle: { fontSize: 22, bold: true, color: BLUE },
      coverSubtitle: { fontSize: 13, color: '#1f2328' },
      h1: { fontSize: 16, bold: true, color: BLUE, margin: [0, 0, 0, 10] },
      h2: { fontSize: 12.5, bold: true, margin: [0, 14, 0, 6] },
      h3: { fontSize: 10.5, bold: true, margin: [0, 10, 0, 4] },
      muted: { color: MUTED },
      small: { fontSize: 8, color: MUTED },
      running: { fontSize: 7.5, color: MUTED },
      tableHeader: { bold: true, fontSize: 8.5, color: '#1f2328' },
      cell: { fontSize: 8.5 },
      figure: { fontSize: 20, bold: true, color: BLUE },
      figureLabel: { fontSize: 8.5, color: MUTED },
      note: { italics: true, color: MUTED, margin: [0, 2, 0, 8] },
    },
  }
}

/** A level-1 heading, in the table of contents; `newPage` for the big parts of a report. */
export function h1(text: string, options: { newPage?: boolean } = {}): Content {
  return { text, style: 'h1', tocItem: true, pageBreak: options.newPage ? 'before' : undefined, headlineLevel: 1 }
}

/** A level-2 heading, indented in the table of contents. */
export function h2(text: string, options: { toc?: boolean } = {}): Content {
  return { text, style: 'h2', tocItem: options.toc ?? true, tocMargin: [14, 0, 0, 0], headlineLevel: 2 }
}

export function h3(text: string): Content {
  return { text, style: 'h3', headlineLevel: 3 }
}

export function paragraph(text: string, margin: [number, number, number, number] = [0, 0, 0, 6]): Content {
  return { text, margin }
}

/** What to say when a part has nothing in it yet, instead of an empty table or chart. */
export function emptyNote(text: string): Content {
  return { text, style: 'note' }
}

/** Key figures side by side: a big number and what it is. */
export function figures(items: { value: string; label: string }[]): Content {
  return {
    columns: items.map((item) => ({
      stack: [
        { text: item.value, style: 'figure' },
        { text: item.label, style: 'figureLabel' },
      ],
      width: '*',
    })),
    columnGap: 12,
    margin: [0, 4, 0, 12],
  }
}

export interface Column<Row> {
  header: string
  width: number | '*' | 'auto'
  align?: 'left' | 'right' | 'center'
  cell: (row: Row) => string | TableCell
}

/** A table whose header row repeats on every page; long text wraps inside its column, never beyond the page. */
export function table<Row>(columns: Column<Row>[], rows: Row[], options: { fontSize?: number; keepRowsWhole?: boolean } = {}): ContentTable {
  const header: TableCell[] = columns.map((column) => ({ text: column.header, style: 'tableHeader', alignment: column.align ?? 'left' }))
  // The cell style is set once on the table; a plain string per cell keeps long tables light to lay out.
  const body: TableCell[][] = rows.map((row) =>
    columns.map((column) => {
      const value = column.cell(row)
      return typeof value === 'string' && column.align && column.align !== 'left' ? { text: value, alignment: column.align } : value
    }),
  )
  return {
    table: {
      headerRows: 1,
      widths: columns.map((c) => c.width),
      body: [header, ...body],
      // A row is not cut between two pages (costly to lay out: long tables of short rows opt out); the header row
      // never stays alone at the foot of a page.
      dontBreakRows: options.keepRowsWhole ?? true,
      keepWithHeaderRows: 1,
    },
    layout: {
      fillColor: (rowIndex: number) => (rowIndex === 0 ? '#e8ecf9' : rowIndex % 2 === 0 ? '#f6f7f9' : null),
      hLineWidth: (i: number, node: ContentTable) => (i === 0 || i === 1 || i === node.table.body.length ? 0.8 : 0.3),
      vLineWidth: () => 0,
      hLineColor: () => RULE,
      paddingTop: () => 3,
      paddingBottom: () => 3,
      paddingLeft: () => 4,
      paddingRight: () => 4,
    },
    style: 'cell',
    fontSize: options.fontSize,
    margin: [0, 2, 0, 10],
  }
}

/** Label → value lines (a project's facts). */
export function facts(items: [string, string][]): Content {
  return {
    table: { widths: [130, '*'], body: items.map(([label, value]) => [{ text: label, style: 'muted' }, { text: value }]) },
    layout: 'noBorders',
    margin: [0, 0, 0, 8],
  }
}

/** A chart at its printed size, its title above it (kept on the same page). */
export function chart(title: string, svg: ChartSvg): Content {
  return {
    stack: [
      { text: title, style: 'h3' },
      { svg: svg.svg, width: svg.width, alignment: 'center' },
    ],
    unbreakable: true,
    margin: [0, 0, 0, 8],
  }
}
