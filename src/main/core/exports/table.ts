/**
 * Tables written as spreadsheets for the mairie: XLSX (exceljs) or CSV for French Excel (src/shared/csv.ts).
 * Dates are written JJ/MM/AAAA; amounts are carried in cents and written in euros — real numbers with a euro format
 * in XLSX, French text ("1 234,50") in CSV. The header row is bold and frozen in XLSX.
 */
import ExcelJS from 'exceljs'
import { toFrenchCsv } from '../../../shared/csv'

export type ColumnKind = 'text' | 'date' | 'money' | 'number' | 'percent'

export interface Column<Row> {
  header: string
  kind: ColumnKind
  /** Width in characters (XLSX). */
  width: number
  /** Text, an ISO date (YYYY-MM-DD) for `date`, cents for `money`, a number for `number`/`percent`; null = empty. */
  value(row: Row): string | number | null
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
export const CSV_MIME = 'text/csv;charset=utf-8'
export const EURO_FORMAT = '#,##0.00 "€"'
const DATE_FORMAT = 'dd/mm/yyyy'

/** "2026-11-29" → "29/11/2026"; anything else is returned as is. */
export function frenchDate(iso: string | null): string {
  if (!iso) return ''
  const match = /^(\d{4})-(\d\d)-(\d\d)/.exec(iso)
  return match ? `${match[3]}/${match[2]}/${match[1]}` : iso
}

/** 123450 → "1 234,50" (space between thousands, comma before the cents). */
export function frenchEuros(cents: number): string {
  const negative = cents < 0
  const abs = Math.abs(Math.round(cents))
  const euros = Math.floor(abs / 100)
  const rest = String(abs % 100).padStart(2, '0')
  const grouped = String(euros).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')
  return `${negative ? '-' : ''}${grouped},${rest}`
}

function frenchNumber(value: number): string {
  return String(value).replace('.', ',')
}

export function tableToCsv<Row>(columns: Column<Row>[], rows: Row[]): string {
  return toFrenchCsv(
    columns.map((c) => c.header),
    rows.map((row) =>
      columns.map((c) => {
        const value = c.value(row)
        if (value === null) return ''
        switch (c.kind) {
          case 'date':
            return frenchDate(String(value))
          case 'money':
            return frenchEuros(Number(value))
          case 'number':
          case 'percent':
            return frenchNumber(Number(value))
          case 'text':
            return String(value)
        }
      }),
    ),
  )
}

function isoToUtcDate(iso: string): Date | null {
  const match = /^(\d{4})-(\d\d)-(\d\d)$/.exec(iso)
  return match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null
}

export async function tableToXlsx<Row>(sheetName: string, columns: Column<Row>[], rows: Row[], createdAt: Date): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Cap Commune'
  workbook.created = createdAt
  workbook.modified = createdAt
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] })
  sheet.columns = columns.map((c, i) => ({
    key: `c${i}`,
    width: c.width,
    style:
      c.kind === 'money' ? { numFmt: EURO_FORMAT } : c.kind === 'date' ? { numFmt: DATE_FORMAT } : c.kind === 'percent' ? { numFmt: '0" %"' } : {},
  }))
  const header = sheet.getRow(1)
  header.values = columns.map((c) => c.header)
  header.font = { bold: true }
  header.alignment = { vertical: 'middle', wrapText: true }
  for (const row of rows) {
    sheet.addRow(
      columns.map((c) => {
        const value = c.value(row)
        if (value === null) return null
        switch (c.kind) {
          case 'date':
            return isoToUtcDate(String(value)) ?? String(value)
          case 'money':
            return Number(value) / 100
          case 'number':
          case 'percent':
            return Number(value)
          case 'text':
            return String(value)
        }
      }),
    )
  }
  if (rows.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } }
  const buffer = await workbook.xlsx.writeBuffer()
  return Buffer.from(buffer as ArrayBuffer)
}
