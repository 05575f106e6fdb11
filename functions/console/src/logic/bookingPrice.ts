import type { CareService } from '../api/types'

export const PERCENT_MAX = 100

export interface BookingQuote {
  priceFen: number
  subsidyFen: number
  payFen: number
  subsidyPercent: number
}

/** The largest share any of the resident's categories earns ("TEKUN:100,SHINENG:80"), as the catalog stores it. */
export function subsidyPercentFor(shares: string | null, categories: string[]): number {
  if (!shares) return 0
  let best = 0
  for (const entry of shares.split(',')) {
    const [category, percent] = entry.split(':')
    if (categories.includes(category)) best = Math.max(best, Number(percent))
  }
  return best
}

/** The service-bookings function's Price.of: the subsidy is the share of the price, rounded down to the fen. */
export function quoteBooking(service: CareService, categories: string[]): BookingQuote {
  const subsidyPercent = subsidyPercentFor(service.subsidyPercent, categories)
  const subsidyFen = Math.floor((service.priceFen * subsidyPercent) / PERCENT_MAX)
  return { priceFen: service.priceFen, subsidyFen, payFen: service.priceFen - subsidyFen, subsidyPercent }
}
