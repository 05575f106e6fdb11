import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { MealQuote, Resident, SlotSeats } from '../src/api/types'
import { yuan } from '../src/logic/money'
import MealOrderForm from '../src/views/hotline/MealOrderForm.vue'
import { fakeFetch, problem, type Answer, type Responder, type Seen } from './fakeApi'
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
const OPEN: SlotSeats = { cutoff: '09:30:00', orderable: true, dineInSeats: 80, dineInSeatsLeft: 52, deliverySeats: 30, deliverySeatsLeft: 7 }
const DINNER_OPEN: SlotSeats = { ...OPEN, cutoff: '15:30:00' }
const DISHES = [{ code: 'A1', name: '红烧鱼套餐', priceFen: 1500 }, { code: 'C1', name: '素菜软饭', priceFen: 800 }]
const menuWith = (slots: Record<string, SlotSeats>) => ({ mealPointId: 'p1', date: '', dishes: DISHES, slots })

/** The quote the meal-orders function answers, for the order the form asked about. */
function quoteFor(seen: Seen, figures: Partial<MealQuote> = {}): MealQuote {
  const q = Object.fromEntries(new URLSearchParams(seen.query))
  return {
    residentId: q.residentId, mealPointId: q.mealPointId, date: q.date, slot: q.slot as MealQuote['slot'], mode: q.mode as MealQuote['mode'],
    items: [], priceFen: 1500, subsidyFen: 500, payFen: 1000, policyVersion: 1, ageOnDate: 84, slotSubsidyTaken: false,
    weekSubsidisedMeals: 0, weeklyMealsMax: 5, monthSubsidisedMeals: 0, monthlyMealsMax: 20, ...figures,
  }
}

function placedFrom(seen: Seen): Answer {
  const body = seen.body as { date: string; slot: string; mode: string }
  return { status: 201, body: { id: 'o1', ...body, items: [], priceFen: 1500, subsidyFen: 500, payFen: 1000, confirmationCode: 'FBXXU7', status: 'PLACED' } }
}

interface Setup {
  quote?: Responder
  place?: Responder
  slots?: Record<string, SlotSeats>
}

async function mountWith({ quote = (s) => ({ status: 200, body: quoteFor(s) }), place = placedFrom, slots = { LUNCH: OPEN, DINNER: DINNER_OPEN } }: Setup) {
  const { fetchImpl, seen } = fakeFetch({
    'GET /v1/meal-points': { status: 200, body: { items: [POINT] } },
    'GET /v1/meal-points/p1/menus/*': { status: 200, body: menuWith(slots) },
    'GET /v1/meal-quotes': quote,
    'POST /v1/meal-orders': place,
  })
  vi.stubGlobal('fetch', fetchImpl)
  const wrapper = mount(MealOrderForm, { props: { resident: RESIDENT }, attachTo: document.body })
  await vi.waitFor(async () => {
    await flushPromises()
    expect(wrapper.find('input[name=dish-A1]').exists()).toBe(true)
  })
  return { wrapper, seen }
}

async function typeQuantity(wrapper: Awaited<ReturnType<typeof mountWith>>['wrapper'], dish: string, quantity: string) {
  const input = wrapper.find(`input[name=dish-${dish}]`)
  await input.setValue(quantity)
  await input.trigger('change')
  await flushPromises()
}

async function quoteShown(wrapper: Awaited<ReturnType<typeof mountWith>>['wrapper']) {
  await vi.waitFor(async () => {
    await flushPromises()
    expect(wrapper.find('[data-test=meal-quote]').attributes('data-state')).toBe('ready')
  })
}

const quotes = (seen: Seen[]) => seen.filter((s) => s.path === '/v1/meal-quotes')
const posts = (seen: Seen[]) => seen.filter((s) => s.method === 'POST')
const figuresShown = (wrapper: Awaited<ReturnType<typeof mountWith>>['wrapper']) =>
  ['price', 'subsidy', 'pay', 'note'].map((f) => wrapper.find(`[data-test=quote-${f}]`).text())

afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

