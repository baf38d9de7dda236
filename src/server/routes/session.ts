import { Hono } from 'hono'
import { demoSignInInputSchema, passwordSignInInputSchema } from '../../domain/sign-in'
import type { User } from '../../domain/user'
import type { AppContext, AppEnv, HandlerDeps, SignInMethod } from '../context'
import { readJson } from '../context'
import { loginWaitMs, withOneMoreFailure } from '../login-throttle'
import { invalid, ProblemError, problemTypes } from '../problem'
import {
  clearSessionCookie,
  csrfTokenFor,
  setSessionCookie,
  wantsCookieSession,
} from '../session-auth'
import type { LoginFailures, StoreTx } from '../store'

const wrongCredentials = () =>
  new ProblemError(
    401,
    problemTypes.wrongCredentials,
    'Anmeldung fehlgeschlagen',
    'Benutzername oder Passwort ist falsch.',
  )

function tooManyAttempts(waitMs: number): ProblemError {
  const seconds = Math.ceil(waitMs / 1000)
  const wait =
    seconds < 60
      ? `${seconds} ${seconds === 1 ? 'Sekunde' : 'Sekunden'}`
      : `${Math.ceil(seconds / 60)} Minuten`
  return new ProblemError(
    429,
    problemTypes.tooManyAttempts,
    'Zu viele Fehlversuche',
    `Zu viele fehlgeschlagene Anmeldungen. Bitte versuchen Sie es in ${wait} erneut.`,
    { retryAfterSeconds: seconds },
  )
}

async function openSession(deps: HandlerDeps, tx: StoreTx, user: User) {
  const token = deps.newToken()
  const now = deps.now()
  const expiresAt = new Date(now.getTime() + deps.sessionTtlMs).toISOString()
  await tx.createSession({ token, userId: user.id, expiresAt, lastSeenAt: now.toISOString() })
  return { token, user, expiresAt }
}

/**
 * The answer to a sign-in: for the browser app on the real server an HttpOnly cookie and the
 * CSRF token (no credential a script could read); otherwise the bearer token.
 */
async function sessionAnswer(
  deps: HandlerDeps,
  c: AppContext,
  opened: { token: string; user: User; expiresAt: string },
) {
  if (!wantsCookieSession(deps, c)) return c.json({ token: opened.token, user: opened.user }, 201)
  setSessionCookie(deps, c, opened.token, opened.expiresAt)
  return c.json({ user: opened.user, csrfToken: await csrfTokenFor(opened.token) }, 201)
}

/**
 * Counts the attempt before the password is checked, under a lock on each failure record (in
 * one order: login, then address), so that of simultaneous guesses only as many are evaluated
 * as the throttle allows; the others get 429 without running scrypt.
 */
async function countAttempt(
  tx: StoreTx,
  keys: readonly string[],
  now: Date,
): Promise<{ waitMs: number }> {
  const records: (LoginFailures | null)[] = []
  for (const key of keys) records.push(await tx.lockLoginFailures(key))
  const waitMs = Math.max(...records.map((record) => loginWaitMs(record, now)))
  if (waitMs > 0) return { waitMs }
  for (const [index, key] of keys.entries()) {
    await tx.putLoginFailures(withOneMoreFailure(key, records[index] ?? null, now))
  }
  return { waitMs: 0 }
}

async function signInWithPassword(
  deps: HandlerDeps,
  signIn: Extract<SignInMethod, { method: 'password' }>,
  c: AppContext,
) {
  const { login, password } = await readJson(c, passwordSignInInputSchema)
  const loginKey = `login:${login.toLocaleLowerCase('de-DE')}`
  const addressKey = `address:${signIn.clientAddress(c)}`
  const keys = [loginKey, addressKey]
  const now = deps.now()
  const attempt = await deps.store.transaction(async (tx) => ({
    ...(await countAttempt(tx, keys, now)),
    credential: await tx.getCredential(login),
  }))
  if (attempt.waitMs > 0) {
    const problem = tooManyAttempts(attempt.waitMs)
    c.header('Retry-After', String(problem.extra.retryAfterSeconds))
    throw problem
  }
  const { credential } = attempt
  const matches = await signIn.verifyPassword(credential?.passwordHash ?? null, password)
  if (!matches || !credential) throw wrongCredentials()
  const rehashed = (await signIn.rehashPassword?.(credential.passwordHash, password)) ?? null
  const result = await deps.store.transaction(async (tx) => {
    const user = await tx.getUser(credential.userId)
    if (!user) return null
    // The attempt was counted as a failure before the check: a success takes it back.
    await tx.clearLoginFailures(loginKey)
    const address = await tx.lockLoginFailures(addressKey)
    if (address && address.count > 1) {
      await tx.putLoginFailures({ ...address, count: address.count - 1 })
    } else if (address) {
      await tx.clearLoginFailures(addressKey)
    }
    if (rehashed) await tx.updatePasswordHash(user.id, rehashed)
    return openSession(deps, tx, user)
  })
  if (!result) throw wrongCredentials()
  return result
}

/** Public session endpoints: how to sign in, signing in, and (demo only) the list of people. */
export function publicSessionRoutes(deps: HandlerDeps) {
  const routes = new Hono<AppEnv>()
    .get('/session/options', (c) => c.json({ method: deps.signIn.method }))
    .post('/session', async (c) => {
      const signIn = deps.signIn
      if (signIn.method === 'password') {
        return sessionAnswer(deps, c, await signInWithPassword(deps, signIn, c))
      }
      const { userId } = await readJson(c, demoSignInInputSchema)
      const result = await deps.store.transaction(async (tx) => {
        const user = await tx.getUser(userId)
        if (!user) throw invalid([{ path: 'userId', message: 'Diese Person ist nicht bekannt.' }])
        return openSession(deps, tx, user)
      })
      return sessionAnswer(deps, c, result)
    })
  if (deps.signIn.method === 'demo') routes.get('/users', listUsers(deps))
  return routes
}

const listUsers = (deps: HandlerDeps) => async (c: AppContext) =>
  c.json(await deps.store.transaction((tx) => tx.listUsers()))

/** Session endpoints that need a token; with passwords, the list of people needs one too. */
export function sessionRoutes(deps: HandlerDeps) {
  const routes = new Hono<AppEnv>()
    .get('/session', async (c) =>
      c.json(
        c.get('sessionTransport') === 'cookie'
          ? { user: c.get('user'), csrfToken: await csrfTokenFor(c.get('session').token) }
          : { user: c.get('user') },
      ),
    )
    .delete('/session', async (c) => {
      await deps.store.transaction((tx) => tx.deleteSession(c.get('session').token))
      if (c.get('sessionTransport') === 'cookie') clearSessionCookie(deps, c)
      return c.body(null, 204)
    })
  if (deps.signIn.method === 'password') routes.get('/users', listUsers(deps))
  return routes
}
