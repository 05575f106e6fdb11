import type {
  BookingsByService, BookingStatusName, BudgetBurn, EmergencyResponse, MealsServed, PointsPerDay, UsageReport,
} from '../api/reportTypes'

/**
 * The dashboard's plots built from the report routes' rows: one x axis of every day (or category) of the
 * range, series in a stable order, and a day without a row a zero (a count) or a gap (a time). The same
 * numbers fill the data table beside each plot.
 */
export interface Series {
  id: string
  name: string
  values: (number | null)[]
}

export interface Plot {
  x: string[]
  series: Series[]
}

/** A report spans at most this many days (the routes' own limits are lower). */
export const RANGE_DAYS_MAX = 400
const DAY_MS = 86_400_000

/** Every calendar date from `from` to `to`, both included (YYYY-MM-DD, no time zone involved). */
export function datesBetween(from: string, to: string): string[] {
  const first = Date.parse(`${from}T00:00:00Z`)
  const last = Date.parse(`${to}T00:00:00Z`)
  const dates: string[] = []
  for (let t = first; t <= last && dates.length < RANGE_DAYS_MAX; t += DAY_MS) {
    dates.push(new Date(t).toISOString().slice(0, 10))
  }
  return dates
}

/** The last day of a month YYYY-MM. */
export function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number)
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10)
}

const byName = (a: { name: string; id: string }, b: { name: string; id: string }) =>
  a.name.localeCompare(b.name, 'zh-CN') || a.id.localeCompare(b.id)

/** Meals that ended per point and day: dine-in served plus delivered, one series per meal point. */
export function mealsPerDay(report: MealsServed): Plot {
  const x = datesBetween(report.from, report.to)
  const column = new Map(report.dates.map((d, i) => [d, i]))
  const series = report.points.map((p) => ({
    id: p.mealPointId,
    name: p.name,
    values: x.map((d) => {
      const i = column.get(d)
      return i === undefined ? 0 : (p.served[i] ?? 0) + (p.delivered[i] ?? 0)
    }),
  }))
  return { x, series: series.sort(byName) }
}

/** The county's booking statuses in the order of a booking's life. */
export const BOOKING_STATUSES: BookingStatusName[] =
  ['REQUESTED', 'ASSIGNED', 'IN_SERVICE', 'COMPLETED', 'RATED', 'CANCELLED', 'NO_SHOW']
export const BOOKING_STATUS_NAMES: Record<BookingStatusName, string> = {
  REQUESTED: '待派单', ASSIGNED: '已派单', IN_SERVICE: '服务中', COMPLETED: '已完成', RATED: '已评价',
  CANCELLED: '已取消', NO_SHOW: '未上门',
}

/** x: the services (by name); one series per status that occurs, in the life order; a missing pair is zero. */
export function bookingsPerService(report: BookingsByService, serviceNames: Record<string, string>): Plot {
  const services = [...new Set(report.items.map((i) => i.serviceCode))]
    .map((code) => ({ id: code, name: serviceNames[code] ?? code }))
    .sort(byName)
  const count = new Map(report.items.map((i) => [`${i.serviceCode} ${i.status}`, i.bookings]))
  const statuses = BOOKING_STATUSES.filter((s) => report.items.some((i) => i.status === s))
  return {
    x: services.map((s) => s.name),
    series: statuses.map((s) => ({
      id: s, name: BOOKING_STATUS_NAMES[s], values: services.map((svc) => count.get(`${svc.id} ${s}`) ?? 0),
    })),
  }
}

export const RESPONSE_SERIES = [
  { id: 'assignMinutesMedian', name: '派单 中位数' },
  { id: 'assignMinutesP90', name: '派单 90%' },
  { id: 'checkInMinutesMedian', name: '上门 中位数' },
  { id: 'checkInMinutesP90', name: '上门 90%' },
] as const

/** Minutes from the call to assignment and to check-in per day; a day without 助急 calls is a gap, not a zero. */
export function emergencyResponse(report: EmergencyResponse): Plot {
  const x = datesBetween(report.from, report.to)
  const day = new Map(report.days.map((d) => [d.date, d]))
  return {
    x,
    series: RESPONSE_SERIES.map((s) => ({ id: s.id, name: s.name, values: x.map((d) => day.get(d)?.[s.id] ?? null) })),
  }
}

export const POINTS_SERIES = [
  { id: 'earned', name: '获得' },
  { id: 'spent', name: '兑换' },
  { id: 'refunded', name: '退回' },
] as const

/** Time-bank points per day: earned, spent, refunded, in that order; a day without a row is zeros. */
export function pointsPerDay(report: PointsPerDay): Plot {
  const x = datesBetween(report.from, report.to)
  const day = new Map(report.days.map((d) => [d.date, d]))
  return {
    x,
    series: POINTS_SERIES.map((s) => ({ id: s.id, name: s.name, values: x.map((d) => day.get(d)?.[s.id] ?? 0) })),
  }
}

/** The functions the county is billed for, by the names staff know them by. */
export const FUNCTION_NAMES: Record<string, string> = {
  residents: '居民档案', 'meal-orders': '老年助餐', 'service-bookings': '居家服务', 'time-bank': '时间银行',
  'fund-lines': '资金监管', identity: '登录认证',
}

/** Calls per function for every day of the month (zeros where a function had none), functions by name. */
export function usagePerDay(report: UsageReport): Plot {
  const x = datesBetween(`${report.month}-01`, monthEnd(report.month))
  const functions = new Set(Object.keys(report.callsByFunction))
  report.callsByDay.forEach((d) => Object.keys(d.callsByFunction).forEach((f) => functions.add(f)))
  const day = new Map(report.callsByDay.map((d) => [d.day, d.callsByFunction]))
  const series = [...functions].map((f) => ({
    id: f, name: FUNCTION_NAMES[f] ?? f, values: x.map((d) => day.get(d)?.[f] ?? 0),
  }))
  return { x, series: series.sort(byName) }
}

/** Each fund line with a budget or a payment this year: the budget and what it paid, in yuan for the axis. */
export function burnPerLine(report: BudgetBurn): Plot {
  const lines = report.items.filter((l) => l.budgetFen !== 0 || l.spentFen !== 0)
  return {
    x: lines.map((l) => l.name),
    series: [
      { id: 'budget', name: '预算', values: lines.map((l) => l.budgetFen / 100) },
      { id: 'spent', name: '已支出', values: lines.map((l) => l.spentFen / 100) },
    ],
  }
}

/** Spent as a share of the budget, one decimal: "12.5%"; no budget, "—". */
export function burnShare(spentFen: number, budgetFen: number): string {
  if (budgetFen <= 0) return '—'
  return `${(Math.round((spentFen * 1000) / budgetFen) / 10).toFixed(1)}%`
}

/** Whether a plot has nothing to show: no series, or every value zero or missing. */
export function isEmptyPlot(plot: Plot): boolean {
  return plot.x.length === 0 || plot.series.every((s) => s.values.every((v) => v === null || v === 0))
}

/** Table rows of a plot: one row per x, a column per series id. */
export function tableRows(plot: Plot): Record<string, string | number | null>[] {
  return plot.x.map((x, i) => Object.fromEntries([['x', x], ...plot.series.map((s) => [s.id, s.values[i]])]))
}
