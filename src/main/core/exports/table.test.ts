import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { EURO_FORMAT, frenchDate, frenchEuros, tableToCsv, tableToXlsx, type Column } from './table'

interface Line {
  title: string
  on: string | null
  cents: number
}
const columns: Column<Line>[] = [
  { header: 'Intitulé', kind: 'text', width: 30, value: (r) => r.title },
  { header: 'Échéance', kind: 'date', width: 12, value: (r) => r.on },
  { header: 'Montant', kind: 'money', width: 14, value: (r) => r.cents },
]
const rows: Line[] = [
  { title: 'École maternelle ; préau', on: '2026-11-29', cents: 123_450 },
  { title: 'Voirie', on: null, cents: 5 },
]

describe('spreadsheet tables', () => {
  it('formats French dates and euros', () => {
    expect(frenchDate('2026-03-07')).toBe('07/03/2026')
    expect(frenchDate(null)).toBe('')
    expect(frenchEuros(123_450)).toBe('1 234,50')
    expect(frenchEuros(100_000_000)).toBe('1 000 000,00')
    expect(frenchEuros(5)).toBe('0,05')
  })

  it('writes CSV for French Excel', () => {
    const csv = tableToCsv(columns, rows)
    expect(csv.startsWith('\uFEFF')).toBe(true)
    expect(csv.slice(1).split('\r\n')).toEqual(['Intitulé;Échéance;Montant', '"École maternelle ; préau";29/11/2026;1 234,50', 'Voirie;;0,05', ''])
  })

  it('writes XLSX with a bold frozen header, euro amounts as numbers and real dates', async () => {
    const buffer = await tableToXlsx('Lignes', columns, rows, new Date('2026-11-29T10:00:00Z'))
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer)
    const sheet = workbook.getWorksheet('Lignes')!
    expect(sheet.getRow(1).values).toEqual([undefined, 'Intitulé', 'Échéance', 'Montant'])
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true)
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(sheet.getCell('A2').value).toBe('École maternelle ; préau')
    expect((sheet.getCell('B2').value as Date).toISOString().slice(0, 10)).toBe('2026-11-29')
    expect(sheet.getCell('B2').numFmt).toBe('dd/mm/yyyy')
    expect(sheet.getCell('C2').value).toBe(1234.5)
    expect(sheet.getCell('C2').numFmt).toBe(EURO_FORMAT)
    expect(sheet.getCell('B3').value).toBeNull()
    expect(sheet.getColumn(1).width).toBe(30)
  })
})
