import { Hono } from 'hono'
import {
  updateLayoutInputSchema,
  updatePublicationInputSchema,
  type Publication,
  type PublicationContent,
} from '../../domain/publication'
import type { User } from '../../domain/user'
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
      // the layout belongs to Gestaltung (layout.edit): this endpoint keeps the stored one
      const saved = await savePublication(deps, user, version, (current) => ({
        ...content,
        layout: current.layout,
      }))
      return c.json(saved)
    })
    .put('/publication/layout', async (c) => {
      const user = c.get('user')
      requirePermission(user, 'layout.edit')
      const { version, layout } = await readJson(c, updateLayoutInputSchema)
      const saved = await savePublication(
        deps,
        user,
        version,
        (current) => ({ ...current, layout }),
        'Layout geändert',
      )
      return c.json(saved)
    })
}

/** Writes a change to the publication if it still has `version`; 409 with the current one otherwise. */
function savePublication(
  deps: HandlerDeps,
  user: User,
  version: number,
  change: (current: Publication) => PublicationContent,
  detail: string | null = null,
): Promise<Publication> {
  return deps.store.transaction(async (tx) => {
    const current = await tx.getPublication()
    const next: Publication = {
      ...change(current),
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
      detail,
    })
    return next
  })
}
