import type { Schemas } from '@yiyang/api-client'

/** The console's names for the report, audit and trace records (generated schemas, never hand-typed). */
export type MealsServed = Schemas['MealsServed']
export type BudgetBurn = Schemas['BudgetBurn.Burn']
export type BookingsByService = Schemas['BookingReports.BookingsByService']
export type EmergencyResponse = Schemas['BookingReports.EmergencyResponse']
export type EmergencyDay = Schemas['BookingReports.EmergencyDay']
export type PointsPerDay = Schemas['PointsPerDay']
export type UsageReport = Schemas['UsageReport']
export type TransferTrace = Schemas['ReportService.Trace']
export type TransferView = Schemas['TransferView']
export type AccountView = Schemas['funds.AccountService.AccountView']
export type TracedItem = Schemas['SettlementTraces.TracedItem']
export type BookingStatusName = Schemas['BookingStatus']
