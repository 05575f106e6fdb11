/** The county's calendar (Asia/Shanghai, no daylight saving), whatever the browser's own time zone. */
export const COUNTY_TIME_ZONE = 'Asia/Shanghai'
export const COUNTY_OFFSET = '+08:00'
const DAY_MS = 86_400_000

const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: COUNTY_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit',
})

/** YYYY-MM-DD in the county, plusDays after now. */
export function countyDate(now: Date = new Date(), plusDays = 0): string {
  return dayFormat.format(new Date(now.getTime() + plusDays * DAY_MS))
}

export function monthOf(date: string): string {
  return date.slice(0, 7)
}

/** A county wall-clock time as the API takes it: 2026-12-02T10:00:00+08:00. */
export function countyDateTime(date: string, hour: number, minute = 0): string {
  return `${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00${COUNTY_OFFSET}`
}

/** ISO week key (year and week) of a date, for the weekly subsidy cap. */
export function isoWeek(date: string): string {
  const [y, m, d] = date.split('-').map(Number)
  const day = new Date(Date.UTC(y, m - 1, d))
  const weekday = day.getUTCDay() || 7
  day.setUTCDate(day.getUTCDate() + 4 - weekday)
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1)
  const week = Math.ceil(((day.getTime() - yearStart) / DAY_MS + 1) / 7)
  return `${day.getUTCFullYear()}-W${week}`
}

export function timeOf(iso: string): string {
  return iso.slice(11, 16)
}

/** The county's wall-clock time minutes from now, to the minute, as the API takes it. */
export function countyTimeFromNow(minutes: number, now: Date = new Date()): string {
  const shifted = new Date(now.getTime() + minutes * 60_000 + 8 * 3_600_000)
  return `${shifted.toISOString().slice(0, 16)}:00${COUNTY_OFFSET}`
}

const clockFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: COUNTY_TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
})

/** The county's wall-clock time now, HH:MM. */
export function countyClock(now: Date = new Date()): string {
  return clockFormat.format(now)
}
