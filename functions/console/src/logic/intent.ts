import { ApiProblem } from '../api/problem'

/** Tries of one submission before the page hands the decision back to the operator (same key kept). */
export const SUBMIT_ATTEMPTS_MAX = 4
/** First pause between tries; doubled each time, with jitter. */
export const RETRY_BACKOFF_BASE_MS = 300

export type Sleep = (ms: number) => Promise<void>
const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/** A random UUID v4 from getRandomValues, which (unlike randomUUID) also exists outside secure contexts. */
export function newIdempotencyKey(): string {
  const b = crypto.getRandomValues(new Uint8Array(16))
  b[6] = (b[6] & 0x0f) | 0x40
  b[8] = (b[8] & 0x3f) | 0x80
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/**
 * One thing the operator means to do (place this order, cancel that booking): one Idempotency-Key
 * for as long as the intent is the same, reused on every retry, automatic or pressed again, so the
 * API does it once. Changing what is asked (another dish, another time) is a new intent, a new key.
 */
export class Intent {
  private key: string | null = null
  private fingerprint = ''

  constructor(
    private readonly newKey: () => string = newIdempotencyKey,
    private readonly sleep: Sleep = realSleep,
  ) {}

  keyFor(body: unknown): string {
    const fingerprint = JSON.stringify(body)
    if (this.key === null || fingerprint !== this.fingerprint) {
      this.key = this.newKey()
      this.fingerprint = fingerprint
    }
    return this.key
  }

  /** Sends under the intent's key; retries what the API says may succeed later (503, 409 in progress, network). */
  async submit<T>(body: unknown, send: (key: string) => Promise<T>): Promise<T> {
    const key = this.keyFor(body)
    for (let attempt = 1; ; attempt++) {
      try {
        const answer = await send(key)
        this.key = null
        return answer
      } catch (e) {
        if (!(e instanceof ApiProblem) || !e.retryable || attempt >= SUBMIT_ATTEMPTS_MAX) throw e
        const backoff = RETRY_BACKOFF_BASE_MS * 2 ** (attempt - 1)
        await this.sleep(backoff / 2 + Math.random() * backoff / 2)
      }
    }
  }
}
