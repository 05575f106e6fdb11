import { ref } from 'vue'
import { ApiProblem } from '../api/problem'
import { Intent } from './intent'

/**
 * A form's one submission of what the operator means to do: one Idempotency-Key for the intent (kept
 * across automatic retries and presses again), no second send while one is under way, and a refusal
 * kept in `problem` for the page to show as the API words it.
 */
export function useSubmission(intent: Intent = new Intent()) {
  const busy = ref(false)
  const problem = ref<ApiProblem | null>(null)

  /** The answer, or undefined when the API refused (then `problem` says why) or a send is under way. */
  async function submit<B, T>(body: B, send: (body: B, idempotencyKey: string) => Promise<T>): Promise<T | undefined> {
    if (busy.value) return undefined
    busy.value = true
    problem.value = null
    try {
      return await intent.submit(body, (key) => send(body, key))
    } catch (e) {
      if (e instanceof ApiProblem) {
        problem.value = e
        return undefined
      }
      throw e
    } finally {
      busy.value = false
    }
  }

  return { busy, problem, submit }
}
