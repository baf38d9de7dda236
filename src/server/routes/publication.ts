import {
  publicationNameSchema,
  updateLayoutInputSchema,
  updatePublicationInputSchema,
  type Publication,
  type PublicationContent,
} from '../../domain/publication'
import type { User } from '../../domain/user'
import { audit, requirePermission, type HandlerDeps } from '../context'
import {
  addDescribedRoute,
  conflictAnswer,
  contractRoutes,
  describeRoute,
  forbiddenAnswer,
  jsonAnswer,
  jsonBody,
  jsonBodyAnswers,
  publicationComponent,
  publicRoute,
  readBody,
  unauthenticatedAnswer,
} from '../contract'
import { versionConflict } from '../problem'

const publicationConflict = conflictAnswer(
  publicationComponent,
  'The `version` sent is not the stored one (`/probleme/versionskonflikt`, `current` is the stored publication).',
)

const getPublicationNameRoute = describeRoute({
  method: 'get',
  path: '/publication/name',
  summary: "The newsletter's title and subtitle, for the sign-in page and the public pages",
  ...publicRoute,
  responses: {
    200: jsonAnswer(publicationNameSchema, '`{ title, subtitle }` of the publication'),
  },
})

const getPublicationRoute = describeRoute({
  method: 'get',
  path: '/publication',
  summary: 'Masthead, Impressum, unsubscribe note and layout of the newsletter',
  responses: {
    200: jsonAnswer(publicationComponent, 'The publication'),
    ...unauthenticatedAnswer,
  },
})

const updatePublicationRoute = describeRoute({
  method: 'put',
  path: '/publication',
  summary: 'Saves masthead, Impressum and unsubscribe note (the stored layout is kept)',
  request: { body: jsonBody(updatePublicationInputSchema) },
  responses: {
    200: jsonAnswer(publicationComponent, 'The saved publication, `version + 1`'),
    ...unauthenticatedAnswer,
    ...forbiddenAnswer(),
    ...publicationConflict,
    ...jsonBodyAnswers(),
  },
})

const updateLayoutRoute = describeRoute({
  method: 'put',
  path: '/publication/layout',
  summary: 'Saves the layout (Gestaltung)',
  request: { body: jsonBody(updateLayoutInputSchema) },
  responses: {
    200: jsonAnswer(publicationComponent, 'The saved publication, `version + 1`'),
    ...unauthenticatedAnswer,
    ...forbiddenAnswer(),
    ...publicationConflict,
    ...jsonBodyAnswers(),
  },
})

/** GET /publication/name, without a session: the newsletter's name. */
export function publicPublicationRoutes(deps: HandlerDeps) {
  const routes = contractRoutes()
  addDescribedRoute(routes, getPublicationNameRoute, async (c) => {
    const { title, subtitle } = await deps.store.transaction((tx) => tx.getPublication())
    return c.json({ title, subtitle })
  })
  return routes
}

/** GET/PUT /publication: masthead, Impressum and unsubscribe note. */
export function publicationRoutes(deps: HandlerDeps) {
  const routes = contractRoutes()
  addDescribedRoute(routes, getPublicationRoute, async (c) =>
    c.json(await deps.store.transaction((tx) => tx.getPublication())),
  )
  addDescribedRoute(routes, updatePublicationRoute, async (c) => {
    const user = c.get('user')
    requirePermission(user, 'publication.edit')
    const { version, ...content } = await readBody(c, updatePublicationRoute)
    // the layout belongs to Gestaltung (layout.edit): this endpoint keeps the stored one
    const saved = await savePublication(deps, user, version, (current) => ({
      ...content,
      layout: current.layout,
    }))
    return c.json(saved)
  })
  addDescribedRoute(routes, updateLayoutRoute, async (c) => {
    const user = c.get('user')
    requirePermission(user, 'layout.edit')
    const { version, layout } = await readBody(c, updateLayoutRoute)
    const saved = await savePublication(
      deps,
      user,
      version,
      (current) => ({ ...current, layout }),
      'Layout geändert',
    )
    return c.json(saved)
  })
  return routes
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
