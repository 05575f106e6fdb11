import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { CareHomeCaregiver, Certificate } from '../src/api/types'
import { certificateState, fieldsToCheck } from '../src/logic/certificates'
import { countyDate } from '../src/logic/dates'
import { session } from '../src/services'
import CaregiverCertificates from '../src/views/caregivers/CaregiverCertificates.vue'
import { fakeFetch, problem, tokenWith, type Answer, type Seen } from './fakeApi'

const SUN = 'a0000000-0000-4000-8000-000000000001'
const QIAN = 'a0000000-0000-4000-8000-000000000002'
const ZHAO = 'a0000000-0000-4000-8000-000000000003'
const today = countyDate()
const shifted = (years: number, days = 0) => {
  const d = new Date(`${today}T12:00:00+08:00`)
  d.setUTCFullYear(d.getUTCFullYear() + years)
  return countyDate(d, days)
}
const certificate = (id: string, caregiverId: string, level: string, levelLabel: string, number: string, validFrom: string,
  validUntil: string, extra: Partial<Certificate> = {}): Certificate => ({
  id, caregiverId, level, levelLabel, number, validFrom, validUntil, recordedBy: 'officer-1', recordedAt: '2026-11-02T09:00:00+08:00', ...extra,
})
const REGISTERED = certificate('k1', SUN, 'SENIOR', '高级', 'HL-2023-0158', shifted(-2), shifted(3))
const TYPO = certificate('k2', SUN, 'TECHNICIAN', '技师', 'HL-TYPO-01', shifted(3, 1), shifted(8))
const caregiver = (id: string, name: string, current?: Certificate): CareHomeCaregiver => ({
  id, name, idNumberMasked: '330105********0026', phoneMasked: '139****0201', certificateLevel: 'SENIOR', certificateLevelLabel: '高级',
  certificateNumber: 'HL-2023-0158', certificateFrom: shifted(-2), certificateUntil: shifted(3), registeredAt: '2026-01-01T09:00:00+08:00',
  registeredBy: 'officer-1', currentCertificate: current,
})

function signedInAs(role: string) {
  session.start({
    tokenType: 'Bearer', accessToken: tokenWith({ sub: `${role}-1`, groups: [role] }), refreshToken: 'r',
    accessTokenExpiresAt: new Date(Date.now() + 900_000).toISOString(), refreshTokenExpiresAt: new Date(Date.now() + 86_400_000).toISOString(),
  })
}

afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

/** The county's two caregivers; 孙丽's certificates as they stand: a withdrawal or a recording changes what the next read answers. */
function county(refuse: (seen: Seen, nth: number) => Answer | null = () => null) {
  const certificates = [TYPO, REGISTERED]
  const caregivers = [caregiver(SUN, '孙丽', REGISTERED), caregiver(QIAN, '钱春梅')]
  return fakeFetch({
    'GET /v1/care-home-caregivers': () => ({ status: 200, body: { items: [...caregivers] } }),
    'POST /v1/care-home-caregivers': (seen, nth) => {
      const refused = refuse(seen, nth)
      if (refused) return refused
      const made = { ...caregiver(ZHAO, (seen.body as { name: string }).name), idNumberMasked: '330105********1234', phoneMasked: '139****0203' }
      caregivers.push(made)
      return { status: 201, body: made }
    },
    [`GET /v1/care-home-caregivers/${ZHAO}/certificates`]: { status: 200, body: { items: [] } },
    [`GET /v1/care-home-caregivers/${SUN}/certificates`]: () => ({ status: 200, body: { items: [...certificates] } }),
    [`POST /v1/care-home-caregivers/${SUN}/certificates`]: (seen, nth) => {
      const refused = refuse(seen, nth)
      if (refused) return refused
      const b = seen.body as { level: string; number: string; validFrom: string; validUntil: string }
      const made = certificate('k3', SUN, b.level, '高级', b.number, b.validFrom, b.validUntil)
      certificates.unshift(made)
      return { status: 201, body: made }
    },
    'POST /v1/caregiver-certificates/*': (seen, nth) => {
      const refused = refuse(seen, nth)
      if (refused) return refused
      const id = seen.path.split('/')[3]
      const i = certificates.findIndex((c) => c.id === id)
      certificates[i] = { ...certificates[i], withdrawnBy: 'officer-1', withdrawnAt: '2026-12-02T10:00:00+08:00',
        withdrawalReason: (seen.body as { reason: string }).reason }
      return { status: 200, body: certificates[i] }
    },
  })
}

async function chosen(name: string) {
  const wrapper = mount(CaregiverCertificates, { attachTo: document.body })
  await vi.waitFor(async () => {
    await flushPromises()
    expect(wrapper.find(`[data-test=choose-${name}]`).exists()).toBe(true)
  })
  await wrapper.find(`[data-test=choose-${name}]`).trigger('click')
  await vi.waitFor(async () => {
    await flushPromises()
    expect(wrapper.find('[data-test=certificates] tbody tr').exists()).toBe(true)
  })
  return wrapper
}

