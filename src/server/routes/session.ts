import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv, HandlerDeps } from '../context'
import { readJson } from '../context'
import { invalid } from '../problem'

const createSessionSchema = z.object({ userId: z.string().min(1) })

/** Public session endpoints: sign in as a demo user, read and end the session, list users. */
export function publicSessionRoutes(deps: HandlerDeps) {
  return new Hono<AppEnv>()
    .post('/session', async (c) => {
      const { userId } = await readJson(c, createSessionSchema)
      const result = await deps.store.transaction(async (tx) => {
        const user = await tx.getUser(userId)
        if (!user) throw invalid([{ path: 'userId', message: 'Diese Person ist nicht bekannt.' }])
        const token = deps.newToken()
        const expiresAt = new Date(deps.now().getTime() + deps.sessionTtlMs).toISOString()
        await tx.createSession({ token, userId: user.id, expiresAt })
        return { token, user }
      })
      return c.json(result, 201)
    })
    .get('/users', async (c) => c.json(await deps.store.transaction((tx) => tx.listUsers())))
}

/** Session endpoints that need a token. */
export function sessionRoutes(deps: HandlerDeps) {
  return new Hono<AppEnv>()
    .get('/session', (c) => c.json({ user: c.get('user') }))
    .delete('/session', async (c) => {
      await deps.store.transaction((tx) => tx.deleteSession(c.get('session').token))
      return c.body(null, 204)
    })
}
