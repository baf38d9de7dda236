import { z } from 'zod'
import { demoSignInInputSchema, passwordSignInInputSchema } from '../../domain/sign-in'
import type { User } from '../../domain/user'
import type { AppContext, HandlerDeps, SignInMethod } from '../context'
import {
  addDescribedRoute,
  contractRoutes,
  describeRoute,
  jsonAnswer,
  jsonBody,
  jsonBodyAnswers,
  problemAnswer,
  publicRoute,
  readBody,
  tooManyAttemptsAnswer,
  unauthenticatedAnswer,
  userComponent,
  type ContractRoutes,
} from '../contract'
import { loginWaitMs, withOneMoreFailure } from '../login-throttle'
import { invalid, ProblemError, problemTypes } from '../problem'
import {
  clearSessionCookie,
  csrfTokenFor,
  setSessionCookie,
  wantsCookieSession,
} from '../session-auth'
import type { LoginFailures, StoreTx } from '../store'

const tokenSession = z.object({
  token: z.string().min(1).meta({ description: 'Send it as `Authorization: Bearer <token>`.' }),
  user: userComponent,
})
const cookieSession = z.object({
  user: userComponent,
  csrfToken: z
    .string()
    .min(1)
    .meta({ description: 'Repeat it as `X-CSRF-Token` with every change.' }),
})
const signedIn = (description: string) =>
  jsonAnswer(
    z.union([tokenSession, cookieSession]),
    `${description}: \`{ token, user }\`, or with \`X-Rundbrief-Session: cookie\` on the real server \`{ user, csrfToken }\` and the HttpOnly session cookie`,
  )

const signInOptionsRoute = describeRoute({
  method: 'get',
  path: '/session/options',
  summary: 'How this backend signs people in',
  ...publicRoute,
  responses: {
    200: jsonAnswer(z.object({ method: z.enum(['demo', 'password']) }), 'The sign-in method'),
  },
})

const demoSignInRoute = describeRoute({
  method: 'post',
  path: '/session',
  summary: 'Signs in as a person of the demo, without a password',
  ...publicRoute,
  request: { body: jsonBody(demoSignInInputSchema) },
  responses: {
    201: signedIn('Signed in'),
    ...jsonBodyAnswers('Invalid input, or an unknown person.'),
  },
})

const passwordSignInRoute = describeRoute({
  method: 'post',
  path: '/session',
  summary: 'Signs in with login name and password',
  ...publicRoute,
  request: { body: jsonBody(passwordSignInInputSchema) },
  responses: {
    201: signedIn('Signed in'),
    401: problemAnswer('Wrong login name or password (`/probleme/anmeldung-fehlgeschlagen`).'),
    ...tooManyAttemptsAnswer,
    ...jsonBodyAnswers(),
  },
})

const currentSessionRoute = describeRoute({
  method: 'get',
  path: '/session',
  summary: 'Who is signed in (a cookie session gets its CSRF token again)',
  responses: {
    200: jsonAnswer(
      z.object({ user: userComponent, csrfToken: z.string().min(1).optional() }),
      'The session',
    ),
    ...unauthenticatedAnswer,
  },
})

const signOutRoute = describeRoute({
  method: 'delete',
  path: '/session',
  summary: 'Ends the session (and clears the cookie)',
  responses: {
    204: { description: 'Signed out' },
    ...unauthenticatedAnswer,
  },
})

const listUsersRoute = (access: 'public' | 'signed-in') =>
  describeRoute({
    method: 'get',
    path: '/users',
    summary:
      access === 'public'
        ? 'The people (demo: public, so that the sign-in page can offer them)'
        : 'The people',
    ...(access === 'public' ? publicRoute : {}),
    responses: {
      200: jsonAnswer(z.array(userComponent), 'The people'),
      ...(access === 'public' ? {} : unauthenticatedAnswer),
    },
  })

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
  const { login, password } = await readBody(c, passwordSignInRoute)
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
  const routes = contractRoutes()
  addDescribedRoute(routes, signInOptionsRoute, (c) => c.json({ method: deps.signIn.method }))
  const signIn = deps.signIn
  if (signIn.method === 'password') {
    addDescribedRoute(routes, passwordSignInRoute, async (c) =>
      sessionAnswer(deps, c, await signInWithPassword(deps, signIn, c)),
    )
  } else {
    addDescribedRoute(routes, demoSignInRoute, async (c) => {
      const { userId } = await readBody(c, demoSignInRoute)
      const result = await deps.store.transaction(async (tx) => {
        const user = await tx.getUser(userId)
        if (!user) throw invalid([{ path: 'userId', message: 'Diese Person ist nicht bekannt.' }])
        return openSession(deps, tx, user)
      })
      return sessionAnswer(deps, c, result)
    })
    addListUsersRoute(deps, routes, 'public')
  }
  return routes
}

function addListUsersRoute(
  deps: HandlerDeps,
  routes: ContractRoutes,
  access: 'public' | 'signed-in',
): void {
  addDescribedRoute(routes, listUsersRoute(access), async (c) =>
    c.json(await deps.store.transaction((tx) => tx.listUsers())),
  )
}

/** Session endpoints that need a token; with passwords, the list of people needs one too. */
export function sessionRoutes(deps: HandlerDeps) {
  const routes = contractRoutes()
  addDescribedRoute(routes, currentSessionRoute, async (c) =>
    c.json(
      c.get('sessionTransport') === 'cookie'
        ? { user: c.get('user'), csrfToken: await csrfTokenFor(c.get('session').token) }
        : { user: c.get('user') },
    ),
  )
  addDescribedRoute(routes, signOutRoute, async (c) => {
    await deps.store.transaction((tx) => tx.deleteSession(c.get('session').token))
    if (c.get('sessionTransport') === 'cookie') clearSessionCookie(deps, c)
    return c.body(null, 204)
  })
  if (deps.signIn.method === 'password') addListUsersRoute(deps, routes, 'signed-in')
  return routes
}
