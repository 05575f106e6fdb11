import type { CsvPage } from '../api/reportEndpoints'
import { ApiProblem } from '../api/problem'

/** Pages one export may read: 200 pages of at most 5,000 transfers, a million transfers in a month. */
export const EXPORT_PAGES_MAX = 200
const NEWLINE = '\r\n'

export interface ExportedCsv {
  csv: string
  pages: number
  rows: number
}

/**
 * Reads every page of the transfers export, following x-next-cursor, into one CSV file: the first page's
 * header row once, then every page's rows in order (the route never overlaps or skips between pages).
 */
export async function readAllPages(
  readPage: (cursor?: string) => Promise<CsvPage>,
  onPage?: (pages: number, rows: number) => void,
): Promise<ExportedCsv> {
  let header = ''
  const bodies: string[] = []
  let rows = 0
  let cursor: string | undefined
  for (let pages = 1; pages <= EXPORT_PAGES_MAX; pages++) {
    const page = await readPage(cursor)
    const cut = page.csv.indexOf(NEWLINE)
    const body = cut < 0 ? '' : page.csv.slice(cut + NEWLINE.length)
    if (pages === 1) header = cut < 0 ? page.csv : page.csv.slice(0, cut + NEWLINE.length)
    bodies.push(body)
    rows += body.split(NEWLINE).filter((line) => line !== '').length
    onPage?.(pages, rows)
    if (!page.nextCursor) return { csv: header + bodies.join(''), pages, rows }
    cursor = page.nextCursor
  }
  throw new ApiProblem(500, 'EXPORT_TOO_LONG', '这个月的转账过多，无法一次导出，请联系技术支持。')
}

/** Hands the file to the browser's download; the byte-order mark lets Excel read the Chinese as UTF-8. */
export function download(csv: string, filename: string): void {
  const url = URL.createObjectURL(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }))
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 0)
}
