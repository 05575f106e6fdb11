import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import MealsServedPanel from '../src/views/dashboard/MealsServedPanel.vue'
import PointsPanel from '../src/views/dashboard/PointsPanel.vue'
import { fakeFetch, problem } from './fakeApi'

afterEach(() => vi.unstubAllGlobals())

/** The plot itself is ECharts on a canvas; these tests read the numbers from the data table beside it. */
const stubs = { EChart: { props: ['option', 'label'], template: '<div class="chart-stub" :aria-label="label" />' } }

async function settled(wrapper: ReturnType<typeof mount>, text: string) {
  await vi.waitFor(async () => {
    await flushPromises()
    expect(wrapper.text()).toContain(text)
  })
}

describe('the dashboard panels', () => {
  it('shows each meal point\'s meals of each day in the table beside the plot', async () => {
    const { fetchImpl } = fakeFetch({
      'GET /v1/meal-reports/served': {
        status: 200, body: {
          from: '2026-12-01', to: '2026-12-02', dates: ['2026-12-01', '2026-12-02'],
          points: [{ mealPointId: 'p1', name: '文三路助餐点', served: [2, 0], delivered: [1, 4], noShows: [0, 0] }],
          totals: { served: 2, delivered: 5, noShows: 0 },
        },
      },
    })
    vi.stubGlobal('fetch', fetchImpl)
    const wrapper = mount(MealsServedPanel, { global: { stubs } })
    expect(wrapper.find('[data-test=loading]').exists()).toBe(true)
    await settled(wrapper, '文三路助餐点')
    expect(wrapper.find('.chart-stub').exists()).toBe(true)
    expect(wrapper.find('[data-test=meals-p1-2026-12-01]').text()).toBe('3')
    expect(wrapper.find('[data-test=meals-p1-2026-12-02]').text()).toBe('4')
    wrapper.unmount()
  })

  it('shows the route\'s userMessage as is when it refuses, and no plot', async () => {
    const { fetchImpl } = fakeFetch({
      'GET /v1/time-bank/reports/points': problem(400, 'VALIDATION_FAILED', '查询的日期范围太长，最多 92 天。'),
    })
    vi.stubGlobal('fetch', fetchImpl)
    const wrapper = mount(PointsPanel, { props: { from: '2026-01-01', to: '2026-12-02' }, global: { stubs } })
    await settled(wrapper, '查询的日期范围太长，最多 92 天。')
    expect(wrapper.find('[role=alert]').exists()).toBe(true)
    expect(wrapper.find('.chart-stub').exists()).toBe(false)
    wrapper.unmount()
  })

  it('says 暂无数据 when nothing moved in the range', async () => {
    const { fetchImpl } = fakeFetch({
      'GET /v1/time-bank/reports/points': {
        status: 200, body: {
          from: '2026-12-01', to: '2026-12-02', days: [{ date: '2026-12-01', earned: 0, spent: 0, refunded: 0 }],
          months: [], totals: { earned: 0, spent: 0, refunded: 0 },
        },
      },
    })
    vi.stubGlobal('fetch', fetchImpl)
    const wrapper = mount(PointsPanel, { props: { from: '2026-12-01', to: '2026-12-02' }, global: { stubs } })
    await settled(wrapper, '暂无数据')
    expect(wrapper.find('.chart-stub').exists()).toBe(false)
    wrapper.unmount()
  })
})
