import { describe, expect, it } from 'vitest'
import { createClient } from '../src/api/client'
import { ApiProblem } from '../src/api/problem'
import { createReportApi } from '../src/api/reportEndpoints'
import { readAllPages } from '../src/logic/csvExport'

const HEADER = 'transfer_id,created_at,amount_fen\r\n'

/** The CSV route as it answers: text/csv pages, the next page named in x-next-cursor. */
function csvRoute(pages: { body: string; next?: string; status?: number }[]) {
  const cursors: (string | null)[] = []
  let n = 0
  const fetchImpl: typeof fetch = async (input, init) => {
    const url = new URL(new Request(input, init).url)
    cursors.push(url.searchParams.get('cursor'))
    const page = pages[n++]
    const headers: Record<string, string> = { 'content-type': page.status ? 'application/problem+json' : 'text/csv; charset=utf-8' }
    if (page.next) headers['x-next-cursor'] = page.next
    return new Response(page.body, { status: page.status ?? 200, headers })
  }
  return { reports: createReportApi(createClient({ baseUrl: 'http://console.test', fetchImpl })), cursors }
}

describe('the transfers export', () => {
  it('follows x-next-cursor through every page into one file with one header row', async () => {
    const { reports, cursors } = csvRoute([
      { body: `${HEADER}t1,2026-12-01 09:00,500\r\nt2,2026-12-01 10:00,700\r\n`, next: 'c1' },
      { body: `${HEADER}t3,2026-12-02 09:00,900\r\n` },
    ])
    const file = await readAllPages((cursor) => reports.transfersCsvPage('2026-12', cursor))
    expect(cursors).toEqual([null, 'c1'])
    expect(file.csv).toBe(`${HEADER}t1,2026-12-01 09:00,500\r\nt2,2026-12-01 10:00,700\r\nt3,2026-12-02 09:00,900\r\n`)
    expect(file).toMatchObject({ pages: 2, rows: 3 })
  })

  it('is a file with only the header row for a month without transfers', async () => {
    const { reports } = csvRoute([{ body: HEADER }])
    expect(await readAllPages((cursor) => reports.transfersCsvPage('2026-01', cursor))).toEqual({ csv: HEADER, pages: 1, rows: 0 })
  })

  it('turns a refused page into the API\'s userMessage', async () => {
    const { reports } = csvRoute([{
      status: 400, body: JSON.stringify({ code: 'VALIDATION_FAILED', userMessage: '月份格式不对。', status: 400 }),
    }])
    const refusal = await readAllPages((cursor) => reports.transfersCsvPage('2026-13', cursor)).catch((e: unknown) => e)
    expect(refusal).toBeInstanceOf(ApiProblem)
    expect((refusal as ApiProblem).userMessage).toBe('月份格式不对。')
  })
})
