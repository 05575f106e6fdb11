import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Booking, Caregiver, CareService } from '../src/api/types'
import { caregiverFit, caregiversFor, visitsByCaregiver } from '../src/logic/caregiverFit'
import { SUBMIT_ATTEMPTS_MAX } from '../src/logic/intent'
import { homeOf } from '../src/router'
import { session } from '../src/services'
import ProviderDesk from '../src/views/provider/ProviderDesk.vue'
import { fakeFetch, problem, tokenWith, type Answer, type Seen } from './fakeApi'

const PROVIDER = 'c0a80001-0000-4000-8000-000000000001'
const booking = (id: string, code: string, startsAt: string, extra: Partial<Booking> = {}): Booking => ({
  id, residentId: 'r2', serviceCode: 'BATH', providerId: PROVIDER, startsAt, durationMinutes: 60, address: '西湖区文三路 11 号',
  priceFen: 8000, subsidyFen: 0, payFen: 8000, emergency: false, status: 'REQUESTED', confirmationCode: code,
  createdAt: '2026-12-02T09:00:00+08:00', channel: 'HOTLINE', bookedBy: 'op1', county: '330105', cancelledLate: false, flaggedShort: false, ...extra,
})
const caregiver = (id: string, name: string, extra: Partial<Caregiver> = {}): Caregiver => ({
  id, name, providerId: PROVIDER, certified: true, worksFrom: '08:00:00', worksUntil: '18:00:00', ...extra,
})
const SERVICES = [
  { code: 'BATH', name: '助浴', durationMinutes: 60, priceFen: 8000, emergency: false, certifiedRequired: true, subsidyPercent: null },
  { code: 'EMERGENCY', name: '助急', durationMinutes: 60, priceFen: 0, emergency: true, certifiedRequired: false, subsidyPercent: null },
] as unknown as CareService[]
const BATH = booking('b1', 'BATH01', '2026-12-03T10:00:00+08:00')
const CALL = booking('b2', 'HELP02', '2026-12-03T08:30:00+08:00', { serviceCode: 'EMERGENCY', emergency: true })
const LIU = caregiver('g1', '刘护理')
const WANG = caregiver('g2', '王阿姨', { certified: false })

beforeEach(() => {
  session.start({
    tokenType: 'Bearer', accessToken: tokenWith({ sub: 's4', groups: ['provider'], org: { provider: [PROVIDER] } }), refreshToken: 'r',
    accessTokenExpiresAt: new Date(Date.now() + 900_000).toISOString(), refreshTokenExpiresAt: new Date(Date.now() + 86_400_000).toISOString(),
  })
})
afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

/** The provider's bookings as they stand: an accepted assignment makes the next read answer it assigned. */
function provider(assign: (seen: Seen, nth: number) => Answer | null = () => null) {
  const open = [CALL, BATH]
  return fakeFetch({
    [`GET /v1/providers/${PROVIDER}/bookings`]: () => ({ status: 200, body: { items: open } }),
    [`GET /v1/providers/${PROVIDER}/caregivers`]: { status: 200, body: { items: [LIU, WANG] } },
    'GET /v1/services': { status: 200, body: { items: SERVICES } },
    'POST /v1/bookings/*': (seen, nth) => {
      const refused = assign(seen, nth)
      if (refused) return refused
      const id = seen.path.split('/')[3]
      const i = open.findIndex((b) => b.id === id)
      open[i] = { ...open[i], status: 'ASSIGNED', caregiverId: (seen.body as { caregiverId: string }).caregiverId }
      return { status: 200, body: open[i] }
    },
  })
}

async function mounted() {
  const wrapper = mount(ProviderDesk, { attachTo: document.body })
  await vi.waitFor(async () => {
    await flushPromises()
    expect(wrapper.find('[data-test=assign-BATH01]').exists()).toBe(true)
  })
  return wrapper
}

const assigns = (seen: Seen[]) => seen.filter((s) => s.method === 'POST')

