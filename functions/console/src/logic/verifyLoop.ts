import type { VerifyQuery } from '../api/reportEndpoints'
import { ApiProblem } from '../api/problem'
import type { AuditVerification } from '../api/types'

/** Calls one verification may make: at 10,000 entries a call, ten million entries. */
export const VERIFY_CALLS_MAX = 1_000

export interface VerifyProgress {
  calls: number
  entriesChecked: number
  /** The last entry walked so far, when the chain is not done. */
  resumeAfterSeq: number | null
}

/** The whole walk, summed over its calls; valid only when it reached the head without a break. */
export interface VerifyOutcome extends AuditVerification {
  calls: number
}

const COUNTED = ['entriesChecked', 'transfersChecked', 'resolutionsChecked', 'settlementsChecked', 'accountsChecked',
  'batchesChecked'] as const

/**
 * Verifies the audit chain to its head: a call walks a bounded stretch and, when the chain goes on, answers
 * complete=false with resumeAfterSeq, which the next call passes as fromSeq. Stops at the head, at the first
 * break, or on a refusal (thrown as the ApiProblem, with its userMessage). A full walk (auditors) asks for
 * full=true on every call, so that the call reaching the head runs the whole-ledger checks.
 */
export async function verifyToEnd(
  call: (query: VerifyQuery) => Promise<AuditVerification>,
  options: { full: boolean; maxEntries?: number; onProgress?: (p: VerifyProgress) => void },
): Promise<VerifyOutcome> {
  const base: VerifyQuery = { ...(options.full ? { full: true } : {}), ...(options.maxEntries ? { maxEntries: options.maxEntries } : {}) }
  let total: VerifyOutcome | null = null
  let fromSeq: number | undefined
  for (let calls = 1; calls <= VERIFY_CALLS_MAX; calls++) {
    const page = await call(fromSeq === undefined ? base : { ...base, fromSeq })
    total = total === null ? { ...page, calls } : summed(total, page, calls)
    if (page.complete || page.firstBreak) return total
    if (page.resumeAfterSeq == null || (fromSeq !== undefined && page.resumeAfterSeq <= fromSeq)) {
      throw new ApiProblem(500, 'VERIFY_NOT_ADVANCING', '核验没有向前推进，请稍后再试或联系技术支持。')
    }
    fromSeq = page.resumeAfterSeq
    options.onProgress?.({ calls, entriesChecked: total.entriesChecked, resumeAfterSeq: fromSeq })
  }
  throw new ApiProblem(500, 'VERIFY_TOO_LONG', '审计链过长，一次核验未能完成，请联系技术支持。')
}

/** Counts add up; the answer of the latest call says where the walk ended and whether it holds. */
function summed(total: VerifyOutcome, page: AuditVerification, calls: number): VerifyOutcome {
  const next: VerifyOutcome = {
    ...page, calls, walkedAfterSeq: total.walkedAfterSeq, checkpoint: total.checkpoint,
    rejectedCheckpoints: total.rejectedCheckpoints,
  }
  for (const k of COUNTED) next[k] = total[k] + page[k]
  return next
}
