import type { Schemas } from '@yiyang/api-client'

/**
 * The console's names for the API's records: every one is the generated schema of the API document
 * (functions/api-client), never a hand-written copy. Money is integer fen; dates YYYY-MM-DD.
 */
export type TokenPair = Schemas['TokenPair']
export type StaffSignIn = Schemas['StaffRequests.SignInInput']
export type Resident = Schemas['ResidentView']
export type MealPoint = Schemas['MealPoint']
export type MenuDay = Schemas['MenuDay']
export type SlotSeats = Schemas['MenuDay.SlotSeats']
export type MealQuote = Schemas['MealQuote']
export type PlaceMealOrder = Schemas['OrderRequests.PlaceInput']
export type MealOrder = Schemas['MealOrder']
export type KitchenDay = Schemas['KitchenDay']
export type CareService = Schemas['CatalogService.Catalog']['items'][number]
export type BookService = Schemas['BookingRequests.BookInput']
export type Booking = Schemas['BookingView']
export type AuditVerification = Schemas['AuditVerifier.Verification']
export type Slot = MealOrder['slot']
export type Mode = MealOrder['mode']
export type Dish = MenuDay['dishes'][number]
export type MealOrderLine = MealOrder['items'][number]
export type KitchenDelivery = Schemas['KitchenDay.Delivery']
export type KitchenDineIn = Schemas['KitchenDay.DineIn']
export type MealOrderStatus = MealOrder['status']
export type BookingStatus = Booking['status']
export type OrderItem = Required<NonNullable<PlaceMealOrder['items']>[number]>
export type Caregiver = Schemas['ProviderService.CaregiverView']
export type AssignCaregiver = Schemas['BookingRequests.AssignInput']
export type BookingHour = Schemas['BookingTimes.Day']['hours'][number]
export type BookingPrice = Schemas['Price']
export type CareHomeCaregiver = Schemas['CaregiverViews.CaregiverView']
export type Certificate = Schemas['CaregiverViews.CertificateView']
export type NewCertificate = Schemas['CaregiverRequests.NewCertificateInput']
export type NewCareHomeCaregiver = Schemas['CaregiverRequests.NewCaregiverInput']
