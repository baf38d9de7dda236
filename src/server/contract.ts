import type { RouteConfig } from '@asteasolutions/zod-to-openapi'
import { Hono, type Handler } from 'hono'
import type { BlankSchema } from 'hono/types'
import { z } from 'zod'
import { articleSchema } from '../domain/article'
import { auditEventSchema } from '../domain/audit-event'
import { idSchema } from '../domain/clean-text'
import { issueSchema } from '../domain/issue'
import { mediaSchema } from '../domain/media'
import { publicationSchema } from '../domain/publication'
import { trashedArticleSchema } from '../domain/trash'
import { userSchema } from '../domain/user'
import { readJson, type AppContext, type AppEnv } from './context'

/*
 * The REST contract is described once, here and in the route files: every route is a
 * description (method, path, parameters, body and answers, all with the domain's zod schemas;
 * zod-to-openapi's `RouteConfig`) registered together with its handler by `addDescribedRoute`.
 * `GET /api/openapi.json` serves the OpenAPI 3.1 document generated from these descriptions
 * (`openapi-document.ts`, which loads the generator only when asked). See
 * docs/decisions/0008-contract-described-once.md.
 *
 * The domain schemas stay plain zod: the ids that name them as components (`.meta({ id })`) are
 * added to copies here, on the server, so that the browser bundle does not carry them.
 */

/** `/issues/{id}` (OpenAPI) as Hono writes it: `/issues/:id`. */
type HonoPath<Path extends string> = Path extends `${infer Start}/{${infer Param}}${infer Rest}`
  ? `${Start}/:${Param}${HonoPath<Rest>}`
  : Path

const honoPath = (path: string) => path.replaceAll(/\/\{(\w+)\}/g, '/:$1')

/** A route's description, its literal path kept so that the handler's path parameters are typed. */
export const describeRoute = <Path extends string, Route extends RouteConfig & { path: Path }>(
  route: Route,
): Route => route

/** A group of routes: their handlers, and their descriptions for the OpenAPI document. */
export interface ContractRoutes<BasePath extends string = '/'> {
  readonly handlers: Hono<AppEnv, BlankSchema, BasePath>
  readonly descriptions: RouteConfig[]
}

export const contractRoutes = (): ContractRoutes => ({
  handlers: new Hono<AppEnv>(),
  descriptions: [],
})

/** Adds a group's handlers and descriptions to `target` (both at the same path). */
export function mountRoutes<BasePath extends string>(
  target: ContractRoutes<BasePath>,
  group: ContractRoutes,
): void {
  target.handlers.route('/', group.handlers)
  target.descriptions.push(...group.descriptions)
}

/**
 * Registers a route's description and its handler at the described method and path. Unlike
 * `OpenAPIHono.openapi` of @hono/zod-openapi it adds no validators: the handler checks its input
 * as before (`readBody`, after the permission check, with the German messages and the problem
 * format of the contract), which the library's validators would change.
 */
export function addDescribedRoute<Route extends RouteConfig, BasePath extends string>(
  routes: ContractRoutes<BasePath>,
  route: Route,
  handler: Handler<AppEnv, HonoPath<Route['path']>>,
): void {
  routes.descriptions.push(route)
  routes.handlers.on(route.method.toUpperCase(), honoPath(route.path), handler as Handler<AppEnv>)
}

interface JsonBody<Schema extends z.ZodType> {
  required: true
  description?: string
  content: { 'application/json': { schema: Schema } }
}

/** A required JSON request body of `schema`. */
export const jsonBody = <Schema extends z.ZodType>(
  schema: Schema,
  description?: string,
): JsonBody<Schema> => ({
  required: true,
  ...(description ? { description } : {}),
  content: { 'application/json': { schema } },
})

/** Parses the request body with the schema its route describes (see `readJson`). */
export function readBody<Schema extends z.ZodType>(
  c: AppContext,
  route: { request: { body: JsonBody<Schema> } },
): Promise<z.infer<Schema>> {
  return readJson(c, route.request.body.content['application/json'].schema)
}

