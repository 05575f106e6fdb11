import type { Transport } from './http'
import type {
  AuditVerification, Booking, BookService, CareService, KitchenDay, MealOrder, MealPoint, Menu, Page, PlaceMealOrder, Resident,
  StaffSignIn, SubsidyPolicy, TokenPair,
} from './types'

/** Every route the console calls, typed: the one file to replace with the generated OpenAPI client. */
export function createApi(t: Transport) {
  const seg = encodeURIComponent
  return {
    signIn: (body: StaffSignIn) =>
      t.send<TokenPair>({ method: 'POST', path: '/v1/auth/staff/sign-in', body, anonymous: true }),
    refresh: (refreshToken: string) =>
      t.send<TokenPair>({ method: 'POST', path: '/v1/auth/refresh', body: { refreshToken }, anonymous: true }),
    signOut: (refreshToken: string) =>
      t.send<{ signedOut: boolean }>({ method: 'POST', path: '/v1/auth/sign-out', body: { refreshToken }, anonymous: true }),

    /** What the caller typed goes to the look-up as is: the registry normalises +86, spaces, full-width digits. */
    lookUpResidents: (typed: string) =>
      t.send<Page<Resident>>({ method: 'GET', path: '/v1/residents', query: { phone: typed } }),
    getResident: (id: string) => t.send<Resident>({ method: 'GET', path: `/v1/residents/${seg(id)}` }),

    listMealPoints: () => t.send<Page<MealPoint>>({ method: 'GET', path: '/v1/meal-points' }),
    getMenu: (pointId: string, date: string) =>
      t.send<Menu>({ method: 'GET', path: `/v1/meal-points/${seg(pointId)}/menus/${seg(date)}` }),
    currentMealPolicy: () => t.send<SubsidyPolicy>({ method: 'GET', path: '/v1/meal-policies/current' }),
    listMealOrders: (residentId: string, month: string) =>
      t.send<Page<MealOrder>>({ method: 'GET', path: '/v1/meal-orders', query: { residentId, month } }),
    placeMealOrder: (body: PlaceMealOrder, idempotencyKey: string) =>
      t.send<MealOrder>({ method: 'POST', path: '/v1/meal-orders', body, idempotencyKey }),
    cancelMealOrder: (id: string, idempotencyKey: string) =>
      t.send<MealOrder>({ method: 'POST', path: `/v1/meal-orders/${seg(id)}/cancel`, body: {}, idempotencyKey }),
    kitchenDay: (pointId: string, date: string) =>
      t.send<KitchenDay>({ method: 'GET', path: `/v1/meal-points/${seg(pointId)}/days/${seg(date)}` }),
    serveMealOrder: (id: string, idempotencyKey: string) =>
      t.send<MealOrder>({ method: 'POST', path: `/v1/meal-orders/${seg(id)}/serve`, body: {}, idempotencyKey }),
    markMealNoShow: (id: string, idempotencyKey: string) =>
      t.send<MealOrder>({ method: 'POST', path: `/v1/meal-orders/${seg(id)}/no-show`, body: {}, idempotencyKey }),

    listServices: () => t.send<Page<CareService>>({ method: 'GET', path: '/v1/services' }),
    listBookings: (residentId: string) =>
      t.send<Page<Booking>>({ method: 'GET', path: '/v1/bookings', query: { residentId } }),
    book: (body: BookService, idempotencyKey: string) =>
      t.send<Booking>({ method: 'POST', path: '/v1/bookings', body, idempotencyKey }),
    cancelBooking: (id: string, idempotencyKey: string) =>
      t.send<Booking>({ method: 'POST', path: `/v1/bookings/${seg(id)}/cancel`, body: {}, idempotencyKey }),
    overdueEmergencies: () => t.send<Page<Booking>>({ method: 'GET', path: '/v1/bookings/overdue' }),

    verifyAuditTrail: () => t.send<AuditVerification>({ method: 'GET', path: '/v1/audit/verify' }),
  }
}

export type Api = ReturnType<typeof createApi>
