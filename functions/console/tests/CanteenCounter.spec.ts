import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { session } from '../src/services'
import CanteenCounter from '../src/views/canteen/CanteenCounter.vue'
import { fakeFetch, problem, tokenWith } from './fakeApi'

const point = (id: string, name: string) => ({
  id, name, address: '', streetCode: '330105001', operatorName: '', openDays: [],
  slots: { LUNCH: { cutoff: '09:30:00', endsAt: '13:00:00', dineInSeats: 80, deliverySeats: 30 } },
})
const line = { dishCode: 'A1', dishName: '红烧鱼套餐', quantity: 1, unitPriceFen: 1500, amountFen: 1500 }
const dayWith = (delivery: string, dineIn: string) => ({
  mealPointId: 'p1', date: '2026-12-02',
  slots: { LUNCH: { portionsByDish: { 'A1 红烧鱼套餐': 2 }, ordered: 2, cancelled: 0, served: dineIn === 'SERVED' ? 1 : 0,
    delivered: delivery === 'DELIVERED' ? 1 : 0, noShows: dineIn === 'NO_SHOW' ? 1 : 0,
    deliveries: [{ orderId: 'o1', confirmationCode: 'FBXXU7', residentName: '李建国', phoneMasked: '138****0002', address: '文三路 11 号', items: [line], status: delivery }],
    dineIn: [{ orderId: 'o2', confirmationCode: 'MTYAYP', residentName: '王秀英', items: [line], status: dineIn }] } },
  totals: { priceFen: 3000, subsidyFen: 1000, payFen: 2000, servedSubsidyFen: 0, servedMeals: 0, noShows: 0 },
})

beforeEach(() => {
  session.start({
    tokenType: 'Bearer', accessToken: tokenWith({ sub: 'c1', groups: ['canteen'], org: { canteen: ['p1'] } }), refreshToken: 'r',
    accessTokenExpiresAt: new Date(Date.now() + 900_000).toISOString(), refreshTokenExpiresAt: new Date(Date.now() + 86_400_000).toISOString(),
  })
})
afterEach(() => vi.unstubAllGlobals())

/** The kitchen's day as the orders stand: each serve or no-show the counter sends changes what the next read answers. */
function kitchen(serveAnswer?: () => ReturnType<typeof problem>) {
  const status: Record<string, string> = { o1: 'PLACED', o2: 'PLACED' }
  const settle = (id: string, outcome: string) => {
    status[id] = outcome
    return { status: 200, body: { id, status: outcome } }
  }
  return fakeFetch({
    'GET /v1/meal-points': { status: 200, body: { items: [point('p1', '文三社区长者食堂'), point('p2', '别家食堂')] } },
    'GET /v1/meal-points/p1/days/*': () => ({ status: 200, body: dayWith(status.o1, status.o2) }),
    'POST /v1/meal-orders/o1/serve': () => settle('o1', 'DELIVERED'),
    'POST /v1/meal-orders/o2/serve': () => serveAnswer?.() ?? settle('o2', 'SERVED'),
    'POST /v1/meal-orders/o2/no-show': () => settle('o2', 'NO_SHOW'),
  })
}

async function mounted() {
  const wrapper = mount(CanteenCounter, { attachTo: document.body })
  await vi.waitFor(async () => {
    await flushPromises()
    expect(wrapper.find('[data-test=delivery-FBXXU7] button').exists()).toBe(true)
  })
  return wrapper
}

async function click(wrapper: Awaited<ReturnType<typeof mounted>>, row: string, label: string) {
  const button = wrapper.findAll(`[data-test=${row}] button`).find((b) => b.text() === label)
  await button!.trigger('click')
}

describe('the canteen counter', () => {
  it("shows only the canteen's own points, and marks a delivery delivered with one click", async () => {
    const { fetchImpl, seen } = kitchen()
    vi.stubGlobal('fetch', fetchImpl)
    const wrapper = await mounted()
    expect(wrapper.text()).toContain('文三社区长者食堂')
    expect(wrapper.text()).not.toContain('别家食堂')
    expect(wrapper.text()).toContain('A1 红烧鱼套餐2 份')

    await click(wrapper, 'delivery-FBXXU7', '已送达')
    await vi.waitFor(async () => {
      await flushPromises()
      expect(wrapper.find('[data-test=delivery-FBXXU7]').text()).toBe('已送达')
    })
    const serves = seen.filter((s) => s.method === 'POST')
    expect(serves.map((s) => s.path)).toEqual(['/v1/meal-orders/o1/serve'])
    expect(serves[0].headers['idempotency-key']).toBeTruthy()
    wrapper.unmount()
  })

  it('lists the dine-in orders beside the deliveries, and serves one at the counter with one click', async () => {
    const { fetchImpl, seen } = kitchen()
    vi.stubGlobal('fetch', fetchImpl)
    const wrapper = await mounted()
    expect(wrapper.find('[data-test=dine-in-MTYAYP]').exists()).toBe(true)
    expect(wrapper.text()).toContain('王秀英')

    await click(wrapper, 'dine-in-MTYAYP', '已取餐')
    await vi.waitFor(async () => {
      await flushPromises()
      expect(wrapper.find('[data-test=dine-in-MTYAYP]').text()).toBe('已取餐')
    })
    expect(wrapper.find('[data-test=delivery-FBXXU7] button').exists()).toBe(true)
    expect(seen.filter((s) => s.method === 'POST').map((s) => s.path)).toEqual(['/v1/meal-orders/o2/serve'])
    wrapper.unmount()
  })

  it('marks a dine-in order not collected with one click', async () => {
    const { fetchImpl, seen } = kitchen()
    vi.stubGlobal('fetch', fetchImpl)
    const wrapper = await mounted()
    await click(wrapper, 'dine-in-MTYAYP', '未取餐')
    await vi.waitFor(async () => {
      await flushPromises()
      expect(wrapper.find('[data-test=dine-in-MTYAYP]').text()).toBe('未取餐')
    })
    expect(seen.filter((s) => s.method === 'POST').map((s) => s.path)).toEqual(['/v1/meal-orders/o2/no-show'])
    wrapper.unmount()
  })

  it('shows a refused serve in the words the API wrote, and the order stays to be marked', async () => {
    const words = '这份订单现在不能出餐。'
    const { fetchImpl } = kitchen(() => problem(409, 'MEAL_ORDER_NOT_SERVABLE', words))
    vi.stubGlobal('fetch', fetchImpl)
    const wrapper = await mounted()
    await click(wrapper, 'dine-in-MTYAYP', '已取餐')
    await vi.waitFor(() => expect(wrapper.find('.problem-message').exists()).toBe(true))
    expect(wrapper.find('.problem-message').text()).toBe(words)
    expect(wrapper.find('[data-test=dine-in-MTYAYP] button').exists()).toBe(true)
    wrapper.unmount()
  })
})
