import type { ChartOption } from '../charts/echarts'
import type { Plot } from './reportSeries'

/** Large plain type, as on the rest of the console. */
const FONT_SIZE_PX = 14

function axes(plot: Plot, unit: string) {
  return {
    grid: { left: 8, right: 16, top: 48, bottom: 8, containLabel: true },
    legend: { type: 'scroll' as const, top: 0, textStyle: { fontSize: FONT_SIZE_PX } },
    tooltip: { trigger: 'axis' as const },
    xAxis: { type: 'category' as const, data: plot.x, axisLabel: { fontSize: FONT_SIZE_PX } },
    yAxis: { type: 'value' as const, name: unit, minInterval: 1, axisLabel: { fontSize: FONT_SIZE_PX } },
  }
}

/** Bars per series; stacked when the series are parts of one whole (statuses, functions). */
export function barOption(plot: Plot, unit: string, stacked = false): ChartOption {
  return {
    ...axes(plot, unit),
    series: plot.series.map((s) => ({
      type: 'bar' as const, name: s.name, data: s.values, ...(stacked ? { stack: 'total' } : {}),
    })),
  }
}

/** A line per series over days; a missing value is a gap in its line. */
export function lineOption(plot: Plot, unit: string): ChartOption {
  return {
    ...axes(plot, unit),
    xAxis: { type: 'category', data: plot.x.map((d) => d.slice(5)), axisLabel: { fontSize: FONT_SIZE_PX } },
    series: plot.series.map((s) => ({ type: 'line' as const, name: s.name, data: s.values, connectNulls: false, symbolSize: 6 })),
  }
}
