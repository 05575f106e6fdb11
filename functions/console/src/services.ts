import { createApi } from './api/endpoints'
import { createClient } from './api/client'
import { Session } from './session/session'

/** The console's one session and one API, on the page's own origin (the API is on /v1). */
export const session = new Session()
export const api = createApi(createClient({ credentials: session }), createClient())
session.bind(api)
