import { createApiClient, type ApiClient } from '@yiyang/api-client'
import { ApiProblem, problemFrom } from './problem'

/**
 * The console's thin wrapper around the client generated from the API document (functions/api-client):
 * the generated client types every path, parameter, body and answer; this adds what a staff session
 * needs on every call — the bearer token, one refresh and retry after a 401, a lost network as an
 * ApiProblem — and turns a refusal (problem+json) into an ApiProblem whose userMessage is shown as sent.
 */
export interface Credentials {
  accessToken(): string | null
  /** Gets a new access token after a 401; false when the session has ended. */
  refreshAfterUnauthorized(): Promise<boolean>
}

export interface ClientOptions {
  /** Where the API is: by default the page's own origin (the API is on /v1 beside /console/). */
  baseUrl?: string
  /** The staff session; without it no token is sent (sign-in, refresh and sign-out are open routes). */
  credentials?: Credentials
  fetchImpl?: typeof fetch
}

export function createClient(options: ClientOptions = {}): ApiClient {
  const base = options.fetchImpl ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init))
  const credentials = options.credentials

  async function reach(request: Request): Promise<Response> {
    const token = credentials?.accessToken()
    if (token) request.headers.set('Authorization', `Bearer ${token}`)
    try {
      return await base(request)
    } catch {
      throw ApiProblem.network()
    }
  }

  async function send(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const request = new Request(input, init)
    const again = request.clone()
    const response = await reach(request)
    if (response.status !== 401 || !credentials) return response
    return (await credentials.refreshAfterUnauthorized()) ? reach(again) : response
  }

  return createApiClient({ baseUrl: options.baseUrl ?? globalThis.location?.origin ?? '', fetch: send })
}

/** What every generated call resolves to: data on success, the parsed error body otherwise. */
interface Outcome<T> {
  data?: T
  error?: unknown
  response: Response
}

/** The answer of a call, or its refusal thrown as an ApiProblem. */
export async function answer<T>(call: Promise<Outcome<T>>): Promise<T> {
  const { data, error, response } = await call
  if (!response.ok) throw problemFrom(response.status, error)
  return data as T
}
