import type { MiddlewareHandler } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import type { User } from '../domain/user'
import type { AppContext, AppEnv, HandlerDeps } from './context'
import { ProblemError, problemTypes } from './problem'
import type { Session } from './store'

/** The HttpOnly cookie that carries a browser's session token on the real server. */
export const sessionCookieName = 'rundbrief_sitzung'
/** Sent by the browser app when it signs in: it wants the cookie, not a token in the answer. */
export const sessionModeHeader = 'X-Rundbrief-Session'
/** Every changing request of a cookie session repeats the session's CSRF token here. */
export const csrfHeader = 'X-CSRF-Token'

/** "120 Minuten", "1 Minute", "30 Sekunden". */
function idleDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000)
  if (minutes >= 1) return minutes === 1 ? '1 Minute' : `${minutes} Minuten`
  const seconds = Math.max(1, Math.round(ms / 1000))
  return seconds === 1 ? '1 Sekunde' : `${seconds} Sekunden`
}

type SignedIn = { session: Session; user: User }
type Ended = { ended: 'idle' | null }

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS'])
/** A session's last activity is written at most this often, not on every request. */
const touchIntervalMs = 60_000

const unauthenticated = (detail = 'Bitte melden Sie sich an.') =>
  new ProblemError(401, problemTypes.unauthenticated, 'Nicht angemeldet', detail)

const csrfRefused = () =>
  new ProblemError(
    403,
    problemTypes.forbidden,
    'Anfrage abgelehnt',
    'Die Anfrage kam nicht aus Rundbrief (Sicherheitsmerkmal fehlt). Bitte laden Sie die Seite neu.',
  )

/** The CSRF token of a cookie session: derived from the session token, so nothing more is stored. */
export async function csrfTokenFor(token: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`csrf:${token}`))
  return btoa(String.fromCharCode(...new Uint8Array(digest)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')
}

function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false
  let difference = 0
  for (let index = 0; index < a.length; index++)
    difference |= a.charCodeAt(index) ^ b.charCodeAt(index)
  return difference === 0
}

/** Whether this sign-in should answer with a cookie (browser app on a server that offers it). */
export function wantsCookieSession(deps: HandlerDeps, c: AppContext): boolean {
  return deps.sessionCookie !== null && c.req.header(sessionModeHeader) === 'cookie'
}

/** Sets the session cookie: HttpOnly, SameSite=Strict, only for the API, Secure over HTTPS. */
export function setSessionCookie(
  deps: HandlerDeps,
  c: AppContext,
  token: string,
  expiresAt: string,
): void {
  setCookie(c, sessionCookieName, token, {
    httpOnly: true,
    secure: deps.sessionCookie?.secure(c) ?? true,
    sameSite: 'Strict',
    path: '/api',
    expires: new Date(expiresAt),
  })
}

export function clearSessionCookie(deps: HandlerDeps, c: AppContext): void {
  deleteCookie(c, sessionCookieName, {
    path: '/api',
    secure: deps.sessionCookie?.secure(c) ?? true,
    httpOnly: true,
    sameSite: 'Strict',
  })
}

function presentedToken(deps: HandlerDeps, c: AppContext) {
  const header = c.req.header('Authorization')
  if (header !== undefined) {
    const token = /^bearer +(\S+)$/i.exec(header)?.[1]
    return token ? { token, transport: 'bearer' as const } : null
  }
  if (deps.sessionCookie === null) return null
  const token = getCookie(c, sessionCookieName)
  return token ? { token, transport: 'cookie' as const } : null
}

/**
 * Signs the request in from a bearer token or the session cookie. Cookie sessions must send
 * their CSRF token with every change; sessions end when they expire or after `sessionIdleMs`
 * without a request; a disabled person's sessions end at once.
 */
export function authenticate(deps: HandlerDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const presented = presentedToken(deps, c)
    if (!presented) throw unauthenticated()
    if (presented.transport === 'cookie' && !safeMethods.has(c.req.method)) {
      const sent = c.req.header(csrfHeader) ?? ''
      if (!sameText(sent, await csrfTokenFor(presented.token))) throw csrfRefused()
    }
    const now = deps.now()
    const found = await deps.store.transaction(async (tx): Promise<SignedIn | Ended> => {
      const session = await tx.getSession(presented.token)
      if (!session) return { ended: null }
      const idleMs = now.getTime() - new Date(session.lastSeenAt).getTime()
      if (new Date(session.expiresAt).getTime() <= now.getTime() || idleMs > deps.sessionIdleMs) {
        await tx.deleteSession(presented.token)
        return { ended: idleMs > deps.sessionIdleMs ? ('idle' as const) : null }
      }
      const user = await tx.getUser(session.userId)
      if (!user) {
        await tx.deleteSession(presented.token)
        return { ended: null }
      }
      if (idleMs > Math.min(touchIntervalMs, deps.sessionIdleMs / 4))
        await tx.touchSession(presented.token, now.toISOString())
      return { session, user }
    })
    if ('ended' in found) {
      if (presented.transport === 'cookie') clearSessionCookie(deps, c)
      throw unauthenticated(
        found.ended === 'idle'
          ? `Sie wurden nach ${idleDuration(deps.sessionIdleMs)} ohne Aktivität abgemeldet. Bitte melden Sie sich neu an.`
          : undefined,
      )
    }
    c.set('session', found.session)
    c.set('user', found.user)
    c.set('sessionTransport', presented.transport)
    await next()
  }
}
