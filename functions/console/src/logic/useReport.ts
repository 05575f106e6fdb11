import { ref, shallowRef, type Ref, type ShallowRef } from 'vue'
import { ApiProblem } from '../api/problem'

export interface ReportState<T> {
  data: ShallowRef<T | null>
  loading: Ref<boolean>
  problem: Ref<ApiProblem | null>
  load: () => Promise<void>
}

/** One report read: loading while it runs, its answer, or the route's refusal (shown as its userMessage). */
export function useReport<T>(read: () => Promise<T>): ReportState<T> {
  const data = shallowRef<T | null>(null)
  // a report is read as its panel opens: loading until the first answer, never an empty table before it
  const loading = ref(true)
  const problem = ref<ApiProblem | null>(null)
  let latest = 0

  async function load() {
    const mine = ++latest
    loading.value = true
    problem.value = null
    try {
      const answer = await read()
      if (mine === latest) data.value = answer
    } catch (e) {
      if (!(e instanceof ApiProblem)) throw e
      if (mine === latest) {
        data.value = null
        problem.value = e
      }
    } finally {
      if (mine === latest) loading.value = false
    }
  }

  return { data, loading, problem, load }
}
