import type { Dish, MealOrder, OrderItem, Slot, SubsidyPolicy } from '../api/types'
import { ageOn, isoWeek, monthOf } from './dates'

/** What the order will cost, shown before the operator confirms; the API prices it the same way. */
export interface MealQuote {
  priceFen: number
  subsidyFen: number
  payFen: number
  /** Why the subsidy is what it is, in plain Chinese. */
  reason: string
}

export interface MealQuoteInput {
  policy: SubsidyPolicy
  birthDate: string
  categories: string[]
  date: string
  slot: Slot
  dishes: Dish[]
  items: OrderItem[]
  /** The resident's orders of the order date's month (every meal point): the slot's claim and the caps. */
  ordersOfMonth: MealOrder[]
}

/** The same rules as the meal-orders function's SubsidyPolicy and SubsidyUse, in the same order. */
export function quoteMeal(input: MealQuoteInput): MealQuote {
  const priceFen = input.items.reduce((sum, item) => {
    const dish = input.dishes.find((d) => d.code === item.dishCode)
    return dish ? sum + dish.priceFen * item.quantity : sum
  }, 0)
  const refusal = subsidyRefusal(input)
  if (refusal) return { priceFen, subsidyFen: 0, payFen: priceFen, reason: refusal }
  const { subsidyFen, reason } = subsidyFor(input.policy, ageOn(input.birthDate, input.date), input.categories, priceFen)
  return { priceFen, subsidyFen, payFen: priceFen - subsidyFen, reason }
}

function subsidyRefusal(input: MealQuoteInput): string | null {
  const subsidised = input.ordersOfMonth.filter((o) => o.status !== 'CANCELLED' && o.subsidyFen > 0)
  if (subsidised.some((o) => o.date === input.date && o.slot === input.slot)) {
    return '本餐次已享受过补贴，本单按原价'
  }
  const { weeklyMealsMax, monthlyMealsMax } = input.policy
  const week = isoWeek(input.date)
  if (weeklyMealsMax != null && subsidised.filter((o) => isoWeek(o.date) === week).length >= weeklyMealsMax) {
    return '本周补贴次数已用完，本单按原价'
  }
  const month = monthOf(input.date)
  if (monthlyMealsMax != null && subsidised.filter((o) => monthOf(o.date) === month).length >= monthlyMealsMax) {
    return '本月补贴次数已用完，本单按原价'
  }
  return null
}

function subsidyFor(policy: SubsidyPolicy, age: number, categories: string[], priceFen: number) {
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
