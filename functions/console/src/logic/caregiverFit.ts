import type { Booking, Caregiver, CareService } from '../api/types'

/**
 * Which of the provider's caregivers can take a booking, as far as the desk can tell from what it has read: the
 * caregiver's hours, a certificate where the service needs one, and the visits already assigned to them. The API
 * decides (CAREGIVER_OFF_DUTY, CAREGIVER_NOT_CERTIFIED, CAREGIVER_BUSY); this only says so before the click.
 */
export interface CaregiverFit {
  caregiver: Caregiver
  fits: boolean
  /** Plain Chinese: why not, or empty. */
  note: string
}

const MINUTES_PER_HOUR = 60

/** Minutes after midnight of a county wall-clock time, HH:MM or HH:MM:SS, or of an ISO date-time in the county's offset. */
function minuteOfDay(time: string): number {
  const hhmm = time.length > 8 ? time.slice(11, 16) : time.slice(0, 5)
  const [h, m] = hhmm.split(':').map(Number)
  return h * MINUTES_PER_HOUR + m
}

function span(b: Booking): [day: string, from: number, to: number] {
  const from = minuteOfDay(b.startsAt)
  return [b.startsAt.slice(0, 10), from, from + b.durationMinutes]
}

export function caregiverFit(caregiver: Caregiver, booking: Booking, service: CareService | undefined, assigned: Booking[]): CaregiverFit {
  const [day, from, to] = span(booking)
  if (from < minuteOfDay(caregiver.worksFrom) || to > minuteOfDay(caregiver.worksUntil)) {
    return { caregiver, fits: false, note: `不在工作时间（${caregiver.worksFrom.slice(0, 5)}–${caregiver.worksUntil.slice(0, 5)}）` }
  }
  if (service?.certifiedRequired && !caregiver.certified) {
    return { caregiver, fits: false, note: '这项服务需要持证护理员' }
  }
  const clash = assigned.find((other) => {
    if (other.id === booking.id || other.caregiverId !== caregiver.id) return false
    const [otherDay, otherFrom, otherTo] = span(other)
    return otherDay === day && otherFrom < to && from < otherTo
  })
  if (clash) return { caregiver, fits: false, note: `此时已有上门（${clash.startsAt.slice(11, 16)} 开始）` }
  return { caregiver, fits: true, note: '' }
}

/** The caregivers for a booking, those who can take it first, in the order the API lists them otherwise. */
export function caregiversFor(caregivers: Caregiver[], booking: Booking, service: CareService | undefined, assigned: Booking[]): CaregiverFit[] {
  const fits = caregivers.map((c) => caregiverFit(c, booking, service, assigned))
  return [...fits.filter((f) => f.fits), ...fits.filter((f) => !f.fits)]
}

/** Each caregiver's assigned visits, by start, for the caregivers' days. */
export function visitsByCaregiver(bookings: Booking[]): Map<string, Booking[]> {
  const days = new Map<string, Booking[]>()
  for (const b of [...bookings].sort((x, y) => x.startsAt.localeCompare(y.startsAt))) {
    if (!b.caregiverId || b.status !== 'ASSIGNED') continue
    days.set(b.caregiverId, [...(days.get(b.caregiverId) ?? []), b])
  }
  return days
}
