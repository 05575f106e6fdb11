import type { Dish, MealOrder, OrderItem, Slot, SubsidyPolicy } from '../api/types'
import { isoWeek, monthOf } from './dates'

/** What the order will cost, shown before the operator confirms; the API prices it the same way. */
export interface MealQuote {
  priceFen: number
  subsidyFen: number
  payFen: number
  /** Why the subsidy is what it is, in plain Chinese. */
  reason: string
}

/** What the resident has already used around this order: the meal-orders function's SubsidyUse. */
export interface SubsidyUse {
  slotClaimed: boolean
  weekMeals: number
  monthMeals: number
}

export interface MealQuoteInput {
  policy: SubsidyPolicy
  /** The resident's age as the registry answers it (the birth date itself is never shown). */
  age: number
  categories: string[]
  date: string
  slot: Slot
  dishes: Dish[]
  items: OrderItem[]
  /** The resident's orders of the order date's month (every meal point): the slot's claim and the caps. */
  ordersOfMonth: MealOrder[]
}

export function quoteMeal(input: MealQuoteInput): MealQuote {
  const priceFen = input.items.reduce((sum, item) => {
    const dish = input.dishes.find((d) => d.code === item.dishCode)
    return dish ? sum + dish.priceFen * item.quantity : sum
  }, 0)
  const use = subsidyUseOf(input.ordersOfMonth, input.date, input.slot)
  const { subsidyFen, reason } = subsidyGrant(input.policy, use, input.age, input.categories, priceFen)
  return { priceFen, subsidyFen, payFen: priceFen - subsidyFen, reason }
}

/** Subsidised orders still standing (a cancelled one gave its subsidy back) around the order's slot, week and month. */
export function subsidyUseOf(orders: MealOrder[], date: string, slot: Slot): SubsidyUse {
  const subsidised = orders.filter((o) => o.status !== 'CANCELLED' && o.subsidyFen > 0)
  return {
    slotClaimed: subsidised.some((o) => o.date === date && o.slot === slot),
    weekMeals: subsidised.filter((o) => isoWeek(o.date) === isoWeek(date)).length,
    monthMeals: subsidised.filter((o) => monthOf(o.date) === monthOf(date)).length,
  }
}

/**
 * The meal-orders function's SubsidyGrant.of and SubsidyPolicy.subsidyFor, rule for rule: nothing once the
 * slot's subsidised meal is taken or a cap is reached; a free category pays nothing; otherwise the larger of
 * the age band's and the categories' amounts, never above the price. tests/meal-pricing-cases.json holds
 * the cases both sides are tested with.
 */
export function subsidyGrant(policy: SubsidyPolicy, use: SubsidyUse, age: number, categories: string[], priceFen: number) {
  if (use.slotClaimed) return { subsidyFen: 0, reason: '本餐次已享受过补贴，本单按原价' }
  if (policy.weeklyMealsMax != null && use.weekMeals >= policy.weeklyMealsMax) {
    return { subsidyFen: 0, reason: '本周补贴次数已用完，本单按原价' }
  }
  if (policy.monthlyMealsMax != null && use.monthMeals >= policy.monthlyMealsMax) {
    return { subsidyFen: 0, reason: '本月补贴次数已用完，本单按原价' }
  }
  if (policy.freeCategories.some((c) => categories.includes(c))) {
    return { subsidyFen: priceFen, reason: '免费对象，全额补贴' }
  }
  let subsidyFen = 0
  let reason = '不在补贴范围，按原价'
  for (const band of policy.ageBands) {
    if (age >= band.fromAge && (band.toAge == null || age <= band.toAge) && band.subsidyFen > subsidyFen) {
      subsidyFen = band.subsidyFen
      reason = `${age} 岁高龄补贴`
    }
  }
  for (const [category, fen] of Object.entries(policy.categorySubsidyFen)) {
    if (categories.includes(category) && fen > subsidyFen) {
      subsidyFen = fen
      reason = '困难对象补贴'
    }
  }
  return { subsidyFen: Math.min(subsidyFen, priceFen), reason }
}
