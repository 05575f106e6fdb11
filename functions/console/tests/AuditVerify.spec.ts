import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import AuditVerify from '../src/views/audit/AuditVerify.vue'
import { fakeFetch, problem } from './fakeApi'

afterEach(() => vi.unstubAllGlobals())

const stretch = (fields: Record<string, unknown>) => ({
  valid: false, entriesChecked: 0, transfersChecked: 0, resolutionsChecked: 0, settlementsChecked: 0, accountsChecked: 0,
  batchesChecked: 0, full: false, complete: false, walkedAfterSeq: 0, rejectedCheckpoints: [], ...fields,
})

async function page() {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/audit', component: AuditVerify }] })
  await router.push('/audit')
  return mount(AuditVerify, { global: { plugins: [router] } })
}

describe('the audit page', () => {
  it('says the chain holds, in plain words, once the calls reach its head', async () => {
    const { fetchImpl, seen } = fakeFetch({
      'GET /v1/audit/verify': (_, nth) => ({
        status: 200, body: nth === 1
          ? stretch({ entriesChecked: 10_000, complete: false, resumeAfterSeq: 10_000 })
          : stretch({ valid: true, entriesChecked: 12, transfersChecked: 3, complete: true, headHash: 'ab12' }),
      }),
    })
    vi.stubGlobal('fetch', fetchImpl)
    const wrapper = await page()
    await wrapper.find('[data-test=verify]').trigger('click')
    await vi.waitFor(async () => {
      await flushPromises()
      expect(wrapper.find('[data-test=verification]').exists()).toBe(true)
    })
    const text = wrapper.find('[data-test=verification]').text()
    expect(text).toContain('审计链完整，账实相符')
    expect(text).toContain('10012 条')
    expect(text).toContain('2 段')
    expect(seen).toHaveLength(2)
    wrapper.unmount()
  })

  it('shows a refusal midway as the API words it, and no verdict', async () => {
    const { fetchImpl } = fakeFetch({
      'GET /v1/audit/verify': (_, nth) => (nth === 1
        ? { status: 200, body: stretch({ entriesChecked: 10_000, complete: false, resumeAfterSeq: 10_000 }) }
        : problem(503, 'STORE_UNAVAILABLE', '系统繁忙，请稍后再试。')),
    })
    vi.stubGlobal('fetch', fetchImpl)
    const wrapper = await page()
    await wrapper.find('[data-test=verify]').trigger('click')
    await vi.waitFor(async () => {
      await flushPromises()
      expect(wrapper.find('[role=alert]').text()).toContain('系统繁忙，请稍后再试。')
    })
    expect(wrapper.find('[data-test=verification]').exists()).toBe(false)
    wrapper.unmount()
  })
})
