import { z } from 'zod'
import {
  addDescribedRoute,
  createRoute,
  jsonAnswer,
  publicRoute,
  type ContractRoutes,
} from './contract'
import { sessionCookieName } from './session-auth'

const documentRoute = createRoute({
  method: 'get',
  path: '/openapi.json',
  summary: 'This description of the contract as an OpenAPI 3.1 document',
  ...publicRoute,
  responses: {
    200: jsonAnswer(z.looseObject({ openapi: z.literal('3.1.0') }), 'The OpenAPI document'),
  },
})

/** The OpenAPI 3.1 document of every route described in `app` (with its base path). */
export function openApiDocument(app: ContractRoutes) {
  return app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'Rundbrief',
      version: '1',
      description:
        'The REST contract of Rundbrief, the editorial dashboard of the newsletter of the Dezernat Soziales of the city of Gera. Errors are RFC 9457 problem documents with a German `detail`; docs/api.md explains the rules behind the answers.',
    },
    security: [{ bearerToken: [] }, { sessionCookie: [] }],
  })
}

/**
 * Serves the document at `GET /openapi.json` of `app` (public). It is generated on the first
 * request, when every route has been added, and kept.
 */
export function addOpenApiDocumentRoute(app: ContractRoutes): void {
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerToken', {
    type: 'http',
    scheme: 'bearer',
    description: 'The token that `POST /api/session` answers (demo, tests, scripts).',
  })
  app.openAPIRegistry.registerComponent('securitySchemes', 'sessionCookie', {
    type: 'apiKey',
    in: 'cookie',
    name: sessionCookieName,
    description:
      'The HttpOnly cookie of the browser app on the real server; every change repeats `X-CSRF-Token`.',
  })
  let document: ReturnType<typeof openApiDocument> | null = null
  addDescribedRoute(app, documentRoute, (c) => c.json((document ??= openApiDocument(app))))
}
