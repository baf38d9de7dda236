import type { RouteConfig } from '@asteasolutions/zod-to-openapi'
import { z } from 'zod'
import {
  addDescribedRoute,
  describeRoute,
  jsonAnswer,
  publicRoute,
  type ContractRoutes,
} from './contract'
import { sessionCookieName } from './session-auth'

const documentRoute = describeRoute({
  method: 'get',
  path: '/openapi.json',
  summary: 'This description of the contract as an OpenAPI 3.1 document',
  ...publicRoute,
  responses: {
    200: jsonAnswer(z.looseObject({ openapi: z.literal('3.1.0') }), 'The OpenAPI document'),
  },
})

/**
 * The OpenAPI 3.1 document of `routes` under `basePath`. The generator is loaded only here: the
 * demo runs this handler in the browser and need not carry it until someone asks.
 */
export async function openApiDocument(routes: readonly RouteConfig[], basePath: string) {
  const { OpenAPIRegistry, OpenApiGeneratorV31 } = await import('@asteasolutions/zod-to-openapi')
  const registry = new OpenAPIRegistry()
  for (const route of routes) registry.registerPath({ ...route, path: `${basePath}${route.path}` })
  registry.registerComponent('securitySchemes', 'bearerToken', {
    type: 'http',
    scheme: 'bearer',
    description: 'The token that `POST /api/session` answers (demo, tests, scripts).',
  })
  registry.registerComponent('securitySchemes', 'sessionCookie', {
    type: 'apiKey',
    in: 'cookie',
    name: sessionCookieName,
    description:
      'The HttpOnly cookie of the browser app on the real server; every change repeats `X-CSRF-Token`.',
  })
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
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
 * Serves the document of every route described in `routes` at `GET /openapi.json` (public). It
 * is generated on the first request, when every route has been added, and kept.
 */
export function addOpenApiDocumentRoute(routes: ContractRoutes<'/api'>): void {
  let document: ReturnType<typeof openApiDocument> | null = null
  addDescribedRoute(routes, documentRoute, async (c) =>
    c.json(await (document ??= openApiDocument(routes.descriptions, '/api'))),
  )
}
