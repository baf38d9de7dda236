import { Hono } from 'hono'
import { z } from 'zod'
import type { User } from '../../domain/user'
import type { AppContext, AppEnv, HandlerDeps, SignInMethod } from '../context'
import { readJson } from '../context'
import { loginWaitMs, withOneMoreFailure } from '../login-throttle'
import { invalid, ProblemError, problemTypes } from '../problem'
import type { StoreTx } from '../store'

const demoSignInSchema = z.object({ userId: z.string().min(1) })
const passwordSignInSchema = z.object({
  login: z.string().trim().min(1, 'Bitte den Benutzernamen angeben.').max(200),
  password: z.string().min(1, 'Bitte das Passwort angeben.').max(1000),
})

/** Verified against when a login is unknown, so that unknown logins take as long as known ones. */
const unknownLoginHash =
  'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='

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
  const expiresAt = new Date(deps.now().getTime() + deps.sessionTtlMs).toISOString()
  await tx.createSession({ token, userId: user.id, expiresAt })
  return { token, user }
}

async function signInWithPassword(
  deps: HandlerDeps,
  signIn: Extract<SignInMethod, { method: 'password' }>,
  c: AppContext,
) {
  const { login, password } = await readJson(c, passwordSignInSchema)
  const keys = [`login:${login.toLocaleLowerCase('de-DE')}`, `address:${signIn.clientAddress(c)}`]
  const now = deps.now()
  const { credential, failures } = await deps.store.transaction(async (tx) => ({
    credential: await tx.getCredential(login),
    failures: await Promise.all(keys.map((key) => tx.getLoginFailures(key))),
  }))
  const waitMs = Math.max(...failures.map((record) => loginWaitMs(record, now)))
  if (waitMs > 0) {
    const problem = tooManyAttempts(waitMs)
    c.header('Retry-After', String(problem.extra.retryAfterSeconds))
    throw problem
  }
  const matches = await signIn.verifyPassword(
    credential?.passwordHash ?? unknownLoginHash,
    password,
  )
  const result = await deps.store.transaction(async (tx) => {
    const user = matches && credential ? await tx.getUser(credential.userId) : null
    if (!user) {
      for (const [index, key] of keys.entries()) {
        await tx.putLoginFailures(withOneMoreFailure(key, failures[index] ?? null, now))
      }
      return null
    }
    await tx.clearLoginFailures(keys[0] ?? '')
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
        return c.json(await signInWithPassword(deps, signIn, c), 201)
      }
      const { userId } = await readJson(c, demoSignInSchema)
      const result = await deps.store.transaction(async (tx) => {
        const user = await tx.getUser(userId)
        if (!user) throw invalid([{ path: 'userId', message: 'Diese Person ist nicht bekannt.' }])
        return openSession(deps, tx, user)
      })
      return c.json(result, 201)
    })
  if (deps.signIn.method === 'demo') routes.get('/users', listUsers(deps))
  return routes
}

const listUsers = (deps: HandlerDeps) => async (c: AppContext) =>
  c.json(await deps.store.transaction((tx) => tx.listUsers()))

/** Session endpoints that need a token; with passwords, the list of people needs one too. */
export function sessionRoutes(deps: HandlerDeps) {
  const routes = new Hono<AppEnv>()
    .get('/session', (c) => c.json({ user: c.get('user') }))
    .delete('/session', async (c) => {
      await deps.store.transaction((tx) => tx.deleteSession(c.get('session').token))
      return c.body(null, 204)
    })
  if (deps.signIn.method === 'password') routes.get('/users', listUsers(deps))
  return routes
}
