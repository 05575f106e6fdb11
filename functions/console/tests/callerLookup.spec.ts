import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import type { Resident } from '../src/api/types'
import { callerQuery, moveChoice, readTyped } from '../src/logic/callerLookup'
import ResidentChoice from '../src/views/hotline/ResidentChoice.vue'

describe('reading what the operator typed into the look-up', () => {
  it.each([
    ['138 0571 0002', '138 0571 0002'],
    ['+86 138-0571-0002', '+86 138-0571-0002'],
    ['8806 1234', '8806 1234'],
    ['(0571) 8806-1234', '(0571) 8806-1234'],
    ['８８０６１２３４', '88061234'],
  ])('digits are a phone, mobile or landline, sent as typed: %s', (typed, phone) => {
    expect(callerQuery(readTyped(typed), '')).toEqual({ phone })
  })

  it('18 characters ending in a digit or X are an ID number, an x made capital and spaces dropped', () => {
    expect(callerQuery(readTyped('330105 19311224004x'), '')).toEqual({ idNumber: '33010519311224004X' })
  })

  it('a Chinese name asks for a birth year or a street code before it is sent', () => {
    const typed = readTyped(' 李建国 ')
    expect(typed).toEqual({ kind: 'name', name: '李建国' })
    expect(callerQuery(typed, '')).toBeNull()
    expect(callerQuery(typed, '194')).toBeNull()
    expect(callerQuery(typed, '1942')).toEqual({ name: '李建国', birthYear: 1942 })
    expect(callerQuery(typed, '330105001')).toEqual({ name: '李建国', streetCode: '330105001' })
  })

  it('a name with a middle dot is a name; letters, mixed text or too few digits are not sent', () => {
    expect(readTyped('阿依古丽·买买提').kind).toBe('name')
    for (const typed of ['li jianguo', '李建国1942', '12345', '']) {
      expect(readTyped(typed).kind, typed).toBe('unclear')
      expect(callerQuery(readTyped(typed), '1942'), typed).toBeNull()
    }
  })
})

const resident = (id: string, birthYear: number): Resident => ({
  id, name: '王秀英', idNumberMasked: '330105************', birthYear, sex: 'FEMALE', age: 2026 - birthYear,
  phoneMasked: '138****0001', address: { streetCode: '330105001', line: `西湖区文三路 ${birthYear % 100} 号` },
  categories: [], categoryLabels: [], status: 'ACTIVE',
  county: '330105', createdAt: '2026-11-01T09:00:00+08:00', updatedAt: '2026-11-01T09:00:00+08:00', version: 1,
})

describe('choosing among several residents who match', () => {
  it('arrow keys move the highlight round the list, Home and End jump to its ends', () => {
    expect(moveChoice(0, 'ArrowDown', 3)).toBe(1)
    expect(moveChoice(2, 'ArrowDown', 3)).toBe(0)
    expect(moveChoice(0, 'ArrowUp', 3)).toBe(2)
    expect(moveChoice(1, 'End', 3)).toBe(2)
    expect(moveChoice(2, 'Home', 3)).toBe(0)
    expect(moveChoice(1, 'a', 3)).toBe(1)
  })

  it('the list takes the focus, and Enter chooses the resident the arrows reached', async () => {
    const residents = [resident('r1', 1938), resident('r2', 1940), resident('r3', 1945)]
    const wrapper = mount(ResidentChoice, { props: { residents }, attachTo: document.body })
    await new Promise((r) => setTimeout(r, 0))
    const list = wrapper.get('[data-test=resident-choice]')
    expect(document.activeElement).toBe(list.element)
    await list.trigger('keydown', { key: 'ArrowDown' })
    await list.trigger('keydown', { key: 'ArrowDown' })
    await list.trigger('keydown', { key: 'ArrowUp' })
    expect(wrapper.findAll('[aria-selected=true]').map((o) => o.text())).toEqual([expect.stringContaining('1940 年生')])
    await list.trigger('keydown', { key: 'Enter' })
    expect(wrapper.emitted('choose')).toEqual([[residents[1]]])
    wrapper.unmount()
  })
})
