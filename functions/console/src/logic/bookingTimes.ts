import type { BookingHour } from '../api/types'

/** Why an hour cannot be booked, in plain Chinese, by the code booking it would be refused with. */
const REFUSAL_NOTES: Record<string, string> = {
  BOOKING_NO_CAPACITY: '已约满',
  BOOKING_TOO_SOON: '需提前预约',
  BOOKING_IN_THE_PAST: '已过',
}

/** One hour as the booking form offers it: bookable with its places left, or not, with why. */
export function hourChoice(h: BookingHour): { bookable: boolean; note: string } {
  if (h.refusal) return { bookable: false, note: REFUSAL_NOTES[h.refusal] ?? '不可预约' }
  return { bookable: true, note: `剩 ${h.placesLeft} 个` }
}
