import { describe, expect, it } from 'vitest'
import { createClient } from '../src/api/client'
import { ApiProblem } from '../src/api/problem'
import { createReportApi } from '../src/api/reportEndpoints'
import type { AuditVerification } from '../src/api/types'
import { verifyToEnd, type VerifyProgress } from '../src/logic/verifyLoop'
import { fakeFetch, problem, type Answer } from './fakeApi'

function stretch(fields: Partial<AuditVerification>): AuditVerification {
  return {
    valid: false, entriesChecked: 0, transfersChecked: 0, resolutionsChecked: 0, settlementsChecked: 0, accountsChecked: 0,
    batchesChecked: 0, full: false, complete: false, walkedAfterSeq: 0, rejectedCheckpoints: [], ...fields,
  }
}

/** The verify route through the real client, answering one stretch per call, with every query sent. */
function verifyRoute(answers: Answer[]) {
  const { fetchImpl } = fakeFetch({ 'GET /v1/audit/verify': (_, nth) => answers[nth - 1] })
  const queries: Record<string, string>[] = []
  const recording: typeof fetch = (input, init) => {
    queries.push(Object.fromEntries(new URL(new Request(input, init).url).searchParams))
    return fetchImpl(input, init)
  }
  return { reports: createReportApi(createClient({ baseUrl: 'http://console.test', fetchImpl: recording })), queries }
}

describe('verifying the audit chain to its head', () => {
  it('calls again from resumeAfterSeq until the chain is complete, summing what was checked', async () => {
    const { reports, queries } = verifyRoute([
      { status: 200, body: stretch({ entriesChecked: 10_000, transfersChecked: 40, complete: false, resumeAfterSeq: 10_000 }) },
      { status: 200, body: stretch({ entriesChecked: 10_000, transfersChecked: 35, complete: false, resumeAfterSeq: 20_000, walkedAfterSeq: 10_000 }) },
      { status: 200, body: stretch({ valid: true, entriesChecked: 1_234, transfersChecked: 6, complete: true, headHash: 'ab12', walkedAfterSeq: 20_000 }) },
    ])
    const seen: VerifyProgress[] = []
    const outcome = await verifyToEnd(reports.verify, { full: false, onProgress: (p) => seen.push(p) })
    expect(queries).toEqual([{}, { fromSeq: '10000' }, { fromSeq: '20000' }])
    expect(outcome).toMatchObject({ valid: true, complete: true, calls: 3, entriesChecked: 21_234, transfersChecked: 81, headHash: 'ab12', walkedAfterSeq: 0 })
    expect(seen.map((p) => [p.calls, p.entriesChecked, p.resumeAfterSeq])).toEqual([[1, 10_000, 10_000], [2, 20_000, 20_000]])
  })

  it('asks for the full walk on every call, so the call reaching the head runs the whole-ledger checks', async () => {
    const { reports, queries } = verifyRoute([
      { status: 200, body: stretch({ full: true, entriesChecked: 5, complete: false, resumeAfterSeq: 5 }) },
      { status: 200, body: stretch({ full: true, valid: true, entriesChecked: 2, accountsChecked: 6, complete: true }) },
    ])
    const outcome = await verifyToEnd(reports.verify, { full: true, maxEntries: 5 })
    expect(queries).toEqual([{ full: 'true', maxEntries: '5' }, { full: 'true', maxEntries: '5', fromSeq: '5' }])
    expect(outcome).toMatchObject({ valid: true, entriesChecked: 7, accountsChecked: 6, calls: 2 })
  })

  it('stops at the first break, and is not valid even though later entries were never walked', async () => {
    const { reports, queries } = verifyRoute([
      { status: 200, body: stretch({ entriesChecked: 41, complete: false, resumeAfterSeq: 41, firstBreak: { kind: 'ENTRY_ALTERED', seq: 42, detail: 'x' } }) },
    ])
    const outcome = await verifyToEnd(reports.verify, { full: false })
    expect(queries).toHaveLength(1)
    expect(outcome.valid).toBe(false)
    expect(outcome.firstBreak?.kind).toBe('ENTRY_ALTERED')
  })

  it('stops on a refusal and throws it with its userMessage, making no further call', async () => {
    const { reports, queries } = verifyRoute([
      { status: 200, body: stretch({ entriesChecked: 10_000, complete: false, resumeAfterSeq: 10_000 }) },
      problem(400, 'VALIDATION_FAILED', '审计记录编号不存在。'),
      { status: 200, body: stretch({ valid: true, complete: true }) },
    ])
    const refusal = await verifyToEnd(reports.verify, { full: false }).catch((e: unknown) => e)
    expect(refusal).toBeInstanceOf(ApiProblem)
    expect((refusal as ApiProblem).userMessage).toBe('审计记录编号不存在。')
    expect(queries).toHaveLength(2)
  })

  it('refuses to loop when the answer does not move forward', async () => {
    const { reports, queries } = verifyRoute([
      { status: 200, body: stretch({ complete: false, resumeAfterSeq: 7 }) },
      { status: 200, body: stretch({ complete: false, resumeAfterSeq: 7 }) },
    ])
    const refusal = await verifyToEnd(reports.verify, { full: false }).catch((e: unknown) => e)
    expect((refusal as ApiProblem).code).toBe('VERIFY_NOT_ADVANCING')
    expect(queries).toHaveLength(2)
  })
})
