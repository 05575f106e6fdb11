import type { ApiClient } from '@yiyang/api-client'
import type { CallerQuery } from '../logic/callerLookup'
import { answer } from './client'
import type { BookService, Mode, NewCareHomeCaregiver, NewCertificate, PlaceMealOrder, Slot, StaffSignIn } from './types'

/** The quote's question: the order about to be placed, its dishes as `A1:2,B2`. */
export interface MealQuoteQuery {
  residentId: string
  mealPointId: string
  date: string
  slot: Slot
  mode: Mode
  dishes: string
}

/**
 * The routes the console calls, each one call of the generated client (paths, parameters, bodies and
 * answers checked by the compiler against the API document). `open` carries no token (sign-in, refresh,
 * sign-out); `staff` carries the session's. An Idempotency-Key comes from the intent that sends it.
 */
export function createApi(staff: ApiClient, open: ApiClient) {
  const key = (idempotencyKey: string) => ({ 'Idempotency-Key': idempotencyKey })
  return {
    signIn: (body: StaffSignIn) => answer(open.POST('/v1/auth/staff/sign-in', { body })),
    refresh: (refreshToken: string) => answer(open.POST('/v1/auth/refresh', { body: { refreshToken } })),
    signOut: (refreshToken: string) => answer(open.POST('/v1/auth/sign-out', { body: { refreshToken } })),

    /** One way to find the caller (callerLookup.ts reads what was typed); the registry normalises +86, spaces, full-width digits. */
    lookUpResidents: (query: CallerQuery) => answer(staff.GET('/v1/residents', { params: { query } })),
    getResident: (id: string) => answer(staff.GET('/v1/residents/{id}', { params: { path: { id } } })),

    listMealPoints: () => answer(staff.GET('/v1/meal-points')),
    getMenu: (id: string, date: string) =>
      answer(staff.GET('/v1/meal-points/{id}/menus/{date}', { params: { path: { id, date } } })),
    /** What placing this order now would charge, priced by the code that charges it; refused as placing would be. */
    quoteMeal: (q: MealQuoteQuery) => answer(staff.GET('/v1/meal-quotes', { params: { query: q } })),
    listMealOrders: (residentId: string, month: string) =>
      answer(staff.GET('/v1/meal-orders', { params: { query: { residentId, month } } })),
    placeMealOrder: (body: PlaceMealOrder, idempotencyKey: string) =>
      answer(staff.POST('/v1/meal-orders', { body, params: { header: key(idempotencyKey) } })),
    cancelMealOrder: (id: string, idempotencyKey: string) =>
      answer(staff.POST('/v1/meal-orders/{id}/cancel', { params: { path: { id }, header: key(idempotencyKey) } })),
    kitchenDay: (id: string, date: string) =>
      answer(staff.GET('/v1/meal-points/{id}/days/{date}', { params: { path: { id, date } } })),
    serveMealOrder: (id: string, idempotencyKey: string) =>
      answer(staff.POST('/v1/meal-orders/{id}/serve', { params: { path: { id }, header: key(idempotencyKey) } })),
    markMealNoShow: (id: string, idempotencyKey: string) =>
      answer(staff.POST('/v1/meal-orders/{id}/no-show', { params: { path: { id }, header: key(idempotencyKey) } })),

    listServices: () => answer(staff.GET('/v1/services')),
    /** The hours the service is offered at on the date for the resident, each with its places left. */
    bookingTimes: (residentId: string, serviceCode: string, date: string) =>
      answer(staff.GET('/v1/booking-times', { params: { query: { residentId, serviceCode, date } } })),
    listBookings: (residentId: string) => answer(staff.GET('/v1/bookings', { params: { query: { residentId } } })),
    book: (body: BookService, idempotencyKey: string) =>
      answer(staff.POST('/v1/bookings', { body, params: { header: key(idempotencyKey) } })),
    cancelBooking: (id: string, idempotencyKey: string) =>
      answer(staff.POST('/v1/bookings/{id}/cancel', { params: { path: { id }, header: key(idempotencyKey) } })),
    overdueEmergencies: () => answer(staff.GET('/v1/bookings/overdue')),
    /** Every 助急 call not yet assigned, the longest wait first (so the overdue ones lead). */
    unassignedEmergencies: () => answer(staff.GET('/v1/bookings/overdue', { params: { query: { all: true } } })),

    // The provider desk: its open bookings (to assign first), its caregivers, assigning one.
    providerBookings: (id: string) => answer(staff.GET('/v1/providers/{id}/bookings', { params: { path: { id } } })),
    providerCaregivers: (id: string) => answer(staff.GET('/v1/providers/{id}/caregivers', { params: { path: { id } } })),
    assignCaregiver: (id: string, caregiverId: string, idempotencyKey: string) =>
      answer(staff.POST('/v1/bookings/{id}/assign', { body: { caregiverId }, params: { path: { id }, header: key(idempotencyKey) } })),

    verifyAuditTrail: () => answer(staff.GET('/v1/audit/verify')),

    // 岗位津贴: the care homes' caregivers and their certificates (officers record and withdraw, auditors read).
    listCareHomeCaregivers: (afterId?: string) =>
      answer(staff.GET('/v1/care-home-caregivers', { params: { query: afterId ? { afterId } : {} } })),
    registerCareHomeCaregiver: (body: NewCareHomeCaregiver, idempotencyKey: string) =>
      answer(staff.POST('/v1/care-home-caregivers', { body, params: { header: key(idempotencyKey) } })),
    caregiverCertificates: (id: string) =>
      answer(staff.GET('/v1/care-home-caregivers/{id}/certificates', { params: { path: { id } } })),
    recordCertificate: (id: string, body: NewCertificate, idempotencyKey: string) =>
      answer(staff.POST('/v1/care-home-caregivers/{id}/certificates', { body, params: { path: { id }, header: key(idempotencyKey) } })),
    withdrawCertificate: (id: string, reason: string, idempotencyKey: string) =>
      answer(staff.POST('/v1/caregiver-certificates/{id}/withdraw', { body: { reason }, params: { path: { id }, header: key(idempotencyKey) } })),
  }
}

export type Api = ReturnType<typeof createApi>
