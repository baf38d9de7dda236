import { Hono } from 'hono'
import { updateLayoutInputSchema, updatePublicationInputSchema } from '../../domain/publication'
import { audit, readJson, requirePermission, type AppEnv, type HandlerDeps } from '../context'
import { versionConflict } from '../problem'

/** GET/PUT /publication: masthead, Impressum and unsubscribe note. */
export function publicationRoutes(deps: HandlerDeps) {
  return new Hono<AppEnv>()
    .get('/publication', async (c) =>
      c.json(await deps.store.transaction((tx) => tx.getPublication())),
    )
    .put('/publication', async (c) => {
      const user = c.get('user')
      requirePermission(user, 'publication.edit')
      const { version, ...content } = await readJson(c, updatePublicationInputSchema)
      const saved = await deps.store.transaction(async (tx) => {
        const current = await tx.getPublication()
        const next = { ...content, version: version + 1, updatedAt: deps.now().toISOString() }
        if (current.version !== version || !(await tx.updatePublication(next, version))) {
          throw versionConflict(await tx.getPublication())
        }
        await audit(deps, tx, {
          actorId: user.id,
          action: 'publication.updated',
          resourceType: 'publication',
          resourceId: 'publication',
        })
        return next
      })
      return c.json(saved)
    })
    .put('/publication/layout', async (c) => {
      const user = c.get('user')
      requirePermission(user, 'layout.edit')
      const { version, layout } = await readJson(c, updateLayoutInputSchema)
      const saved = await deps.store.transaction(async (tx) => {
        const current = await tx.getPublication()
        const next = {
          ...current,
          layout,
          version: version + 1,
          updatedAt: deps.now().toISOString(),
        }
        if (current.version !== version || !(await tx.updatePublication(next, version))) {
          throw versionConflict(await tx.getPublication())
        }
        await audit(deps, tx, {
          actorId: user.id,
          action: 'publication.updated',
          resourceType: 'publication',
          resourceId: 'publication',
          detail: 'Layout geändert',
        })
        return next
      })
      return c.json(saved)
    })
}
