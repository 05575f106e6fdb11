/** A refusal as the API words it (RFC 9457 problem+json): the userMessage is shown to staff exactly as sent. */
export interface FieldError {
  field: string
  code: string
  message?: string
}

export const NETWORK_FAILED = 'NETWORK_FAILED'
export const NETWORK_USER_MESSAGE = '网络连接中断，请稍后再试（已保留您的操作，重试不会重复下单）。'
export const UNREADABLE_USER_MESSAGE = '服务暂时不可用，请稍后再试。'

export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly userMessage: string,
    readonly errors: FieldError[] = [],
  ) {
    super(`${status} ${code}`)
    this.name = 'ApiProblem'
  }

  /** The same request under the same Idempotency-Key may succeed later: never a second effect. */
  get retryable(): boolean {
    return this.status === 0 || this.status === 503 || (this.status === 409 && this.code === 'IDEMPOTENCY_IN_PROGRESS')
  }

  static network(): ApiProblem {
    return new ApiProblem(0, NETWORK_FAILED, NETWORK_USER_MESSAGE)
  }
}

/** Reads a refusal's body; one that is not problem+json (a proxy's error page) still becomes a plain message. */
export function problemFrom(status: number, body: unknown): ApiProblem {
  const problem = body as { code?: unknown; userMessage?: unknown; errors?: FieldError[] } | null
  if (problem && typeof problem.code === 'string' && typeof problem.userMessage === 'string') {
    return new ApiProblem(status, problem.code, problem.userMessage, problem.errors ?? [])
  }
  return new ApiProblem(status, `HTTP_${status}`, UNREADABLE_USER_MESSAGE)
}
