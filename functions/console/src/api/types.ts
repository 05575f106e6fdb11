/**
 * The answers and bodies of the routes the console calls, written by hand from the functions'
 * records until the client generated from the OpenAPI document lands (then this file goes).
 * Money is integer fen; dates YYYY-MM-DD; times ISO-8601 with offset.
 */
export interface Page<T> {
  items: T[]
}

export interface TokenPair {
  tokenType: string
  accessToken: string
  accessTokenExpiresAt: string
  refreshToken: string
  refreshTokenExpiresAt: string
}

export interface StaffSignIn {
  county: string
  phone: string
  password: string
  totpCode?: string
}

export interface Address {
  streetCode: string
  communityCode?: string
  line?: string
}

export interface Resident {
  id: string
  name: string
  idNumberMasked: string
  birthYear: number
  sex: string
  age: number
  phoneMasked: string
  address: Address
  categories: string[]
  categoryLabels: string[]
  disabilityLevel?: string
  abilityLevel?: number
  emergencyContact?: { name: string; relation: string; phoneMasked: string }
  status: string
}

export type Slot = 'LUNCH' | 'DINNER'
export type Mode = 'DINE_IN' | 'DELIVERY'

export interface SlotRule {
  cutoff: string
  endsAt: string
  dineInSeats: number
  deliverySeats: number
}

export interface MealPoint {
  id: string
  name: string
  address: string
  streetCode: string
  operatorName: string
  openDays: string[]
  slots: Partial<Record<Slot, SlotRule>>
}

export interface Dish {
  code: string
  name: string
  priceFen: number
}

export interface Menu {
  mealPointId: string
  date: string
  dishes: Dish[]
}

export interface AgeBand {
  fromAge: number
  toAge?: number | null
  subsidyFen: number
}

export interface SubsidyPolicy {
  version: number
  ageBands: AgeBand[]
  categorySubsidyFen: Record<string, number>
  freeCategories: string[]
  weeklyMealsMax?: number | null
  monthlyMealsMax?: number | null
}

export interface OrderItem {
  dishCode: string
  quantity: number
}

export interface PlaceMealOrder {
  residentId: string
  mealPointId: string
  date: string
  slot: Slot
  mode: Mode
  deliveryAddress?: string
  items: OrderItem[]
}

export type MealOrderStatus = 'PLACED' | 'CANCELLED' | 'SERVED' | 'DELIVERED' | 'NO_SHOW'

export interface MealOrderLine {
  dishCode: string
  dishName: string
  quantity: number
  unitPriceFen: number
  amountFen: number
}

export interface MealOrder {
  id: string
  residentId: string
  residentName: string
  mealPointId: string
  date: string
  slot: Slot
  mode: Mode
  deliveryAddress?: string
  items: MealOrderLine[]
  priceFen: number
  subsidyFen: number
  payFen: number
  confirmationCode: string
  status: MealOrderStatus
  placedAt: string
}

export interface KitchenDelivery {
  orderId: string
  confirmationCode: string
  residentName: string
  phoneMasked: string
  address: string
  items: MealOrderLine[]
  status: MealOrderStatus
}

export interface KitchenSlotDay {
  portionsByDish: Record<string, number>
  ordered: number
  cancelled: number
  served: number
  delivered: number
  noShows: number
  deliveries: KitchenDelivery[]
}

export interface KitchenDay {
  mealPointId: string
  date: string
  slots: Partial<Record<Slot, KitchenSlotDay>>
  totals: { priceFen: number; subsidyFen: number; payFen: number; servedMeals: number; noShows: number }
}

export interface CareService {
  code: string
  name: string
  durationMinutes: number
  priceFen: number
  certifiedRequired: boolean
  emergency: boolean
  subsidyPercent: string | null
}

export interface BookService {
  residentId: string
  serviceCode: string
  startsAt: string
  address?: string
}

export type BookingStatus = 'REQUESTED' | 'ASSIGNED' | 'IN_SERVICE' | 'COMPLETED' | 'RATED' | 'CANCELLED' | 'NO_SHOW'

export interface Booking {
  id: string
  residentId: string
  serviceCode: string
  startsAt: string
  durationMinutes: number
  address: string
  priceFen: number
  subsidyFen: number
  payFen: number
  emergency: boolean
  status: BookingStatus
  confirmationCode: string
  createdAt: string
}

export interface AuditBreak {
  kind: string
  seq: number | null
  subjectId: string | null
  detail: string
}

export interface AuditVerification {
  valid: boolean
  entriesChecked: number
  transfersChecked: number
  resolutionsChecked: number
  settlementsChecked: number
  accountsChecked: number
  batchesChecked: number
  headHash: string | null
  firstBreak: AuditBreak | null
}
