import { reactive } from 'vue'
import type { Credentials } from '../api/client'
import { ApiProblem } from '../api/problem'
import type { TokenPair } from '../api/types'

/** Refresh this long before the access token expires, so a call never meets an expired token. */
export const REFRESH_AHEAD_MS = 60_000
/** The tab's session: closing the tab ends it (sessionStorage), and so does signing out. */
export const SESSION_STORAGE_KEY = 'yiyang.console.session'

export interface Claims {
  sub: string
  county: string
  groups: string[]
  org?: Record<string, string[]>
  exp: number
}

export type EndReason = 'SIGNED_OUT' | 'EXPIRED' | 'REVOKED'

interface State {
  tokens: TokenPair | null
  claims: Claims | null
  ended: EndReason | null
}

export interface AuthCalls {
  refresh(refreshToken: string): Promise<TokenPair>
  signOut(refreshToken: string): Promise<unknown>
}

/** The payload of our own access token, for the roles and ids to show pages by; the API verifies it, not us. */
export function claimsOf(accessToken: string): Claims {
  const payload = accessToken.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')
  const bytes = Uint8Array.from(atob(payload.padEnd(Math.ceil(payload.length / 4) * 4, '=')), (c) => c.charCodeAt(0))
  return JSON.parse(new TextDecoder().decode(bytes)) as Claims
}

export class Session implements Credentials {
  readonly state: State = reactive({ tokens: null, claims: null, ended: null })
  private auth: AuthCalls | null = null
  private refreshing: Promise<boolean> | null = null
  private timer: ReturnType<typeof setTimeout> | undefined

  constructor(private readonly storage: Storage | null = globalThis.sessionStorage ?? null) {
    const saved = storage?.getItem(SESSION_STORAGE_KEY)
    if (saved) this.adopt(JSON.parse(saved) as TokenPair)
  }

  bind(auth: AuthCalls): void {
    this.auth = auth
    this.schedule()
  }

  get signedIn(): boolean {
    return this.state.tokens !== null
  }

  hasRole(role: string): boolean {
    return this.state.claims?.groups.includes(role) ?? false
  }

  /** The ids this staff member acts for in a role, e.g. the canteen's meal points. */
  orgIds(role: string): string[] {
    return this.state.claims?.org?.[role] ?? []
  }

  start(tokens: TokenPair): void {
    this.state.ended = null
    this.adopt(tokens)
    this.schedule()
  }

  accessToken(): string | null {
    return this.state.tokens?.accessToken ?? null
  }

  refreshAfterUnauthorized(): Promise<boolean> {
    return this.refresh()
  }

  /** One refresh at a time: concurrent calls share it (the API answers a double tap alike anyway). */
  refresh(): Promise<boolean> {
    this.refreshing ??= this.doRefresh().finally(() => {
      this.refreshing = null
    })
    return this.refreshing
  }

  async signOut(): Promise<void> {
    const refreshToken = this.state.tokens?.refreshToken
    this.end('SIGNED_OUT')
    if (refreshToken && this.auth) {
      await this.auth.signOut(refreshToken).catch(() => undefined)
    }
  }

  private async doRefresh(): Promise<boolean> {
    const refreshToken = this.state.tokens?.refreshToken
    if (!refreshToken || !this.auth) return false
    try {
      this.start(await this.auth.refresh(refreshToken))
      return true
    } catch (e) {
      if (e instanceof ApiProblem && e.status !== 0 && e.status < 500) {
        this.end(e.code === 'REFRESH_TOKEN_REUSED' ? 'REVOKED' : 'EXPIRED')
      }
      return false
    }
  }

  private adopt(tokens: TokenPair): void {
    this.state.tokens = tokens
    this.state.claims = claimsOf(tokens.accessToken)
    this.storage?.setItem(SESSION_STORAGE_KEY, JSON.stringify(tokens))
  }

  private end(reason: EndReason): void {
    clearTimeout(this.timer)
    this.state.tokens = null
    this.state.claims = null
    this.state.ended = reason
    this.storage?.removeItem(SESSION_STORAGE_KEY)
  }

  private schedule(): void {
    clearTimeout(this.timer)
    const tokens = this.state.tokens
    if (!tokens || !this.auth) return
    const due = Date.parse(tokens.accessTokenExpiresAt) - REFRESH_AHEAD_MS - Date.now()
    this.timer = setTimeout(() => void this.refresh(), Math.max(due, 0))
  }
}
