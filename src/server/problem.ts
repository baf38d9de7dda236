import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { fieldErrorList, fieldErrors, type FieldError } from '../domain/field-errors'

/** Problem types of the contract (RFC 9457 `type` members). */
export const problemTypes = {
  unauthenticated: '/probleme/nicht-angemeldet',
  forbidden: '/probleme/keine-berechtigung',
  notFound: '/probleme/nicht-gefunden',
  versionConflict: '/probleme/versionskonflikt',
  locked: '/probleme/gesperrt',
  wrongState: '/probleme/falscher-status',
  assigned: '/probleme/beitrag-zugeordnet',
  inTrash: '/probleme/im-papierkorb',
  concurrentChange: '/probleme/gleichzeitige-aenderung',
  invalid: '/probleme/ungueltige-eingabe',
  malformed: '/probleme/ungueltiges-json',
  tooLarge: '/probleme/datei-zu-gross',
  unsupportedType: '/probleme/dateityp-nicht-erlaubt',
  internal: '/probleme/interner-fehler',
  wrongCredentials: '/probleme/anmeldung-fehlgeschlagen',
  tooManyAttempts: '/probleme/zu-viele-versuche',
  unsupportedMediaType: '/probleme/nur-json',
  mailUnavailable: '/probleme/kein-mailserver',
  tooManyRequests: '/probleme/zu-viele-anfragen',
  linkExpired: '/probleme/link-abgelaufen',
} as const

/** Thrown inside a route to answer with problem+json. */
export class ProblemError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly type: string,
    readonly title: string,
    readonly detail: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail)
  }
}

/** Answers a ProblemError as `application/problem+json`. */
export function problemResponse(c: Context, problem: ProblemError): Response {
  return c.body(
    JSON.stringify({
      type: problem.type,
      title: problem.title,
      status: problem.status,
      detail: problem.detail,
      instance: new URL(c.req.url).pathname,
      ...problem.extra,
    }),
    problem.status,
    { 'Content-Type': 'application/problem+json; charset=utf-8' },
  )
}

export const notFound = (what: string) =>
  new ProblemError(404, problemTypes.notFound, 'Nicht gefunden', `${what} wurde nicht gefunden.`)

/** Why nothing can be sent without a mail server, in the words the pages show. */
export const noMailServerMessage =
  'Es ist kein Mailserver eingerichtet (SMTP_URL). Bitte wenden Sie sich an die IT; bis dahin kann nichts versendet werden.'

export const mailUnavailable = () =>
  new ProblemError(503, problemTypes.mailUnavailable, 'Kein Mailserver', noMailServerMessage)

export const forbidden = (detail: string) =>
  new ProblemError(403, problemTypes.forbidden, 'Keine Berechtigung', detail)

export const versionConflict = (current: unknown) =>
  new ProblemError(
    409,
    problemTypes.versionConflict,
    'Versionskonflikt',
    'Jemand anderes hat diesen Stand inzwischen geändert. Bitte die neuere Fassung prüfen.',
    { current },
  )

export const invalid = (errors: FieldError[]) =>
  new ProblemError(
    422,
    problemTypes.invalid,
    'Ungültige Eingabe',
    errors.map((error) => error.message).join(' '),
    { errors },
  )

/** The 422 answer to input a domain schema refused, with the same messages the forms show. */
export const invalidInput = (issues: Parameters<typeof fieldErrors>[0]) =>
  invalid(fieldErrorList(fieldErrors(issues)))
