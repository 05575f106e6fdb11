import { describe, expect, it } from 'vitest'
import {
  bookingsPerService, burnPerLine, burnShare, datesBetween, emergencyResponse, isEmptyPlot, mealsPerDay, pointsPerDay,
  tableRows, usagePerDay,
} from '../src/logic/reportSeries'
import type { MealsServed, UsageReport } from '../src/api/reportTypes'

const pointSeries = (mealPointId: string, name: string, served: number[], delivered: number[]) =>
  ({ mealPointId, name, served, delivered, noShows: served.map(() => 0) })

describe('the dashboard series built from report rows', () => {
  it('counts a day of the range the report has no column for as zero meals, and adds served to delivered', () => {
    const report: MealsServed = {
      from: '2026-11-29', to: '2026-12-02', dates: ['2026-11-29', '2026-12-01', '2026-12-02'],
      points: [pointSeries('p1', '文三路助餐点', [2, 0, 1], [1, 3, 0])],
      totals: { served: 3, delivered: 4, noShows: 0 },
    }
    const plot = mealsPerDay(report)
    expect(plot.x).toEqual(['2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02'])
    expect(plot.series[0].values).toEqual([3, 0, 3, 1])
  })

  it('lists meal points in one stable order (by name, then id), whatever order the API answers in', () => {
    const points = [pointSeries('p9', '古荡助餐点', [1], [0]), pointSeries('p2', '北山助餐点', [2], [0]),
      pointSeries('p1', '北山助餐点', [3], [0])]
    const report = (order: typeof points): MealsServed => ({
      from: '2026-12-02', to: '2026-12-02', dates: ['2026-12-02'], points: order,
      totals: { served: 6, delivered: 0, noShows: 0 },
    })
    const ids = (r: MealsServed) => mealsPerDay(r).series.map((s) => s.id)
    expect(ids(report(points))).toEqual(['p1', 'p2', 'p9'])
    expect(ids(report([...points].reverse()))).toEqual(['p1', 'p2', 'p9'])
  })

  it('fills every day of the month with each function\'s calls, zero on days without any', () => {
    const report: UsageReport = {
      county: '330105', month: '2026-02', totalCalls: 7,
      callsByFunction: { 'meal-orders': 5, residents: 2 },
      callsByDay: [{ day: '2026-02-03', callsByFunction: { 'meal-orders': 5 } }, { day: '2026-02-28', callsByFunction: { residents: 2 } }],
      days: [],
    }
    const plot = usagePerDay(report)
    expect(plot.x).toHaveLength(28)
    const meals = plot.series.find((s) => s.id === 'meal-orders')!
    expect(meals.name).toBe('老年助餐')
    expect(meals.values.reduce<number>((a, v) => a + (v ?? 0), 0)).toBe(5)
    expect(meals.values[2]).toBe(5)
    expect(meals.values[27]).toBe(0)
    expect(plot.series.find((s) => s.id === 'residents')!.values[27]).toBe(2)
  })

  it('stacks bookings per service with every status that occurs, in the order of a booking\'s life, zero where a pair is missing', () => {
    const plot = bookingsPerService({
      from: '2026-11-03', to: '2026-12-02', items: [
        { serviceCode: 'CLEAN', status: 'COMPLETED', bookings: 4 },
        { serviceCode: 'BATH', status: 'CANCELLED', bookings: 1 },
        { serviceCode: 'BATH', status: 'REQUESTED', bookings: 2 },
      ],
    }, { BATH: '助浴', CLEAN: '助洁' })
    expect(plot.x).toEqual(['助洁', '助浴']) // by pinyin: zhù jié, zhù yù
    expect(plot.series.map((s) => s.name)).toEqual(['待派单', '已完成', '已取消'])
    expect(plot.series.map((s) => s.values)).toEqual([[0, 2], [4, 0], [0, 1]])
  })

  it('leaves a gap, not a zero, in the 助急 response times of a day without calls', () => {
    const plot = emergencyResponse({
      from: '2026-12-01', to: '2026-12-02', days: [
        { date: '2026-12-02', created: 2, assigned: 2, assignMinutesMedian: 7, assignMinutesP90: 12, checkedIn: 1, checkInMinutesMedian: 25, checkInMinutesP90: 25 },
      ],
    })
    expect(plot.series.map((s) => s.values)).toEqual([[null, 7], [null, 12], [null, 25], [null, 25]])
  })

  it('gives points earned, spent and refunded for every day, zeros on a day without a row', () => {
    const plot = pointsPerDay({
      from: '2026-12-01', to: '2026-12-03', days: [{ date: '2026-12-02', earned: 90, spent: 30, refunded: 0 }],
      months: [], totals: { earned: 90, spent: 30, refunded: 0 },
    })
    expect(plot.series.map((s) => s.id)).toEqual(['earned', 'spent', 'refunded'])
    expect(plot.series.map((s) => s.values)).toEqual([[0, 90, 0], [0, 30, 0], [0, 0, 0]])
    expect(tableRows(plot)[1]).toEqual({ x: '2026-12-02', earned: 90, spent: 30, refunded: 0 })
  })

  it('shows the fund lines with a budget or a payment, in yuan, and the share spent', () => {
    const months = [] as never[]
    const plot = burnPerLine({
      fiscalYear: 2026, items: [
        { fundLine: 'MEAL_SUBSIDY', name: '助餐补贴', budgetFen: 5_000_000, spentFen: 1_250, months },
        { fundLine: 'PROJECT_GRANT', name: '项目补助', budgetFen: 0, spentFen: 0, months },
      ],
    })
    expect(plot.x).toEqual(['助餐补贴'])
    expect(plot.series.map((s) => s.values)).toEqual([[50_000], [12.5]])
    expect(burnShare(1_250, 5_000_000)).toBe('0.0%')
    expect(burnShare(1_250_000, 5_000_000)).toBe('25.0%')
    expect(burnShare(5, 0)).toBe('—')
  })

  it('calls a plot of only zeros empty, and spans a range across a month end', () => {
    expect(isEmptyPlot({ x: ['2026-12-01'], series: [{ id: 'a', name: 'a', values: [0] }] })).toBe(true)
    expect(isEmptyPlot({ x: ['2026-12-01'], series: [{ id: 'a', name: 'a', values: [null] }] })).toBe(true)
    expect(isEmptyPlot({ x: ['2026-12-01'], series: [{ id: 'a', name: 'a', values: [1] }] })).toBe(false)
    expect(datesBetween('2026-02-27', '2026-03-02')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02'])
  })
})
