import type { Booking } from '../api/types'

export interface BoardRow {
  call: Booking
  overdue: boolean
}

/**
 * The 助急 board's rows: the overdue calls first, then the other unassigned ones; each group by its wait,
 * the longest (earliest call) at the top. A call in both answers shows once.
 */
export function boardRows(unassigned: Booking[], overdue: Booking[]): BoardRow[] {
  const late = new Set(overdue.map((b) => b.id))
  const byWait = (a: Booking, b: Booking) => Date.parse(a.createdAt) - Date.parse(b.createdAt)
  const overdueCalls = [...overdue].sort(byWait)
  const waiting = unassigned.filter((b) => !late.has(b.id)).sort(byWait)
  return [...overdueCalls.map((call) => ({ call, overdue: true })), ...waiting.map((call) => ({ call, overdue: false }))]
}
