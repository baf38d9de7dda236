import type { Context } from 'hono'
import { z } from 'zod'
import type { AuditEvent } from '../domain/audit-event'
import { findUncleanText, uncleanTextMessage } from '../domain/clean-text'
import { can, permissionDeniedMessage, type Permission } from '../domain/permissions'
import type { OutboxMessage } from '../domain/sending'
import type { User } from '../domain/user'
import type { ListSettings } from './mail/compose-issue-message'
import type { MailPort } from './mail/mail-port'
import type { ImagePort } from './image-port'
import { forbidden, invalid, invalidInput, ProblemError, problemTypes } from './problem'
import type { Session, Store, StoreTx } from './store'

/**
 * How people sign in: the demo picks a person without a password; the real server checks a
 * login name and a password hash, and counts failures per login and per client address.
 */
export type SignInMethod =
  | { method: 'demo' }
  | {
      method: 'password'
      /** `null` for an unknown login: costs the same as a wrong password, never matches. */
      verifyPassword: (passwordHash: string | null, password: string) => Promise<boolean>
      /** A new hash when the stored one is weaker than today's parameters (null: keep it). */
      rehashPassword?: (passwordHash: string, password: string) => Promise<string | null>
      /** The client's address (from the socket, or a trusted proxy header). */
      clientAddress: (c: AppContext) => string
    }

/**
 * How the handler sends mail: SMTP on the real server, the Postausgang in the demo. Without it
 * (no `SMTP_URL`) the server works, and every way of sending explains in German why it cannot.
 */
export interface MailSettings {
  port: MailPort
  /** The sender, e.g. `Stadt Gera – Dezernat Soziales <newsletter@gera.de>`. */
  from: string
  list: ListSettings
  /** Signs the unsubscribe links (HMAC); the same on every server process. */
  secret: string
  /** How long a confirmation link of the sign-up is valid. */
  confirmationHours: number
  /** The demo's Postausgang: what the port received, newest first (absent on the real server). */
  outbox?: () => Promise<OutboxMessage[]>
  /** Called when a send was stored as running, so that the worker starts at once. */
  wakeWorker?: () => void
}

/** What the handler needs from its surroundings; tests pass a fixed clock. */
export interface HandlerDeps {
  signIn: SignInMethod
  /** Where unexpected errors go, with the id that the problem response shows. */
  logError: (errorId: string, error: unknown) => void
  store: Store
  now: () => Date
  newId: () => string
  newToken: () => string
  /** How long a session lasts, in milliseconds. */
  sessionTtlMs: number
  /** A session ends after this long without a request. */
  sessionIdleMs: number
  /**
   * Browsers on the real server keep their session in an HttpOnly cookie (`secure` tells
   * whether the request came over HTTPS or loopback); null: bearer tokens only (the demo, whose
   * service worker cannot set HttpOnly cookies).
   */
  sessionCookie: { secure: (c: AppContext) => boolean } | null
  /** null: no mail server configured (sending, test sends and the sign-up say why not). */
  mail: MailSettings | null
  /**
   * The public address of the server (PUBLIC_URL, no trailing slash): the base of the archive's
   * absolute links and photo addresses. null: the origin of the request is used.
   */
  publicUrl: string | null
  /** Makes the variants of photos: sharp on the server and in tests, canvas in the demo. */
  images: ImagePort
}

export type AppEnv = {
  Variables: { user: User; session: Session; sessionTransport: 'bearer' | 'cookie' }
}
export type AppContext = Context<AppEnv>

/**
 * Parses a JSON request body with a schema; 400 for broken JSON, 422 with field errors otherwise.
 * Whatever the schema lets through is checked once more for NUL characters and lone surrogate
 * halves, which the database would refuse with a 500.
 */
export async function readJson<Schema extends z.ZodType>(
  c: AppContext,
  schema: Schema,
): Promise<z.infer<Schema>> {
  let raw: unknown
  try {
    raw = await c.req.json()
  } catch {
    throw new ProblemError(
      400,
      problemTypes.malformed,
      'Ungültige Anfrage',
      'Der Inhalt der Anfrage ist kein gültiges JSON.',
    )
  }
  const result = schema.safeParse(raw)
  if (!result.success) throw invalidInput(result.error.issues)
  const unclean = findUncleanText(result.data)
  if (unclean !== null) throw invalid([{ path: unclean, message: uncleanTextMessage }])
  return result.data
}

/** Refuses with 403 and the shared German explanation when the user lacks the permission. */
export function requirePermission(user: User, permission: Permission): void {
  if (!can(user.role, permission)) throw forbidden(permissionDeniedMessage(permission))
}

/** Appends an audit event inside the running transaction. */
export function audit(
  deps: HandlerDeps,
  tx: StoreTx,
  event: Omit<AuditEvent, 'id' | 'at' | 'detail'> & { detail?: string | null },
): Promise<void> {
  return tx.appendAudit({
    id: deps.newId(),
    at: deps.now().toISOString(),
    detail: null,
    ...event,
  })
}

/** Parses a positive integer version from a query string value. */
export function versionFromQuery(value: string | undefined): number {
  const result = z.coerce.number().int().positive().safeParse(value)
  if (!result.success) {
    throw invalid([{ path: 'version', message: 'Die Version fehlt oder ist ungültig.' }])
  }
  return result.data
}