describe('the hotline meal form shows the API quote', () => {
  // The cases MealPricePreviewAgreementTest runs against the function's SubsidyGrant: given the quote it answers, the form shows it.
  it.each(table.cases)('$name', async (c) => {
    const [slotSubsidyTaken, weekSubsidisedMeals, monthSubsidisedMeals] = c.use as [boolean, number, number]
    const figures = { priceFen: c.priceFen, subsidyFen: c.subsidyFen, payFen: c.priceFen - c.subsidyFen, ageOnDate: c.age,
      slotSubsidyTaken, weekSubsidisedMeals, monthSubsidisedMeals }
    const { wrapper } = await mountWith({ quote: (s) => ({ status: 200, body: quoteFor(s, figures) }) })
    await typeQuantity(wrapper, 'A1', '1')
    await quoteShown(wrapper)
    expect(figuresShown(wrapper)).toEqual([yuan(c.priceFen), yuan(c.subsidyFen), yuan(c.priceFen - c.subsidyFen), `（${c.shown}）`])
  })

  it('asks for the order as it stands, and confirms only the quoted figures, which the placed order then charges', async () => {
    const { wrapper, seen } = await mountWith({})
    expect(wrapper.find('[data-test=place-order]').attributes('disabled')).toBeDefined()
    await typeQuantity(wrapper, 'A1', '1')
    await typeQuantity(wrapper, 'C1', '2')
    await quoteShown(wrapper)
    const asked = new URLSearchParams(quotes(seen).at(-1)!.query)
    expect(Object.fromEntries(asked)).toMatchObject({ residentId: 'r2', mealPointId: 'p1', slot: 'LUNCH', mode: 'DELIVERY', dishes: 'A1:1,C1:2' })

    await wrapper.find('form').trigger('submit')
    await vi.waitFor(() => expect(wrapper.emitted('placed')).toBeTruthy())
    const [order, shown] = wrapper.emitted('placed')![0] as [{ payFen: number; subsidyFen: number; priceFen: number }, object]
    expect(shown).toEqual({ priceFen: 1500, subsidyFen: 500, payFen: 1000 })
    expect(shown).toEqual({ priceFen: order.priceFen, subsidyFen: order.subsidyFen, payFen: order.payFen })
    expect(posts(seen)[0].body).not.toHaveProperty('priceFen')
  })

  it('quotes again when the slot or the mode changes, and shows only the latest answer', async () => {
    const { wrapper, seen } = await mountWith({
      quote: (s) => ({ status: 200, body: quoteFor(s, s.query.includes('DINE_IN') ? { priceFen: 1500, subsidyFen: 0, payFen: 1500, slotSubsidyTaken: true } : {}) }),
    })
    await typeQuantity(wrapper, 'A1', '1')
    await quoteShown(wrapper)
    expect(figuresShown(wrapper)[2]).toBe('¥10.00')

    await wrapper.find('[data-test=mode-DINE_IN] input').setValue(true)
    await quoteShown(wrapper)
    expect(figuresShown(wrapper)).toEqual(['¥15.00', '¥0.00', '¥15.00', '（本餐次已享受过补贴，本单按原价）'])
    await wrapper.find('[data-test=slot-DINNER] input').setValue(true)
    await quoteShown(wrapper)
    const asked = quotes(seen).map((s) => new URLSearchParams(s.query))
    expect(asked.map((q) => `${q.get('slot')} ${q.get('mode')}`)).toEqual(['LUNCH DELIVERY', 'LUNCH DINE_IN', 'DINNER DINE_IN'])
  })

  it('shows a quote the API refuses in its own words, and nothing can be confirmed', async () => {
    const words = '这一餐已经订满了，请选择其他时间或其他助餐点。'
    const { wrapper, seen } = await mountWith({ quote: () => problem(409, 'MEAL_SOLD_OUT', words) })
    await typeQuantity(wrapper, 'A1', '1')
    await vi.waitFor(() => expect(wrapper.find('.problem-message').exists()).toBe(true))
    expect(wrapper.find('.problem-message').text()).toBe(words)
    expect(wrapper.find('[data-test=place-order]').attributes('disabled')).toBeDefined()
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(posts(seen)).toHaveLength(0)
  })
})

describe('seats and cut-offs in the meal form', () => {
  it('a slot past its cut-off and a mode sold out cannot be chosen, each with the reason in plain Chinese', async () => {
    const { wrapper } = await mountWith({
      slots: { LUNCH: { ...OPEN, orderable: false }, DINNER: { ...DINNER_OPEN, deliverySeatsLeft: 0 } },
    })
    const lunch = wrapper.find('[data-test=slot-LUNCH]')
    const dinner = wrapper.find('[data-test=slot-DINNER]')
    expect(lunch.find('input').attributes('disabled')).toBeDefined()
    // Tomorrow's lunch not orderable before its cut-off: the point is closed that day.
    expect(lunch.text()).toContain('这一天助餐点不营业')
    expect(dinner.find('input').attributes('disabled')).toBeDefined()
    expect(dinner.text()).toContain('送餐已订满（共 30 份）')

    await wrapper.find('[data-test=mode-DINE_IN] input').setValue(true)
    await flushPromises()
    expect(wrapper.find('[data-test=slot-DINNER] input').attributes('disabled')).toBeUndefined()
    expect(wrapper.find('[data-test=slot-DINNER]').text()).toContain('堂食还剩 52 份（共 80 份），15:30 截止')
  })

  it('moves off a slot that cannot be chosen to the first one that can', async () => {
    const { wrapper, seen } = await mountWith({ slots: { LUNCH: { ...OPEN, deliverySeatsLeft: 0 }, DINNER: DINNER_OPEN } })
    expect(wrapper.find('[data-test=slot-DINNER] input').element).toHaveProperty('checked', true)
    await typeQuantity(wrapper, 'A1', '1')
    await quoteShown(wrapper)
    expect(new URLSearchParams(quotes(seen)[0].query).get('slot')).toBe('DINNER')
  })
})

describe('placing the order', () => {
  it('retries under the same Idempotency-Key when the API is briefly unavailable', async () => {
    const { wrapper, seen } = await mountWith({ place: (s, nth) => (nth === 1 ? problem(503, 'STORE_UNAVAILABLE', '系统繁忙，请稍后再试。') : placedFrom(s)) })
    await typeQuantity(wrapper, 'A1', '1')
    await quoteShown(wrapper)
    await wrapper.find('form').trigger('submit')
    await vi.waitFor(() => expect(wrapper.emitted('placed')).toBeTruthy(), { timeout: 3000 })
    const keys = posts(seen).map((s) => s.headers['idempotency-key'])
    expect(keys).toHaveLength(2)
    expect(keys[1]).toBe(keys[0])
  })

  it('shows a refusal in the userMessage the API wrote, as is', async () => {
    const words = '这一餐已经订满了，请换一个时间或换一个助餐点。<b>不是标签</b>'
    const { wrapper, seen } = await mountWith({ place: () => problem(409, 'MEAL_SOLD_OUT', words) })
    await typeQuantity(wrapper, 'A1', '1')
    await quoteShown(wrapper)
    await wrapper.find('form').trigger('submit')
    await vi.waitFor(() => expect(wrapper.find('[role=alert]').exists()).toBe(true))
    expect(wrapper.find('.problem-message').text()).toBe(words)
    expect(wrapper.emitted('placed')).toBeUndefined()
    expect(posts(seen)).toHaveLength(1)
  })
})
