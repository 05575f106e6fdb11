import { createApi } from './api/endpoints'
import { createClient } from './api/client'
import { createReportApi } from './api/reportEndpoints'
import { Session } from './session/session'

/** The console's one session and one API, on the page's own origin (the API is on /v1). */
export const session = new Session()
const staff = createClient({ credentials: session })
export const api = createApi(staff, createClient())
/** The dashboard's and the auditor's read routes. */
export const reports = createReportApi(staff)
session.bind(api)
