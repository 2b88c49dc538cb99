/**
 * CSV that opens cleanly in French Excel: UTF-8 with a byte-order mark, ';' between fields, CRLF line ends,
 * fields quoted when they hold a separator, a quote or a line break.
 */
export const CSV_BOM = '\uFEFF'

function csvField(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value)
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function toFrenchCsv(header: string[], rows: (string | number | null | undefined)[][]): string {
  return CSV_BOM + [header, ...rows].map((row) => row.map(csvField).join(';')).join('\r\n') + '\r\n'
}
