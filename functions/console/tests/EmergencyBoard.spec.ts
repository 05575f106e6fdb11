import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import EmergencyBoard from '../src/views/emergency/EmergencyBoard.vue'
import { fakeFetch } from './fakeApi'

const CALLED_AT = '2026-12-02T09:00:00+08:00'
const overdueCall = {
  id: 'b1', residentId: 'r1', serviceCode: 'EMERGENCY', startsAt: CALLED_AT, durationMinutes: 60, address: '西湖区文三路 11 号',
  priceFen: 0, subsidyFen: 0, payFen: 0, emergency: true, status: 'REQUESTED', confirmationCode: 'K7P2QX', createdAt: CALLED_AT,
}

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('the 助急 board', () => {
  it('shows how long each overdue call has waited, and refreshes itself until it is assigned', async () => {
    vi.useFakeTimers({ now: new Date('2026-12-02T09:47:00+08:00'), toFake: ['setInterval', 'clearInterval', 'Date'] })
    const { fetchImpl, seen } = fakeFetch({
      'GET /v1/bookings/overdue': (_, nth) => ({ status: 200, body: { items: nth === 1 ? [overdueCall] : [] } }),
    })
    vi.stubGlobal('fetch', fetchImpl)
    const wrapper = mount(EmergencyBoard)
    await vi.waitFor(async () => {
      await flushPromises()
      expect(wrapper.text()).toContain('K7P2QX')
    })
    expect(wrapper.text()).toContain('47 分钟')

    await vi.advanceTimersByTimeAsync(30_000)
    await vi.waitFor(async () => {
      await flushPromises()
      expect(wrapper.text()).toContain('目前没有超时未派单的助急呼叫')
    })
    expect(seen).toHaveLength(2)
    wrapper.unmount()
  })
})
