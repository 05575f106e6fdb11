import { vi } from 'vitest'

/**
 * A stand-in for the network, not for a store: answers by method and path, and remembers every request
 * (header names in lower case, as a Request keeps them).
 */
export interface Seen {
  method: string
  path: string
  /** The query string, without its '?'. */
  query: string
  headers: Record<string, string>
  body: unknown
}

export type Answer = { status: number; body: unknown }
export type Responder = (seen: Seen, nth: number) => Answer

export function problem(status: number, code: string, userMessage: string): Answer {
  return { status, body: { type: 'urn:yiyang:problem', title: code, status, code, detail: code, userMessage } }
}

export function fakeFetch(routes: Record<string, Responder | Answer>) {
  const seen: Seen[] = []
  const counts = new Map<string, number>()
  const fetchImpl = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const sent = new Request(input instanceof Request ? input : new URL(String(input), 'http://console.test'), init)
    const url = new URL(sent.url)
    const method = sent.method
    const text = await sent.text()
    const request: Seen = {
      method, path: url.pathname, query: url.search.slice(1), headers: Object.fromEntries([...sent.headers.entries()].map(([name, value]) => [name.toLowerCase(), value])),
      body: text ? JSON.parse(text) : undefined,
    }
    seen.push(request)
    const key = Object.keys(routes).find((k) => {
      const [m, p] = k.split(' ')
      return m === method && (p.endsWith('*') ? url.pathname.startsWith(p.slice(0, -1)) : url.pathname === p)
    })
    if (!key) return new Response(JSON.stringify({ code: 'NOT_FOUND', userMessage: '没有找到' }), { status: 404 })
    const nth = (counts.get(key) ?? 0) + 1
    counts.set(key, nth)
    const route = routes[key]
    const answer = typeof route === 'function' ? route(request, nth) : route
    const type = answer.status >= 400 ? 'application/problem+json' : 'application/json'
    return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'content-type': type } })
  })
  return { fetchImpl: fetchImpl as unknown as typeof fetch, seen }
}

/** An unsigned token with the claims the console reads (the API, not the console, verifies tokens). */
export function tokenWith(claims: Record<string, unknown>): string {
  const encode = (o: unknown) => btoa(JSON.stringify(o)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')
  return `${encode({ alg: 'RS256' })}.${encode({ exp: 4_102_444_800, county: '330105', ...claims })}.signature`
}
