// CSV files for staff, written the way Excel set to Greek opens them, and safe to open: a cell
// that begins like a formula is kept as text, so that a resident's report cannot run in a clerk's
// spreadsheet.
import { stringify } from 'csv-stringify/sync'

export type CsvCell = string | number | null

/** The first characters with which a spreadsheet starts a formula (OWASP's list). */
const FORMULA_START = /^[=+\-@\t\r]/

/** Text that would start a formula gets a leading apostrophe; numbers stay numbers. */
export function csvCell(value: CsvCell): string | number {
  if (value === null) return ''
  if (typeof value === 'number') return value
  return FORMULA_START.test(value) ? `'${value}` : value
}

/** `;` between fields, CRLF between rows and a byte order mark: what Excel set to Greek expects. */
export function spreadsheetCsv(header: string[], rows: CsvCell[][]): string {
  return stringify(
    rows.map((row) => row.map(csvCell)),
    {
      bom: true,
      delimiter: ';',
      record_delimiter: 'windows',
      header: true,
      columns: header.map(csvCell).map(String),
    },
  )
}
