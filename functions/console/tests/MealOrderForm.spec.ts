import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Resident } from '../src/api/types'
import MealOrderForm from '../src/views/hotline/MealOrderForm.vue'
import { fakeFetch, problem, type Answer, type Seen } from './fakeApi'
import table from './meal-pricing-cases.json'

const RESIDENT: Resident = {
  id: 'r2', name: '李建国', idNumberMasked: '330105********0013', birthYear: 1942, sex: 'MALE', age: 84,
  phoneMasked: '138****0002', address: { streetCode: '330105001', line: '西湖区文三路 11 号' },
  categories: ['KONGCHAO'], categoryLabels: ['空巢'], status: 'ACTIVE',
  county: '330105', createdAt: '2026-11-01T09:00:00+08:00', updatedAt: '2026-11-01T09:00:00+08:00', version: 1,
}
const POINT = {
  id: 'p1', name: '文三社区长者食堂', address: '文三路 88 号', streetCode: '330105001', operatorName: '颐乐', openDays: [],
  slots: { LUNCH: { cutoff: '09:30:00', endsAt: '13:00:00', dineInSeats: 80, deliverySeats: 30 } },
}
const MENU = { mealPointId: 'p1', date: '', dishes: [{ code: 'A1', name: '红烧鱼套餐', priceFen: 1500 }, { code: 'C1', name: '素菜软饭', priceFen: 800 }] }

function placedFrom(seen: Seen): Answer {
  const body = seen.body as { date: string; slot: string; mode: string }
  // What the meal-orders function charges an 84-year-old for one A1: 1500, 500 off (the shared table's 80-89 band).
  return { status: 201, body: { id: 'o1', ...body, items: [], priceFen: 1500, subsidyFen: 500, payFen: 1000, confirmationCode: 'FBXXU7', status: 'PLACED' } }
}

async function mountWith(place: (seen: Seen, nth: number) => Answer) {
  const { fetchImpl, seen } = fakeFetch({
    'GET /v1/meal-points': { status: 200, body: { items: [POINT] } },
    'GET /v1/meal-policies/current': { status: 200, body: table.policy },
    'GET /v1/meal-points/p1/menus/*': { status: 200, body: MENU },
    'POST /v1/meal-orders': place,
  })
  vi.stubGlobal('fetch', fetchImpl)
  const wrapper = mount(MealOrderForm, { props: { resident: RESIDENT, ordersOfMonth: async () => [] }, attachTo: document.body })
  await vi.waitFor(async () => {
    await flushPromises()
    expect(wrapper.find('input[name=dish-A1]').exists()).toBe(true)
  })
  const a1 = wrapper.find('input[name=dish-A1]')
  await a1.setValue('1')
  await a1.trigger('change')
  await flushPromises()
  return { wrapper, seen }
}

const posts = (seen: Seen[]) => seen.filter((s) => s.method === 'POST')

afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

describe('the hotline meal order form', () => {
  it('shows before confirming the price, subsidy and pay the API then charges', async () => {
    const { wrapper, seen } = await mountWith(placedFrom)
    expect(wrapper.find('[data-test=quote-price]').text()).toBe('¥15.00')
    expect(wrapper.find('[data-test=quote-subsidy]').text()).toBe('¥5.00')
    expect(wrapper.find('[data-test=quote-pay]').text()).toBe('¥10.00')

    await wrapper.find('form').trigger('submit')
    await vi.waitFor(() => expect(wrapper.emitted('placed')).toBeTruthy())
    const [order, shown] = wrapper.emitted('placed')![0] as [{ payFen: number; subsidyFen: number; priceFen: number }, object]
    expect(shown).toEqual({ priceFen: order.priceFen, subsidyFen: order.subsidyFen, payFen: order.payFen, reason: '84 岁高龄补贴' })
    expect(posts(seen)[0].body).not.toHaveProperty('priceFen')
  })

  it('retries under the same Idempotency-Key when the API is briefly unavailable', async () => {
    const { wrapper, seen } = await mountWith((s, nth) => (nth === 1 ? problem(503, 'STORE_UNAVAILABLE', '系统繁忙，请稍后再试。') : placedFrom(s)))
    await wrapper.find('form').trigger('submit')
    await vi.waitFor(() => expect(wrapper.emitted('placed')).toBeTruthy(), { timeout: 3000 })
    const keys = posts(seen).map((s) => s.headers['idempotency-key'])
    expect(keys).toHaveLength(2)
    expect(keys[1]).toBe(keys[0])
  })

  it('shows a refusal in the userMessage the API wrote, as is', async () => {
    const words = '这一餐已经订满了，请换一个时间或换一个助餐点。<b>不是标签</b>'
    const { wrapper, seen } = await mountWith(() => problem(409, 'MEAL_SOLD_OUT', words))
    await wrapper.find('form').trigger('submit')
    await vi.waitFor(() => expect(wrapper.find('[role=alert]').exists()).toBe(true))
    expect(wrapper.find('.problem-message').text()).toBe(words)
    expect(wrapper.emitted('placed')).toBeUndefined()
    expect(posts(seen)).toHaveLength(1)
  })
})
