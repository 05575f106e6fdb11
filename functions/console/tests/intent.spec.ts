import { describe, expect, it } from 'vitest'
import { createApi } from '../src/api/endpoints'
import { createClient } from '../src/api/client'
import { ApiProblem } from '../src/api/problem'
import { Intent, SUBMIT_ATTEMPTS_MAX } from '../src/logic/intent'
import { fakeFetch, problem } from './fakeApi'

const noSleep = async () => undefined
const ORDER = { residentId: 'r1', mealPointId: 'p1', date: '2026-12-03', slot: 'LUNCH' as const, mode: 'DELIVERY' as const, items: [{ dishCode: 'A1', quantity: 1 }] }
const PLACED = { id: 'o1', confirmationCode: 'FBXXU7', priceFen: 1500, subsidyFen: 500, payFen: 1000 }

describe('one Idempotency-Key per intent', () => {
  it('retries a 503 and a 409 IDEMPOTENCY_IN_PROGRESS under the same key until the order is placed', async () => {
    const { fetchImpl, seen } = fakeFetch({
      'POST /v1/meal-orders': (_, nth) => [
        problem(503, 'STORE_UNAVAILABLE', '系统繁忙，请稍后再试。'),
        problem(409, 'IDEMPOTENCY_IN_PROGRESS', '上一次提交还在处理中。'),
        { status: 201, body: PLACED },
      ][nth - 1],
    })
    const api = createApi(createClient({ fetchImpl }), createClient({ fetchImpl }))
    const intent = new Intent(undefined, noSleep)

    const placed = await intent.submit(ORDER, (key) => api.placeMealOrder(ORDER, key))

    expect(placed.confirmationCode).toBe('FBXXU7')
    expect(seen).toHaveLength(3)
    const keys = new Set(seen.map((s) => s.headers['idempotency-key']))
    expect(keys.size).toBe(1)
    expect([...keys][0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })

  it('keeps the key when the operator presses again after the network gave up', async () => {
    let online = false
    const { fetchImpl: answer, seen } = fakeFetch({ 'POST /v1/meal-orders': { status: 201, body: PLACED } })
    const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
      if (!online) {
        const key = new Request(input, init).headers.get('Idempotency-Key') ?? ''
        seen.push({ method: 'POST', path: '/lost', query: '', headers: { 'idempotency-key': key }, body: undefined })
        throw new TypeError('Failed to fetch')
      }
      return answer(input, init)
    }) as typeof fetch
    const api = createApi(createClient({ fetchImpl }), createClient({ fetchImpl }))
    const intent = new Intent(undefined, noSleep)

    await expect(intent.submit(ORDER, (key) => api.placeMealOrder(ORDER, key))).rejects.toMatchObject({ code: 'NETWORK_FAILED' })
    online = true
    await intent.submit(ORDER, (key) => api.placeMealOrder(ORDER, key))

    expect(seen).toHaveLength(SUBMIT_ATTEMPTS_MAX + 1)
    expect(new Set(seen.map((s) => s.headers['idempotency-key'])).size).toBe(1)
  })

  it('gives a changed order a new key, and the next order after a placed one a new key', () => {
    const intent = new Intent()
    const first = intent.keyFor(ORDER)
    expect(intent.keyFor({ ...ORDER })).toBe(first)
    const changed = intent.keyFor({ ...ORDER, items: [{ dishCode: 'A1', quantity: 2 }] })
    expect(changed).not.toBe(first)
  })

  it('does not retry a refusal that cannot succeed later', async () => {
    const { fetchImpl, seen } = fakeFetch({ 'POST /v1/meal-orders': problem(409, 'MEAL_SOLD_OUT', '这一餐已经订满了。') })
    const api = createApi(createClient({ fetchImpl }), createClient({ fetchImpl }))
    const failure = new Intent(undefined, noSleep).submit(ORDER, (key) => api.placeMealOrder(ORDER, key))
    await expect(failure).rejects.toBeInstanceOf(ApiProblem)
    await expect(failure).rejects.toMatchObject({ code: 'MEAL_SOLD_OUT', userMessage: '这一餐已经订满了。' })
    expect(seen).toHaveLength(1)
  })
})
