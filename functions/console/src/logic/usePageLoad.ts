import { ref } from 'vue'
import { ApiProblem } from '../api/problem'

/**
 * A page's reads: `loading` while one runs; a refusal kept in `problem` for the page to show as the API words it,
 * cleared by the next read that succeeds (an earlier answer stays on the page meanwhile).
 */
export function usePageLoad() {
  const loading = ref(false)
  const problem = ref<ApiProblem | null>(null)

  async function load(work: () => Promise<void>): Promise<void> {
    loading.value = true
    try {
      await work()
      problem.value = null
    } catch (e) {
      if (e instanceof ApiProblem) problem.value = e
      else throw e
    } finally {
      loading.value = false
    }
  }

  return { loading, problem, load }
}
