import type { ApiClient } from '@yiyang/api-client'
import { answer } from './client'
import { problemFrom } from './problem'

/** One page of the transfers export: a CSV file of its own (with its header row), and where the next starts. */
export interface CsvPage {
  csv: string
  nextCursor: string | null
}

export interface VerifyQuery {
  full?: boolean
  fromSeq?: number
  maxEntries?: number
}

/**
 * The read routes of the officer dashboard and the auditor's pages, each one call of the generated client.
 * Dates are YYYY-MM-DD in the county; a report left without a range takes the API's default.
 */
export function createReportApi(staff: ApiClient) {
  return {
    mealsServed: () => answer(staff.GET('/v1/meal-reports/served')),
    budgetBurn: (fiscalYear: number) => answer(staff.GET('/v1/fund-reports/burn', { params: { query: { fiscalYear } } })),
    bookingsByService: (from: string, to: string) =>
      answer(staff.GET('/v1/booking-reports/services', { params: { query: { from, to } } })),
    emergencyResponse: (from: string, to: string) =>
      answer(staff.GET('/v1/booking-reports/emergency-response', { params: { query: { from, to } } })),
    pointsPerDay: (from: string, to: string) =>
      answer(staff.GET('/v1/time-bank/reports/points', { params: { query: { from, to } } })),
    usage: (month: string) => answer(staff.GET('/v1/usage', { params: { query: { month } } })),
    services: () => answer(staff.GET('/v1/services')),

    verify: (query: VerifyQuery) => answer(staff.GET('/v1/audit/verify', { params: { query } })),
    transfers: (limit: number) => answer(staff.GET('/v1/transfers', { params: { query: { limit } } })),
    trace: (id: string) => answer(staff.GET('/v1/transfers/{id}/trace', { params: { path: { id } } })),
    /** The next page's cursor travels in the x-next-cursor header, not in the CSV. */
    transfersCsvPage: async (month: string, cursor?: string): Promise<CsvPage> => {
      const { data, error, response } = await staff.GET('/v1/fund-reports/transfers-csv', {
        params: { query: { month, cursor } }, parseAs: 'text',
      })
      if (!response.ok) throw problemFrom(response.status, typeof error === 'string' ? safeJson(error) : error)
      return { csv: data ?? '', nextCursor: response.headers.get('x-next-cursor') }
    },
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

export type ReportApi = ReturnType<typeof createReportApi>
