import { ApiProblem, problemOf } from './problem'

/**
 * The one place that speaks HTTP to the API. Everything above it calls typed functions
 * (endpoints.ts); swapping in the client generated from the OpenAPI document replaces that file
 * and keeps this contract: a typed answer, or an ApiProblem.
 */
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH'

export interface ApiRequest {
  method: Method
  path: string
  query?: Record<string, string | undefined>
  body?: unknown
  idempotencyKey?: string
  /** Sign-in, refresh and sign-out carry no bearer token. */
  anonymous?: boolean
}

export interface Credentials {
  accessToken(): string | null
  /** Gets a new access token after a 401; false when the session has ended. */
  refreshAfterUnauthorized(): Promise<boolean>
}

export interface Transport {
  send<T>(request: ApiRequest): Promise<T>
}

export interface TransportOptions {
  baseUrl?: string
  credentials?: Credentials
  fetchImpl?: typeof fetch
}

export function createTransport(options: TransportOptions = {}): Transport {
  const baseUrl = options.baseUrl ?? ''
  const doFetch = options.fetchImpl ?? ((input, init) => fetch(input, init))

  async function once(request: ApiRequest): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json' }
    if (request.body !== undefined) headers['Content-Type'] = 'application/json'
    if (request.idempotencyKey) headers['Idempotency-Key'] = request.idempotencyKey
    const token = request.anonymous ? null : options.credentials?.accessToken()
    if (token) headers.Authorization = `Bearer ${token}`
    try {
      return await doFetch(baseUrl + request.path + queryString(request.query), {
        method: request.method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
      })
    } catch {
      throw ApiProblem.network()
    }
  }

  return {
    async send<T>(request: ApiRequest): Promise<T> {
      let response = await once(request)
      if (response.status === 401 && !request.anonymous && options.credentials) {
        if (await options.credentials.refreshAfterUnauthorized()) response = await once(request)
      }
      if (!response.ok) throw await problemOf(response)
      return (await response.json()) as T
    },
  }
}

function queryString(query: ApiRequest['query']): string {
  if (!query) return ''
  const params = new URLSearchParams()
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(name, value)
  }
  const text = params.toString()
  return text ? `?${text}` : ''
}
