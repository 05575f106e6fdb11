import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import EmergencyBoard from '../src/views/emergency/EmergencyBoard.vue'
import { boardRows } from '../src/logic/emergencyBoard'
import { fakeFetch } from './fakeApi'

const CALLED_AT = '2026-12-02T09:00:00+08:00'
const call = (id: string, code: string, createdAt: string) => ({
  id, residentId: 'r1', serviceCode: 'EMERGENCY', startsAt: createdAt, durationMinutes: 60, address: '西湖区文三路 11 号',
  priceFen: 0, subsidyFen: 0, payFen: 0, emergency: true, status: 'REQUESTED' as const, confirmationCode: code, createdAt,
  providerId: 'p1', channel: 'HOTLINE' as const, bookedBy: 'op', flaggedShort: false, cancelledLate: false, county: '330105',
})
const overdueCall = call('b1', 'K7P2QX', CALLED_AT)
const waitingCall = call('b2', 'M3R8TW', '2026-12-02T09:40:00+08:00')
const laterOverdueCall = call('b3', 'Q5W9ZA', '2026-12-02T09:10:00+08:00')

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('the 助急 board', () => {
  it('lists the overdue calls first, then the others, each by its wait, a call in both answers once', () => {
    const rows = boardRows([waitingCall, laterOverdueCall, overdueCall], [laterOverdueCall, overdueCall])
    expect(rows.map((r) => [r.call.confirmationCode, r.overdue])).toEqual([
      ['K7P2QX', true], ['Q5W9ZA', true], ['M3R8TW', false],
    ])
  })

  it('shows every unassigned call with its wait, marks the overdue one, and refreshes itself until they are assigned', async () => {
    vi.useFakeTimers({ now: new Date('2026-12-02T09:47:00+08:00'), toFake: ['setInterval', 'clearInterval', 'Date'] })
    const { fetchImpl, seen } = fakeFetch({
      'GET /v1/bookings/overdue': (request) => {
        const first = seen.filter((s) => s.path === '/v1/bookings/overdue').length <= 2
        const items = !first ? [] : request.query === 'all=true' ? [overdueCall, waitingCall] : [overdueCall]
        return { status: 200, body: { items } }
      },
    })
    vi.stubGlobal('fetch', fetchImpl)
    const wrapper = mount(EmergencyBoard)
    await vi.waitFor(async () => {
      await flushPromises()
      expect(wrapper.text()).toContain('M3R8TW')
    })
    expect(wrapper.text()).toContain('47 分钟')
    expect(wrapper.text()).toContain('7 分钟')
    const marks = wrapper.findAll('[data-test=overdue-mark]')
    expect(marks).toHaveLength(1)
    expect(marks[0].element.closest('tr')?.textContent).toContain('K7P2QX')
    expect(wrapper.text().indexOf('K7P2QX')).toBeLessThan(wrapper.text().indexOf('M3R8TW'))

    await vi.advanceTimersByTimeAsync(30_000)
    await vi.waitFor(async () => {
      await flushPromises()
      expect(wrapper.text()).toContain('目前没有未派单的助急呼叫')
    })
    expect(seen.map((s) => s.query).sort()).toEqual(['', '', 'all=true', 'all=true'])
    wrapper.unmount()
  })
})
