import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { BookingHour, BookingPrice, CareService, Resident } from '../src/api/types'
import BookingForm from '../src/views/hotline/BookingForm.vue'
import { fakeFetch, problem, type Responder, type Seen } from './fakeApi'

const RESIDENT = {
  id: 'r2', name: '李建国', age: 84, categories: ['KONGCHAO'], address: { streetCode: '330105001', line: '西湖区文三路 11 号' },
} as unknown as Resident
const SERVICES = [
  { code: 'BATH', name: '助浴', durationMinutes: 60, priceFen: 8000, emergency: false, certifiedRequired: true, subsidyPercent: null },
  { code: 'CLEAN', name: '助洁', durationMinutes: 120, priceFen: 6000, emergency: false, certifiedRequired: false, subsidyPercent: null },
] as unknown as CareService[]

function hoursOf(date: string, change: Record<number, Partial<BookingHour>> = {}): BookingHour[] {
  return Array.from({ length: 10 }, (_, i) => 8 + i).map((h) => ({
    startsAt: `${date}T${String(h).padStart(2, '0')}:00:00+08:00`, places: 5, placesLeft: 5, ...change[h],
  }))
}

/** The API's price for the resident, which the form shows as it is: 失能 80% of ¥80 for a bath, no share for a cleaning. */
const PRICES: Record<string, BookingPrice> = {
  BATH: { priceFen: 8000, subsidyPercent: 80, subsidyFen: 6400, payFen: 1600 },
  CLEAN: { priceFen: 6000, subsidyPercent: 0, subsidyFen: 0, payFen: 6000 },
}

function timesAnswer(change: Record<number, Partial<BookingHour>> = {}): Responder {
  return (seen) => {
    const q = new URLSearchParams(seen.query)
    return {
      status: 200,
      body: { residentId: q.get('residentId'), serviceCode: q.get('serviceCode'), date: q.get('date'), price: PRICES[q.get('serviceCode')!], hours: hoursOf(q.get('date')!, change) },
    }
  }
}

async function mountWith(times: Responder) {
  const { fetchImpl, seen } = fakeFetch({ 'GET /v1/booking-times': times })
  vi.stubGlobal('fetch', fetchImpl)
  const wrapper = mount(BookingForm, { props: { resident: RESIDENT, services: SERVICES }, attachTo: document.body })
  await vi.waitFor(async () => {
    await flushPromises()
    expect(wrapper.find('[data-test=booking-hours]').attributes('data-state')).toBe('ready')
  })
  return { wrapper, seen }
}

const asked = (seen: Seen[]) => seen.filter((s) => s.path === '/v1/booking-times').map((s) => new URLSearchParams(s.query))

afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

describe('times with capacity in the booking form', () => {
  it('shows each offered hour with its places left, and a full or too-soon hour cannot be chosen, saying why', async () => {
    const { wrapper, seen } = await mountWith(timesAnswer({ 10: { placesLeft: 0, refusal: 'BOOKING_NO_CAPACITY' }, 11: { placesLeft: 2 }, 8: { refusal: 'BOOKING_TOO_SOON' } }))
    expect(asked(seen)[0].get('serviceCode')).toBe('BATH')
    expect(asked(seen)[0].get('residentId')).toBe('r2')
    expect(wrapper.find('[data-test=hour-11]').text()).toBe('11:00剩 2 个')
    expect(wrapper.find('[data-test=hour-10]').text()).toBe('10:00已约满')
    expect(wrapper.find('[data-test=hour-10] input').attributes('disabled')).toBeDefined()
    expect(wrapper.find('[data-test=hour-8]').text()).toBe('08:00需提前预约')
    expect(wrapper.find('[data-test=hour-9] input').element).toHaveProperty('checked', true)
    expect(wrapper.find('[data-test=booking-quote]').exists()).toBe(true)
  })

  it('moves off an hour that cannot be booked to the first that can, and asks again for another service or date', async () => {
    const { wrapper, seen } = await mountWith(timesAnswer({ 8: { refusal: 'BOOKING_IN_THE_PAST' }, 9: { placesLeft: 0, refusal: 'BOOKING_NO_CAPACITY' } }))
    expect(wrapper.find('[data-test=hour-10] input').element).toHaveProperty('checked', true)
    await wrapper.find('input[name=service][value=CLEAN]').setValue(true)
    await vi.waitFor(async () => {
      await flushPromises()
      expect(asked(seen).map((q) => q.get('serviceCode'))).toEqual(['BATH', 'CLEAN'])
    })
  })

  it('shows the price the API answered with the times, for the service chosen, never one of its own', async () => {
    const { wrapper } = await mountWith(timesAnswer())
    const figures = () => ['price', 'subsidy', 'pay'].map((f) => wrapper.find(`[data-test=quote-${f}]`).text())
    expect(figures()).toEqual(['¥80.00', '¥64.00', '¥16.00'])
    expect(wrapper.find('[data-test=booking-quote]').text()).toContain('补贴 80%')
    await wrapper.find('input[name=service][value=CLEAN]').setValue(true)
    await vi.waitFor(async () => {
      await flushPromises()
      expect(figures()).toEqual(['¥60.00', '¥0.00', '¥60.00'])
    })
  })

  it('shows a refusal of the times in the words the API wrote, and nothing can be booked', async () => {
    const words = '这个街道暂时没有服务机构提供这项服务。'
    const { fetchImpl } = fakeFetch({ 'GET /v1/booking-times': problem(409, 'BOOKING_NO_PROVIDER', words) })
    vi.stubGlobal('fetch', fetchImpl)
    const wrapper = mount(BookingForm, { props: { resident: RESIDENT, services: SERVICES }, attachTo: document.body })
    await vi.waitFor(async () => {
      await flushPromises()
      expect(wrapper.find('.problem-message').exists()).toBe(true)
    })
    expect(wrapper.find('.problem-message').text()).toBe(words)
    expect(wrapper.find('[data-test=place-booking]').attributes('disabled')).toBeDefined()
  })
})
