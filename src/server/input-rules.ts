import type { Context, MiddlewareHandler } from 'hono'
import { tryDecodeURIComponent } from 'hono/utils/url'
import { isCleanText, maxIdLength, uncleanTextMessage } from '../domain/clean-text'
import { invalid, ProblemError, problemResponse, problemTypes } from './problem'

/** Longest value of a query parameter (`q`, `issueId`, `status`, `version`). */
export const maxQueryValueLength = 200

/** True when a path segment can name something: clean and at most `maxIdLength` characters. */
function isUsablePathSegment(segment: string): boolean {
  return segment.length <= maxIdLength && isCleanText(segment)
}

const unknownAddress = () =>
  new ProblemError(404, problemTypes.notFound, 'Nicht gefunden', 'Diese Adresse gibt es nicht.')

const queryName = (name: string) =>
  name.length <= 40 && isCleanText(name) ? name : 'Abfrageparameter'

/**
 * Why the path or query of a request cannot be answered, if they cannot: a path segment (an id)
 * with a NUL character, a lone surrogate half or more than `maxIdLength` characters names
 * nothing (404); such a query value is invalid input (422). Ids and search terms then never
 * reach the database, which would refuse them with an error.
 */
export function pathAndQueryProblem(c: Context): ProblemError | null {
  const segments = new URL(c.req.url).pathname.split('/')
  if (!segments.every((segment) => isUsablePathSegment(tryDecodeURIComponent(segment)))) {
    return unknownAddress()
  }
  for (const [name, values] of Object.entries(c.req.queries())) {
    for (const value of [name, ...values]) {
      if (!isCleanText(value)) {
        return invalid([{ path: queryName(name), message: uncleanTextMessage }])
      }
      if (value.length > maxQueryValueLength) {
        const message =
          name === 'q'
            ? `Der Suchbegriff darf höchstens ${maxQueryValueLength} Zeichen lang sein.`
            : `Der Wert von „${queryName(name)}“ darf höchstens ${maxQueryValueLength} Zeichen lang sein.`
        return invalid([{ path: queryName(name), message }])
      }
    }
  }
  return null
}

/**
 * Middleware: refuses requests whose path or query holds unusable ids or search terms (see
 * `pathAndQueryProblem`) before any route reads them. It answers itself, so it works in front
 * of any app.
 */
export const requestInputRules: MiddlewareHandler = async (c, next) => {
  const problem = pathAndQueryProblem(c)
  if (problem) return problemResponse(c, problem)
  await next()
}