const posts = (seen: Seen[]) => seen.filter((s) => s.method === 'POST')

describe("a certificate's state on the county's day", () => {
  it('counts both its first and its last day, and a withdrawn one is withdrawn whatever its dates', () => {
    const c = certificate('k', SUN, 'JUNIOR', '初级', 'HL-1', '2026-01-01', '2026-12-31')
    expect(certificateState(c, '2025-12-31')).toBe('upcoming')
    expect(certificateState(c, '2026-01-01')).toBe('valid')
    expect(certificateState(c, '2026-12-31')).toBe('valid')
    expect(certificateState(c, '2027-01-01')).toBe('expired')
    expect(certificateState({ ...c, withdrawnAt: '2026-06-01T09:00:00+08:00' }, '2026-06-02')).toBe('withdrawn')
  })
})

describe('the fields a refused registration names', () => {
  it("are said in the officer's words, once each, in the form's order", () => {
    expect(fieldsToCheck([{ field: 'phone' }, { field: 'idNumber' }, { field: 'phone' }, { field: 'odd' }])).toEqual(['身份证号', '手机号', 'odd'])
    expect(fieldsToCheck([])).toEqual([])
  })
})

describe('the caregiver certificates page', () => {
  it("lists the county's caregivers with the certificate valid today, or says there is none", async () => {
    signedInAs('officer')
    const { fetchImpl } = county()
    vi.stubGlobal('fetch', fetchImpl)
    const wrapper = await chosen('孙丽')
    expect(wrapper.find('[data-test=current-孙丽]').text()).toBe(`高级 · 至 ${shifted(3)}`)
    expect(wrapper.find('[data-test=current-钱春梅]').text()).toBe('无有效证书')
    expect(wrapper.find('[data-test=state-HL-2023-0158]').text()).toBe('有效')
    expect(wrapper.find('[data-test=state-HL-TYPO-01]').text()).toBe('未生效')
  })

  it('withdraws a certificate recorded in error with the reason typed, under one key, and shows it withdrawn with why', async () => {
    signedInAs('officer')
    const { fetchImpl, seen } = county()
    vi.stubGlobal('fetch', fetchImpl)
    const wrapper = await chosen('孙丽')
    const row = wrapper.find('[data-test=withdraw-HL-TYPO-01]')
    await row.find('[data-test=withdraw-open]').trigger('click')
    await flushPromises()
    expect(row.find('[data-test=withdraw-confirm]').attributes('disabled')).toBeDefined()
    await row.find('input[name=reason]').setValue('  等级录错，证书上是高级  ')
    await row.find('form').trigger('submit')
    await vi.waitFor(async () => {
      await flushPromises()
      expect(wrapper.find('[data-test=withdrawn-HL-TYPO-01]').exists()).toBe(true)
    })
    expect(wrapper.find('[data-test=withdrawn-HL-TYPO-01]').text()).toContain('撤销：等级录错，证书上是高级')
    expect(wrapper.find('[data-test=withdrawn-HL-TYPO-01]').text()).toMatch(/^我 于 \d{4}-\d{2}-\d{2} 撤销/)
    expect(wrapper.find('[data-test=state-HL-TYPO-01]').text()).toBe('已撤销')
    expect(posts(seen)).toHaveLength(1)
    expect(posts(seen)[0]).toMatchObject({ path: '/v1/caregiver-certificates/k2/withdraw', body: { reason: '等级录错，证书上是高级' } })
    expect(posts(seen)[0].headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/)
    expect(wrapper.find('[data-test=withdraw-HL-2023-0158]').exists()).toBe(true)
  })

  it("shows the API's refusal as worded and keeps the key when pressed again", async () => {
    signedInAs('officer')
    const paid = problem(409, 'MONTH_ALREADY_BATCHED', '这个日期所在月份的床位补贴或护理员岗位津贴已经生成，不能再补录或修改入住、护理安排或护理员证书记录。')
    const { fetchImpl, seen } = county((s) => (s.path.endsWith('/withdraw') ? paid : null))
    vi.stubGlobal('fetch', fetchImpl)
    const wrapper = await chosen('孙丽')
    const row = wrapper.find('[data-test=withdraw-HL-2023-0158]')
    await row.find('[data-test=withdraw-open]').trigger('click')
    await flushPromises()
    await row.find('input[name=reason]').setValue('录错')
    for (let press = 0; press < 2; press++) {
      await row.find('form').trigger('submit')
      await vi.waitFor(async () => {
        await flushPromises()
        expect(posts(seen)).toHaveLength(press + 1)
        expect(row.find('.problem-message').text()).toContain('岗位津贴已经生成')
      })
    }
    expect(new Set(posts(seen).map((s) => s.headers['idempotency-key'])).size).toBe(1)
    expect(wrapper.find('[data-test=state-HL-2023-0158]').text()).toBe('有效')
  })

  it('records a renewal as typed, and lists it', async () => {
    signedInAs('officer')
    const { fetchImpl, seen } = county()
    vi.stubGlobal('fetch', fetchImpl)
    const wrapper = await chosen('孙丽')
    const form = wrapper.find('[data-test=record-certificate]')
    await form.find('select[name=level]').setValue('SENIOR')
    await form.find('input[name=number]').setValue(' HL-2029-0001 ')
    await form.find('input[name=validFrom]').setValue(shifted(3, 1))
    await form.find('input[name=validUntil]').setValue(shifted(8))
    await form.trigger('submit')
    await vi.waitFor(async () => {
      await flushPromises()
      expect(wrapper.find('[data-test=state-HL-2029-0001]').exists()).toBe(true)
    })
    expect(posts(seen)[0]).toMatchObject({ path: `/v1/care-home-caregivers/${SUN}/certificates`,
      body: { level: 'SENIOR', number: 'HL-2029-0001', validFrom: shifted(3, 1), validUntil: shifted(8) } })
  })

  it('registers a caregiver as typed, forgets the ID number and phone, and opens the new caregiver', async () => {
    signedInAs('officer')
    const { fetchImpl, seen } = county()
    vi.stubGlobal('fetch', fetchImpl)
    const wrapper = await chosen('孙丽')
    const form = wrapper.find('[data-test=register-caregiver]')
    const typed: Record<string, string> = { name: ' 赵玉兰 ', idNumber: '33010519800101123X', phone: '13905710203',
      certificateNumber: 'HL-2026-0203', certificateFrom: shifted(-1), certificateUntil: shifted(4) }
    for (const [name, value] of Object.entries(typed)) await form.find(`input[name=${name}]`).setValue(value)
    await form.find('select[name=certificateLevel]').setValue('INTERMEDIATE')
    await form.trigger('submit')
    await vi.waitFor(async () => {
      await flushPromises()
      expect(wrapper.find('[data-test=certificates] h2').text()).toBe('赵玉兰 的证书')
    })
    expect(posts(seen)[0]).toMatchObject({ path: '/v1/care-home-caregivers', body: { ...typed, name: '赵玉兰', certificateLevel: 'INTERMEDIATE' } })
    expect(posts(seen)[0].headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/)
    expect((form.find('input[name=idNumber]').element as HTMLInputElement).value).toBe('')
    expect((form.find('input[name=phone]').element as HTMLInputElement).value).toBe('')
    expect(wrapper.find('[data-test=choose-赵玉兰]').exists()).toBe(true)
  })

  it('names the fields to check when the registration is refused, and keeps what was typed', async () => {
    signedInAs('officer')
    const invalid: Answer = { status: 400, body: { type: 'urn:yiyang:problem', title: 'VALIDATION_FAILED', status: 400, code: 'VALIDATION_FAILED',
      detail: 'x', userMessage: '填写的内容有误，请检查后再提交。', errors: [{ field: 'phone', code: 'BAD_PHONE' }, { field: 'idNumber', code: 'BAD_ID_NUMBER' }] } }
    const { fetchImpl } = county((s) => (s.path === '/v1/care-home-caregivers' ? invalid : null))
    vi.stubGlobal('fetch', fetchImpl)
    const wrapper = await chosen('孙丽')
    const form = wrapper.find('[data-test=register-caregiver]')
    for (const [name, value] of Object.entries({ name: '赵玉兰', idNumber: '123', phone: '1390', certificateNumber: 'HL-1',
      certificateFrom: shifted(-1), certificateUntil: shifted(4) })) await form.find(`input[name=${name}]`).setValue(value)
    await form.trigger('submit')
    await vi.waitFor(async () => {
      await flushPromises()
      expect(form.find('[data-test=fields-to-check]').text()).toBe('请检查：身份证号、手机号')
    })
    expect(form.find('.problem-message').text()).toBe('填写的内容有误，请检查后再提交。')
    expect((form.find('input[name=idNumber]').element as HTMLInputElement).value).toBe('123')
  })

  it('lets an auditor read certificates and withdrawals, but neither register, record nor withdraw', async () => {
    signedInAs('auditor')
    const { fetchImpl, seen } = county()
    vi.stubGlobal('fetch', fetchImpl)
    const wrapper = await chosen('孙丽')
    expect(wrapper.find('[data-test=record-certificate]').exists()).toBe(false)
    expect(wrapper.find('[data-test=register-caregiver]').exists()).toBe(false)
    expect(wrapper.find('[data-test=withdraw-open]').exists()).toBe(false)
    expect(wrapper.findAll('[data-test=certificates] tbody tr')).toHaveLength(2)
    expect(posts(seen)).toHaveLength(0)
  })
})
