import type { MealQuote, Mode, SlotSeats } from '../api/types'

/**
 * The meal form's reading of the API's answers: the quote (priced by the meal-orders function with the code that
 * charges) and the menu's seats and cut-offs. Nothing here prices an order: the figures shown are the quote's.
 */

/** Why the subsidy is what the quote says, in plain Chinese, from what the quote says decided it. */
export function subsidyNote(quote: MealQuote): string {
  if (quote.subsidyFen > 0) {
    return quote.subsidyFen === quote.priceFen ? '全额补贴' : `${quote.ageOnDate} 岁，按本县助餐补贴政策`
  }
  if (quote.slotSubsidyTaken) return '本餐次已享受过补贴，本单按原价'
  if (quote.weeklyMealsMax != null && quote.weekSubsidisedMeals >= quote.weeklyMealsMax) {
    return `本周 ${quote.weeklyMealsMax} 次补贴已用完，本单按原价`
  }
  if (quote.monthlyMealsMax != null && quote.monthSubsidisedMeals >= quote.monthlyMealsMax) {
    return `本月 ${quote.monthlyMealsMax} 次补贴已用完，本单按原价`
  }
  return '不在补贴范围，按原价'
}

/** The order's dishes as the quote route takes them: `A1:2,B2`, dishes with no portions left out. */
export function dishesParam(quantities: Record<string, number>): string {
  return Object.entries(quantities).filter(([, q]) => q > 0).map(([code, q]) => `${code}:${q}`).join(',')
}

export const MODE_SEAT_WORDS: Record<Mode, string> = { DINE_IN: '堂食', DELIVERY: '送餐' }

/** Whether a slot can be chosen for this mode, and if not why, as the menu's answer says. */
export interface SlotChoice {
  choosable: boolean
  /** Plain Chinese: the seats left, or why it cannot be chosen. */
  note: string
}

/**
 * A slot the point does not serve, one that can no longer be ordered (cut-off passed, or the point closed that day),
 * or one sold out in the chosen mode cannot be chosen. `pastCutoff` is whether the county's clock is past the cut-off
 * on that date, which tells which of the two the API's `orderable: false` means.
 */
export function slotChoice(seats: SlotSeats | undefined, mode: Mode, pastCutoff: boolean): SlotChoice {
  if (!seats) return { choosable: false, note: '这一餐不供应' }
  const cutoff = seats.cutoff.slice(0, 5)
  if (!seats.orderable) {
    return { choosable: false, note: pastCutoff ? `已过 ${cutoff} 订餐截止时间` : '这一天助餐点不营业' }
  }
  const left = mode === 'DELIVERY' ? seats.deliverySeatsLeft : seats.dineInSeatsLeft
  const total = mode === 'DELIVERY' ? seats.deliverySeats : seats.dineInSeats
  if (left <= 0) return { choosable: false, note: `${MODE_SEAT_WORDS[mode]}已订满（共 ${total} 份）` }
  return { choosable: true, note: `${MODE_SEAT_WORDS[mode]}还剩 ${left} 份（共 ${total} 份），${cutoff} 截止` }
}
