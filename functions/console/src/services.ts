import { createApi } from './api/endpoints'
import { createTransport } from './api/http'
import { Session } from './session/session'

/** The console's one session and one API client, on the page's own origin (the API is on /v1). */
export const session = new Session()
export const api = createApi(createTransport({ credentials: session }))
session.bind(api)