describe('the provider desk', () => {
  it('is the home page of a provider, and takes its provider from the token', () => {
    expect(homeOf((r) => r === 'provider')).toBe('/provider')
    expect(session.orgIds('provider')).toEqual([PROVIDER])
  })

  it('lists the bookings to assign in the order the API answers (助急 first), and the caregivers with their hours', async () => {
    const { fetchImpl } = provider()
    vi.stubGlobal('fetch', fetchImpl)
    const wrapper = await mounted()
    const rows = wrapper.findAll('[data-test=to-assign] tbody tr').map((r) => r.text())
    expect(rows).toHaveLength(2)
    expect(rows[0]).toContain('助急')
    expect(rows[0]).toContain('HELP02')
    expect(rows[1]).toContain('12-03 10:00')
    expect(wrapper.find('[data-test=caregiver-王阿姨]').text()).toContain('未持证')
    expect(wrapper.find('[data-test=caregiver-刘护理]').text()).toContain('08:00–18:00')
    // The bath needs a certificate: the certified caregiver is offered first, the other says why not.
    const offered = wrapper.findAll('[data-test=assign-BATH01] option').map((o) => o.text())
    expect(offered).toEqual(['刘护理', '王阿姨（这项服务需要持证护理员）'])
  })

  it("assigns a caregiver with one click, and the booking moves to that caregiver's day", async () => {
    const { fetchImpl, seen } = provider()
    vi.stubGlobal('fetch', fetchImpl)
    const wrapper = await mounted()
    await wrapper.find('[data-test=assign-BATH01]').trigger('submit')
    await vi.waitFor(async () => {
      await flushPromises()
      expect(wrapper.find('[data-test=assigned-BATH01]').exists()).toBe(true)
    })
    expect(wrapper.find('[data-test=assigned-BATH01]').text()).toContain('刘护理')
    expect(wrapper.find('[data-test=caregiver-刘护理]').text()).toContain('12-03 10:00 助浴')
    expect(assigns(seen)).toHaveLength(1)
    expect(assigns(seen)[0]).toMatchObject({ path: '/v1/bookings/b1/assign', body: { caregiverId: 'g1' } })
  })

  it('reuses the Idempotency-Key of the assignment on every retry and on a press again, and takes a new one for another caregiver', async () => {
    const { fetchImpl, seen } = provider((_, nth) => (nth <= SUBMIT_ATTEMPTS_MAX ? problem(503, 'STORE_UNAVAILABLE', '系统繁忙，请稍后再试。')
      : nth === SUBMIT_ATTEMPTS_MAX + 1 ? problem(409, 'CAREGIVER_BUSY', '这位护理员在这个时间已有其他上门服务。') : null))
    vi.stubGlobal('fetch', fetchImpl)
    const wrapper = await mounted()
    const form = wrapper.find('[data-test=assign-BATH01]')
    await form.trigger('submit')
    await vi.waitFor(async () => {
      await flushPromises()
      expect(form.find('.problem-message').text()).toBe('系统繁忙，请稍后再试。')
    }, { timeout: 8000 })
    await form.trigger('submit')
    await vi.waitFor(async () => {
      await flushPromises()
      expect(form.find('.problem-message').text()).toBe('这位护理员在这个时间已有其他上门服务。')
    })
    const sameIntent = assigns(seen).map((s) => s.headers['idempotency-key'])
    expect(sameIntent).toHaveLength(SUBMIT_ATTEMPTS_MAX + 1)
    expect(new Set(sameIntent).size).toBe(1)

    await form.find('select').setValue('g2')
    await form.trigger('submit')
    await vi.waitFor(async () => {
      await flushPromises()
      expect(wrapper.find('[data-test=assigned-BATH01]').exists()).toBe(true)
    })
    const another = assigns(seen)[SUBMIT_ATTEMPTS_MAX + 1]
    expect(another.body).toEqual({ caregiverId: 'g2' })
    expect(another.headers['idempotency-key']).not.toBe(sameIntent[0])
  })

  it('says so when the account acts for no provider', async () => {
    session.start({
      tokenType: 'Bearer', accessToken: tokenWith({ sub: 's4', groups: ['provider'] }), refreshToken: 'r',
      accessTokenExpiresAt: new Date(Date.now() + 900_000).toISOString(), refreshTokenExpiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    })
    const { fetchImpl, seen } = provider()
    vi.stubGlobal('fetch', fetchImpl)
    const wrapper = mount(ProviderDesk, { attachTo: document.body })
    await flushPromises()
    expect(wrapper.text()).toContain('您的账号没有关联服务机构')
    expect(seen).toHaveLength(0)
  })
})

describe('which caregiver can take a booking', () => {
  it('one outside their hours cannot, nor one without a certificate for a service that needs it, nor one already out then', () => {
    const bath = SERVICES[0]
    expect(caregiverFit(caregiver('g3', '早班', { worksUntil: '10:30:00' }), BATH, bath, []).note).toBe('不在工作时间（08:00–10:30）')
    expect(caregiverFit(WANG, BATH, bath, []).note).toBe('这项服务需要持证护理员')
    const busy = booking('b9', 'BUSY09', '2026-12-03T09:30:00+08:00', { status: 'ASSIGNED', caregiverId: 'g1' })
    expect(caregiverFit(LIU, BATH, bath, [busy])).toMatchObject({ fits: false, note: '此时已有上门（09:30 开始）' })
    const before = { ...busy, startsAt: '2026-12-03T09:00:00+08:00' }
    expect(caregiverFit(LIU, BATH, bath, [before]).fits).toBe(true)
    const otherDay = { ...busy, startsAt: '2026-12-04T10:00:00+08:00' }
    expect(caregiverFit(LIU, BATH, bath, [otherDay]).fits).toBe(true)
  })

  it('offers those who can first, and lists each caregiver\'s assigned visits by start', () => {
    const later = booking('b5', 'LATE05', '2026-12-03T15:00:00+08:00', { status: 'ASSIGNED', caregiverId: 'g1' })
    const earlier = booking('b6', 'EARL06', '2026-12-03T08:00:00+08:00', { status: 'ASSIGNED', caregiverId: 'g1' })
    expect(caregiversFor([WANG, LIU], BATH, SERVICES[0], []).map((f) => f.caregiver.name)).toEqual(['刘护理', '王阿姨'])
    expect(visitsByCaregiver([later, BATH, earlier]).get('g1')!.map((b) => b.confirmationCode)).toEqual(['EARL06', 'LATE05'])
  })
})
