import type { BookingStatus, MealOrderStatus, Mode, Slot } from '../../api/types'

export const SLOT_NAMES: Record<Slot, string> = { LUNCH: '午餐', DINNER: '晚餐' }
export const MODE_NAMES: Record<Mode, string> = { DINE_IN: '堂食', DELIVERY: '送餐上门' }
export const MEAL_STATUS_NAMES: Record<MealOrderStatus, string> = {
  PLACED: '已下单', CANCELLED: '已取消', SERVED: '已取餐', DELIVERED: '已送达', NO_SHOW: '未取餐',
}
/** The kitchen's delivery list names an order's status as text: one it does not know is shown as sent. */
export function mealStatusName(status: string): string {
  return (MEAL_STATUS_NAMES as Record<string, string>)[status] ?? status
}
export const BOOKING_STATUS_NAMES: Record<BookingStatus, string> = {
  REQUESTED: '待派单', ASSIGNED: '已派护理员', IN_SERVICE: '服务中', COMPLETED: '已完成', RATED: '已评价',
  CANCELLED: '已取消', NO_SHOW: '未见到老人',
}
