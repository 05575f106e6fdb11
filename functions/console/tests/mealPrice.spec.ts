import { describe, expect, it } from 'vitest'
import type { MealOrder, SubsidyPolicy } from '../src/api/types'
import { quoteMeal, subsidyGrant, subsidyUseOf } from '../src/logic/mealPrice'
import table from './meal-pricing-cases.json'

const policy = table.policy as SubsidyPolicy

describe('the meal subsidy shown before confirming', () => {
  // The same cases run against the meal-orders function's SubsidyGrant (MealPricePreviewAgreementTest).
  it.each(table.cases)('$name', (c) => {
    const [slotClaimed, weekMeals, monthMeals] = c.use as [boolean, number, number]
    const grant = subsidyGrant(policy, { slotClaimed, weekMeals, monthMeals }, c.age, c.categories, c.priceFen)
    expect(grant.subsidyFen).toBe(c.subsidyFen)
  })
})

function order(date: string, slot: 'LUNCH' | 'DINNER', subsidyFen: number, status: MealOrder['status'] = 'PLACED'): MealOrder {
  return {
    id: `${date}-${slot}`, residentId: 'r', residentName: '李建国', mealPointId: 'p', date, slot, mode: 'DELIVERY',
    items: [], priceFen: 1500, subsidyFen, payFen: 1500 - subsidyFen, confirmationCode: 'ABCDEF', status, placedAt: '',
    channel: 'HOTLINE', county: '330105', placedBy: 'op1', policyVersion: 1, weeklyCapCounted: false, monthlyCapCounted: false,
  }
}

describe('what the resident has used, from their orders', () => {
  it('a standing subsidised order of the same slot claims it; a cancelled one gave it back', () => {
    expect(subsidyUseOf([order('2026-12-03', 'LUNCH', 500)], '2026-12-03', 'LUNCH').slotClaimed).toBe(true)
    expect(subsidyUseOf([order('2026-12-03', 'LUNCH', 500, 'CANCELLED')], '2026-12-03', 'LUNCH').slotClaimed).toBe(false)
    expect(subsidyUseOf([order('2026-12-03', 'DINNER', 500)], '2026-12-03', 'LUNCH').slotClaimed).toBe(false)
  })

  it('a full-price order counts against neither the slot nor a cap', () => {
    const use = subsidyUseOf([order('2026-12-03', 'LUNCH', 0)], '2026-12-03', 'LUNCH')
    expect(use).toEqual({ slotClaimed: false, weekMeals: 0, monthMeals: 0 })
  })

  it('counts the ISO week (Monday to Sunday) and the month of the order date', () => {
    // 2026-11-30 is a Monday: 11-29 (Sunday) is the week before, and 12-06 (Sunday) the same week.
    const orders = [order('2026-11-29', 'LUNCH', 500), order('2026-11-30', 'LUNCH', 500), order('2026-12-06', 'LUNCH', 500)]
    expect(subsidyUseOf(orders, '2026-12-03', 'DINNER')).toEqual({ slotClaimed: false, weekMeals: 2, monthMeals: 1 })
  })
})

describe('the quote of an order', () => {
  const dishes = [{ code: 'A1', name: '红烧鱼套餐', priceFen: 1500 }, { code: 'C1', name: '素菜软饭', priceFen: 800 }]

  it('prices the dishes at the menu price and subtracts the subsidy once per order', () => {
    const quote = quoteMeal({
      policy, age: 84, categories: ['KONGCHAO'], date: '2026-12-03', slot: 'LUNCH', dishes,
      items: [{ dishCode: 'A1', quantity: 1 }, { dishCode: 'C1', quantity: 2 }], ordersOfMonth: [],
    })
    expect(quote).toMatchObject({ priceFen: 3100, subsidyFen: 500, payFen: 2600 })
  })

  it('takes the age the registry answers: an 80-year-old gets the 80+ band', () => {
    const quote = quoteMeal({
      policy, age: 80, categories: [], date: '2026-12-03', slot: 'LUNCH', dishes,
      items: [{ dishCode: 'A1', quantity: 1 }], ordersOfMonth: [],
    })
    expect(quote.subsidyFen).toBe(500)
  })
})
