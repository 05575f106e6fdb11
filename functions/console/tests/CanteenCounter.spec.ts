import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { session } from '../src/services'
import CanteenCounter from '../src/views/canteen/CanteenCounter.vue'
import { fakeFetch, tokenWith } from './fakeApi'

const point = (id: string, name: string) => ({
  id, name, address: '', streetCode: '330105001', operatorName: '', openDays: [],
  slots: { LUNCH: { cutoff: '09:30:00', endsAt: '13:00:00', dineInSeats: 80, deliverySeats: 30 } },
})
const line = { dishCode: 'A1', dishName: '红烧鱼套餐', quantity: 1, unitPriceFen: 1500, amountFen: 1500 }
const dayWith = (status: string) => ({
  mealPointId: 'p1', date: '2026-12-02',
  slots: { LUNCH: { portionsByDish: { 'A1 红烧鱼套餐': 1 }, ordered: 1, cancelled: 0, served: 0, delivered: status === 'DELIVERED' ? 1 : 0, noShows: 0,
    deliveries: [{ orderId: 'o1', confirmationCode: 'FBXXU7', residentName: '李建国', phoneMasked: '138****0002', address: '文三路 11 号', items: [line], status }] } },
  totals: { priceFen: 1500, subsidyFen: 500, payFen: 1000, servedMeals: 0, noShows: 0 },
})

afterEach(() => vi.unstubAllGlobals())

describe('the canteen counter', () => {
  it("shows only the canteen's own points, and marks a delivery delivered with one click", async () => {
    session.start({
      tokenType: 'Bearer', accessToken: tokenWith({ sub: 'c1', groups: ['canteen'], org: { canteen: ['p1'] } }), refreshToken: 'r',
      accessTokenExpiresAt: new Date(Date.now() + 900_000).toISOString(), refreshTokenExpiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    })
    let delivered = false
    const { fetchImpl, seen } = fakeFetch({
      'GET /v1/meal-points': { status: 200, body: { items: [point('p1', '文三社区长者食堂'), point('p2', '别家食堂')] } },
      'GET /v1/meal-points/p1/days/*': () => ({ status: 200, body: dayWith(delivered ? 'DELIVERED' : 'PLACED') }),
      'POST /v1/meal-orders/o1/serve': () => {
        delivered = true
        return { status: 200, body: { id: 'o1', status: 'DELIVERED' } }
      },
    })
    vi.stubGlobal('fetch', fetchImpl)
    const wrapper = mount(CanteenCounter, { attachTo: document.body })
    await vi.waitFor(async () => {
      await flushPromises()
      expect(wrapper.find('[data-test=delivery-FBXXU7] button').exists()).toBe(true)
    })
    expect(wrapper.text()).toContain('文三社区长者食堂')
    expect(wrapper.text()).not.toContain('别家食堂')
    expect(wrapper.text()).toContain('A1 红烧鱼套餐1 份')

    await wrapper.find('[data-test=delivery-FBXXU7] button').trigger('click')
    await vi.waitFor(async () => {
      await flushPromises()
      expect(wrapper.find('[data-test=delivery-FBXXU7]').text()).toBe('已送达')
    })
    const serves = seen.filter((s) => s.method === 'POST')
    expect(serves).toHaveLength(1)
    expect(serves[0].headers['idempotency-key']).toBeTruthy()
    wrapper.unmount()
  })
})