// Components: copies of the domain schemas with the names the document gives them.
export const userComponent = userSchema.meta({ id: 'User' })
export const publicationComponent = publicationSchema.meta({ id: 'Publication' })
export const issueComponent = issueSchema.meta({ id: 'Issue' })
export const articleComponent = articleSchema.meta({ id: 'Article' })
export const trashedArticleComponent = trashedArticleSchema.meta({ id: 'TrashedArticle' })
export const mediaComponent = mediaSchema.meta({ id: 'Media' })
export const auditEventComponent = auditEventSchema.meta({ id: 'AuditEvent' })

/** `{id}` in a path: an id of at most 200 clean characters (others are answered with 404). */
export const idParams = z.object({ id: idSchema() })

/** A route that needs no session (the document's default is: a session is needed). */
export const publicRoute = { security: [] }

/** A 200 (or other) answer with a JSON body. */
export const jsonAnswer = <Schema extends z.ZodType>(schema: Schema, description: string) => ({
  description,
  content: { 'application/json': { schema } },
})

const fieldErrorSchema = z.object({
  path: z.string().meta({ description: 'Dotted field path, e.g. `impressum.email`.' }),
  message: z.string().meta({ description: 'What is wrong, in German, for the user.' }),
})

/** An RFC 9457 problem document as every error answer sends it. */
const problemSchema = z
  .object({
    type: z.string().meta({ description: 'One of the `/probleme/…` types in docs/api.md.' }),
    title: z.string(),
    status: z.int(),
    detail: z.string().meta({ description: 'German, meant for the user.' }),
    instance: z.string().meta({ description: 'The path of the request.' }),
  })
  .meta({ id: 'Problem' })

const invalidInputProblemSchema = problemSchema
  .extend({ errors: z.array(fieldErrorSchema).min(1) })
  .meta({ id: 'InvalidInputProblem' })

/** An error answer: a problem document of `schema`. */
export const problemAnswer = (description: string, schema: z.ZodType = problemSchema) => ({
  description,
  content: { 'application/problem+json': { schema } },
})

/** 401 of every route that needs a session. */
export const unauthenticatedAnswer = {
  401: problemAnswer(
    'No session, or an unknown, expired or idle one (`/probleme/nicht-angemeldet`).',
  ),
}

/** 403: the role lacks the permission (a cookie session without its CSRF token gets it too). */
export const forbiddenAnswer = (
  description = 'The role may not do this (`/probleme/keine-berechtigung`; also a cookie session without `X-CSRF-Token`).',
) => ({ 403: problemAnswer(description) })

/** 404: the resource named in the path does not exist. */
export const notFoundAnswer = (
  description = 'Not found (`/probleme/nicht-gefunden`), also for an id that is no usable id.',
) => ({ 404: problemAnswer(description) })

/** 409 with `current`, the resource as stored now, when the `version` sent is not the stored one. */
export const conflictAnswer = (current: z.ZodType, description: string) => ({
  409: problemAnswer(description, problemSchema.extend({ current: current.optional() })),
})

/** 422 with the German message per field. */
export const invalidAnswer = (
  description = 'Invalid input (`/probleme/ungueltige-eingabe`); `errors` names each field with its German message.',
) => ({ 422: problemAnswer(description, invalidInputProblemSchema) })

/** The answers of a route that reads a JSON body: not JSON, too large, not declared JSON, invalid. */
export const jsonBodyAnswers = (invalidDescription?: string) => ({
  400: problemAnswer('The body is not JSON (`/probleme/ungueltiges-json`).'),
  413: problemAnswer('The body is larger than 2 MB (`/probleme/datei-zu-gross`).'),
  415: problemAnswer('The body is not declared as JSON (`/probleme/nur-json`).'),
  ...invalidAnswer(invalidDescription),
})

/** 429 of a sign-in while failed attempts are throttled. */
export const tooManyAttemptsAnswer = {
  429: problemAnswer(
    'Too many failed sign-ins (`/probleme/zu-viele-versuche`); wait `retryAfterSeconds` (also in `Retry-After`).',
    problemSchema.extend({ retryAfterSeconds: z.int().positive() }),
  ),
}
