import { describe, expect, it } from 'vitest'
import { createApi } from '../src/api/endpoints'
import { createClient } from '../src/api/client'
import { ApiProblem } from '../src/api/problem'
import { Session } from '../src/session/session'
import { fakeFetch, problem, tokenWith } from './fakeApi'

function pair(accessToken: string, refreshToken: string) {
  return {
    tokenType: 'Bearer', accessToken, refreshToken,
    accessTokenExpiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
    refreshTokenExpiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
  }
}

function signedInSession(routes: Parameters<typeof fakeFetch>[0]) {
  const { fetchImpl, seen } = fakeFetch(routes)
  const session = new Session(null)
  const api = createApi(createClient({ fetchImpl, credentials: session }), createClient({ fetchImpl }))
  session.bind(api)
  session.start(pair(tokenWith({ sub: 'op1', groups: ['operator'] }), 'refresh-1'))
  return { session, api, seen }
}

describe('the staff session', () => {
  it('reads the roles and the ids a canteen acts for from the token', () => {
    const session = new Session(null)
    session.start(pair(tokenWith({ sub: 's', groups: ['canteen'], org: { canteen: ['point-1'] } }), 'r'))
    expect(session.hasRole('canteen')).toBe(true)
    expect(session.hasRole('operator')).toBe(false)
    expect(session.orgIds('canteen')).toEqual(['point-1'])
  })

  it('refreshes once after a 401 and repeats the call with the new token', async () => {
    const fresh = tokenWith({ sub: 'op1', groups: ['operator'], n: 2 })
    const { session, api, seen } = signedInSession({
      'GET /v1/services': (s) => (s.headers.authorization === `Bearer ${fresh}`
        ? { status: 200, body: { items: [] } }
        : problem(401, 'UNAUTHENTICATED', '登录已过期，请重新登录。')),
      'POST /v1/auth/refresh': { status: 200, body: pair(fresh, 'refresh-2') },
    })

    await expect(api.listServices()).resolves.toEqual({ items: [] })
    expect(seen.map((s) => `${s.method} ${s.path}`)).toEqual(['GET /v1/services', 'POST /v1/auth/refresh', 'GET /v1/services'])
    expect(seen[1].body).toEqual({ refreshToken: 'refresh-1' })
    expect(session.state.tokens?.refreshToken).toBe('refresh-2')
  })

  it('ends the session when the refresh token is refused, and the refusal reaches the page', async () => {
    const { session, api } = signedInSession({
      'GET /v1/services': problem(401, 'UNAUTHENTICATED', '登录已过期，请重新登录。'),
      'POST /v1/auth/refresh': problem(401, 'REFRESH_TOKEN_INVALID', '登录已过期，请重新登录。'),
    })
    await expect(api.listServices()).rejects.toBeInstanceOf(ApiProblem)
    expect(session.signedIn).toBe(false)
    expect(session.state.ended).toBe('EXPIRED')
  })

  it('calls a reused refresh token a revoked session', async () => {
    const { session } = signedInSession({
      'POST /v1/auth/refresh': problem(401, 'REFRESH_TOKEN_REUSED', '为了账号安全，请重新登录。'),
    })
    expect(await session.refresh()).toBe(false)
    expect(session.state.ended).toBe('REVOKED')
  })

  it('keeps the session when the refresh cannot reach the API (it may work a moment later)', async () => {
    const { session } = signedInSession({
      'POST /v1/auth/refresh': problem(503, 'STORE_UNAVAILABLE', '系统繁忙，请稍后再试。'),
    })
    expect(await session.refresh()).toBe(false)
    expect(session.signedIn).toBe(true)
  })

  it('signs out: the refresh family is ended at the API and nothing is kept', async () => {
    const { session, seen } = signedInSession({ 'POST /v1/auth/sign-out': { status: 200, body: { signedOut: true } } })
    await session.signOut()
    expect(seen.at(-1)).toMatchObject({ path: '/v1/auth/sign-out', body: { refreshToken: 'refresh-1' } })
    expect(session.state).toMatchObject({ tokens: null, ended: 'SIGNED_OUT' })
  })
})
