import { describe, expect, it } from 'vitest'
import { ApiProblem } from '../src/api/problem'
import { Intent } from '../src/logic/intent'
import { useSubmission } from '../src/logic/submission'

const noSleep = async () => undefined
const ORDER = { residentId: 'r1', items: [{ dishCode: 'A1', quantity: 1 }] }

describe('one submission of a form', () => {
  it('answers what the API placed, after retrying a 503 under the same key', async () => {
    const { submit, problem, busy } = useSubmission(new Intent(undefined, noSleep))
    const keys: string[] = []
    const answer = await submit(ORDER, async (_, key) => {
      keys.push(key)
      if (keys.length === 1) throw new ApiProblem(503, 'STORE_UNAVAILABLE', '系统繁忙，请稍后再试。')
      return { confirmationCode: 'FBXXU7' }
    })

    expect(answer).toEqual({ confirmationCode: 'FBXXU7' })
    expect(new Set(keys).size).toBe(1)
    expect(keys).toHaveLength(2)
    expect(problem.value).toBeNull()
    expect(busy.value).toBe(false)
  })

  it('keeps a refusal for the page to show, and answers nothing', async () => {
    const { submit, problem, busy } = useSubmission(new Intent(undefined, noSleep))
    const answer = await submit(ORDER, async () => {
      throw new ApiProblem(409, 'MEAL_SOLD_OUT', '这一餐已经订满了。')
    })

    expect(answer).toBeUndefined()
    expect(problem.value).toMatchObject({ code: 'MEAL_SOLD_OUT', userMessage: '这一餐已经订满了。' })
    expect(busy.value).toBe(false)
  })

  it('sends nothing when pressed again while the first send is under way', async () => {
    const { submit, busy } = useSubmission(new Intent(undefined, noSleep))
    let sends = 0
    let release: (value: string) => void = () => undefined
    const first = submit(ORDER, () => {
      sends++
      return new Promise<string>((resolve) => { release = resolve })
    })
    const second = await submit(ORDER, async () => {
      sends++
      return 'again'
    })

    expect(busy.value).toBe(true)
    expect(second).toBeUndefined()
    release('placed')
    expect(await first).toBe('placed')
    expect(sends).toBe(1)
  })
})
