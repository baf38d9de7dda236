import { readFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import type { AddressInfo } from 'node:net'
import { resolve } from 'node:path'
import { serve, type HttpBindings } from '@hono/node-server'
import { sharpImagePort } from './sharp-image-port'
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono, type Context } from 'hono'
import { secureHeaders } from 'hono/secure-headers'
import { sql, type Kysely } from 'kysely'
import type { Logger } from 'pino'
import { archiveFeedPaths, archiveOverviewPath } from '../../domain/archive'
import { createApp } from '../app'
import type { AppContext, MailSettings } from '../context'
import { createIssueSendWorker } from '../issue-send-worker'
import { createNotificationMailWorker } from '../notification-mail-worker'
import { runReminderTick } from '../reminders'
import type { MailPort } from '../mail/mail-port'
import type { Store } from '../store'
import { clientAddressOf } from './client-address'
import type { MailConfig, ServerConfig } from './config'
import { openDatabase } from './database'
import type { Database } from './database-schema'
import { DatabaseStore } from './database-store'
import { loggableError } from './loggable-error'
import { sharedMailSecret } from './mail-secret'
import { rehashPassword, verifyPassword } from './passwords'
import { prepareDatabase } from './prepare-database'
import { startSendLoop, type SendLoop } from './send-loop'
import { smtpMail } from './smtp-mail'
import { startUnconfirmedPurge } from './unconfirmed-purge'
import { startNotificationHistoryPurge } from './notification-history-purge'

type ServerEnv = { Bindings: HttpBindings }

/** What the test hooks may reach of a running server. */
export interface ServerHooks {
  /** Starts a round of the send worker now (no-op without SMTP). */
  wakeSendWorker: () => void
  /** Runs a round of the reminders now, with the server's clock; resolves to how many it made. */
  runReminders: () => Promise<number>
}

/**
 * Hooks for tests: extra routes on the root app (e.g. a reset of the test data), a store wrapper,
 * a clock (for the handler and the send worker, e.g. to let a retry fall due).
 */
export interface ServerExtensions {
  extend?: (root: Hono<ServerEnv>, db: Kysely<Database>, hooks: ServerHooks) => void
  wrapStore?: (store: Store) => Store
  now?: () => Date
  /** How often an idle send worker looks for due messages (default 5 s). */
  sendPollMs?: number
  /** Wraps the SMTP port, e.g. to count what this process handed over. */
  wrapMailPort?: (port: MailPort) => MailPort
  /** How often the reminders are looked for (default: REMINDER_INTERVAL_SECONDS). */
  reminderIntervalMs?: number
}

/** A running Rundbrief server. */
export interface RunningServer {
  url: string
  db: Kysely<Database>
  close(): Promise<void>
}

const contentSecurityPolicy = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  // The previews are srcdoc documents with their own <style>, and e-mail HTML styles inline.
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  frameSrc: ["'self'", 'blob:'],
  workerSrc: ["'self'"],
}

function clientAddress(trustedProxies: number) {
  return (c: AppContext): string => {
    const bindings = c.env as Partial<HttpBindings> | undefined
    const socket = bindings?.incoming?.socket.remoteAddress ?? 'unbekannt'
    return clientAddressOf(socket, c.req.header('X-Forwarded-For'), trustedProxies)
  }
}

/** How long /readyz waits for the database before it answers 503. */
const readinessTimeoutMs = 3000

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`keine Antwort innerhalb von ${ms} ms`)), ms)
  })
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer))
}

/**
 * A write that leaves nothing behind: creating a temporary table is refused by a read-only
 * database (replica, `default_transaction_read_only`) and needs a writable data folder.
 */
async function probeWrite(db: Kysely<Database>): Promise<void> {
  const transaction = await db.startTransaction().execute()
  try {
    await sql`set local statement_timeout = ${sql.lit(readinessTimeoutMs)}`.execute(transaction)
    await sql`create temporary table rundbrief_bereitschaft (geprueft int)`.execute(transaction)
  } finally {
    await transaction.rollback().execute()
  }
}

type Readiness = 'bereit' | 'nicht beschreibbar' | 'nicht erreichbar'

async function checkReadiness(db: Kysely<Database>, logger: Logger): Promise<Readiness> {
  try {
    await withTimeout(probeWrite(db), readinessTimeoutMs)
    return 'bereit'
  } catch (writeError) {
    try {
      await withTimeout(sql`select 1`.execute(db), readinessTimeoutMs)
      logger.warn({ err: loggableError(writeError) }, 'Datenbank nimmt keine Schreibzugriffe an')
      return 'nicht beschreibbar'
    } catch (readError) {
      logger.warn({ err: loggableError(readError) }, 'Datenbank nicht erreichbar')
      return 'nicht erreichbar'
    }
  }
}

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]'])

/**
 * Whether the session cookie gets `Secure`: behind HTTPS always; on loopback too (browsers
 * keep Secure cookies of http://localhost); plain HTTP on a network address cannot keep a Secure
 * cookie, so there it goes without (and the server warns at start, see docs/operations.md).
 */
function cookieIsSecure(https: boolean) {
  return (c: AppContext): boolean => {
    if (https) return true
    const url = new URL(c.req.url)
    return url.protocol === 'https:' || loopbackHosts.has(url.hostname)
  }
}

/** The root app: security headers, request log, health checks, the API and the built app. */
export function createServerApp(
  config: ServerConfig,
  db: Kysely<Database>,
  logger: Logger,
  extensions: ServerExtensions = {},
  mail: MailSettings | null = null,
) {
  const api = createApp({
    images: sharpImagePort,
    store: extensions.wrapStore?.(new DatabaseStore(db)) ?? new DatabaseStore(db),
    mail,
    publicUrl: config.publicUrl,
    ...(extensions.now ? { now: extensions.now } : {}),
    sessionTtlMs: config.sessionTtlHours * 60 * 60 * 1000,
    sessionIdleMs: config.sessionIdleMinutes * 60 * 1000,
    sessionCookie: { secure: cookieIsSecure(config.https) },
    signIn: {
      method: 'password',
      verifyPassword,
      rehashPassword,
      clientAddress: clientAddress(config.trustedProxies),
    },
    logError: (errorId, error) =>
      logger.error({ errorId, err: loggableError(error) }, 'Unerwarteter Fehler'),
  })
  const root = new Hono<ServerEnv>()

  root.use('*', async (c, next) => {
    const started = performance.now()
    const requestId = crypto.randomUUID()
    c.header('X-Request-Id', requestId)
    await next()
    logger.info(
      {
        requestId,
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
      },
      'Anfrage',
    )
  })
  root.use(
    '*',
    secureHeaders({
      contentSecurityPolicy,
      referrerPolicy: 'same-origin',
      // Photos load inside the sandboxed preview frames, whose origin is opaque.
      crossOriginResourcePolicy: false,
      // The same as the CSP's frame-ancestors 'none', for browsers that only know this header.
      xFrameOptions: 'DENY',
      strictTransportSecurity: config.https ? 'max-age=31536000' : false,
    }),
  )

  // Answers about people and drafts stay out of browser and proxy caches; photo files (immutable
  // by id) set their own Cache-Control.
  root.use('/api/*', async (c, next) => {
    await next()
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store')
  })
  root.get('/healthz', (c) => {
    c.header('Cache-Control', 'no-store')
    return c.json({ status: 'ok' })
  })
  root.get('/readyz', async (c) => {
    c.header('Cache-Control', 'no-store')
    const readiness = await checkReadiness(db, logger)
    return readiness === 'bereit'
      ? c.json({ status: 'ok', database: 'beschreibbar' })
      : c.json({ status: 'nicht bereit', database: readiness }, 503)
  })
  root.all('/api/*', (c) => api.fetch(c.req.raw, c.env))
  // The public archive: pages, Übersicht and feeds come from the handler, before the app's
  // fallback; the security headers above (CSP without inline script) hold for them too.
  const archiveFromApi = (c: Context<ServerEnv>, apiPath: string) => {
    const url = new URL(c.req.url)
    url.pathname = apiPath
    const headers = new Headers()
    const ifNoneMatch = c.req.header('If-None-Match')
    if (ifNoneMatch) headers.set('If-None-Match', ifNoneMatch)
    return api.fetch(new Request(url, { method: c.req.method, headers }), c.env)
  }
  root.on(['GET', 'HEAD'], archiveOverviewPath, (c) =>
    archiveFromApi(c, '/api/archive/overview.html'),
  )
  root.on(['GET', 'HEAD'], `${archiveOverviewPath}/`, (c) => c.redirect(archiveOverviewPath, 301))
  root.on(['GET', 'HEAD'], archiveFeedPaths.rss, (c) => archiveFromApi(c, '/api/archive/rss.xml'))
  root.on(['GET', 'HEAD'], archiveFeedPaths.atom, (c) => archiveFromApi(c, '/api/archive/atom.xml'))
  root.on(['GET', 'HEAD'], `${archiveOverviewPath}/:slug`, (c) =>
    archiveFromApi(c, `/api/archive/${encodeURIComponent(c.req.param('slug'))}`),
  )
  extensions.extend?.(root, db, {
    wakeSendWorker: () => mail?.wakeWorker?.(),
    runReminders: () =>
      runReminderTick({
        store: new DatabaseStore(db),
        now: extensions.now ?? (() => new Date()),
        newId: () => crypto.randomUUID(),
        mail,
        publicUrl: config.publicUrl,
      }),
  })

  if (config.distDir) {
    const distDir = config.distDir
    let indexHtml: Promise<string> | null = null
    // Source maps (built as "hidden", for our own debugging) are not published.
    root.get('*', async (c, next) => (c.req.path.endsWith('.map') ? c.notFound() : next()))
    root.use(
      '/assets/*',
      async (c, next) => {
        await next()
        if (c.res.ok) c.header('Cache-Control', 'public, max-age=31536000, immutable')
      },
      serveStatic({ root: distDir }),
    )
    root.use(
      '*',
      serveStatic({
        root: distDir,
        onFound: (path, c) => {
          if (path.endsWith('.html')) c.header('Cache-Control', 'no-cache')
        },
      }),
    )
    root.get('*', async (c) => {
      indexHtml ??= readFile(resolve(distDir, 'index.html'), 'utf8')
      c.header('Cache-Control', 'no-cache')
      return c.html(await indexHtml)
    })
  }
  return root
}

/**
 * A taken batch must be through well within the lease (10 minutes), or another process would
 * take it again: at the configured rate a batch takes at most about 10 seconds.
 */
export function sendBatchSize(config: Pick<MailConfig, 'perMinute' | 'poolSize'>): number {
  return Math.max(config.poolSize, Math.min(200, Math.floor(config.perMinute / 6)))
}

/** The SMTP port and the list settings, and the link key (MAIL_SECRET or the shared one). */
async function mailSettingsOf(
  config: MailConfig,
  db: Kysely<Database>,
  extensions: ServerExtensions,
  wakeWorker: () => void,
): Promise<MailSettings> {
  const port = smtpMail({
    url: config.smtpUrl,
    perMinute: config.perMinute,
    connections: config.poolSize,
    ...(config.dkim ? { dkim: config.dkim } : {}),
  })
  return {
    port: extensions.wrapMailPort?.(port) ?? port,
    from: config.from,
    list: {
      publicUrl: config.publicUrl,
      listId: config.listId,
      listName: config.listName,
      unsubscribeMailbox: config.unsubscribeMailbox,
      messageDomain: config.messageDomain,
    },
    secret: config.secret ?? (await sharedMailSecret(db)),
    confirmationHours: config.confirmationHours,
    wakeWorker,
  }
}

/**
 * Unique per process, also across hosts and restarts: a delivery taken by this process is
 * completed only by it (see docs/decisions/0009-send-queue.md).
 */
function newWorkerId(): string {
  return `${hostname()}:${process.pid}:${crypto.randomUUID().slice(0, 8)}`
}

/** Opens the database (migrating it), and serves app and API on the configured port. */
export async function startServer(
  config: ServerConfig,
  logger: Logger,
  extensions: ServerExtensions = {},
): Promise<RunningServer> {
  const db = await openDatabase(config.database, (error) =>
    logger.warn({ err: error }, 'Verbindung zur Datenbank abgebrochen'),
  )
  let server: ReturnType<typeof serve>
  let mail: MailSettings | null = null
  let sendLoop: SendLoop | null = null
  let notificationMailLoop: SendLoop | null = null
  const now = extensions.now ?? (() => new Date())
  try {
    await prepareDatabase(db)
    if (config.mail)
      mail = await mailSettingsOf(config.mail, db, extensions, () => sendLoop?.wake())
    const root = createServerApp(config, db, logger, extensions, mail)
    server = await new Promise<ReturnType<typeof serve>>((resolveServer, reject) => {
      const started = serve({ fetch: root.fetch, port: config.port, hostname: config.host }, () =>
        resolveServer(started),
      )
      started.once('error', reject)
    })
  } catch (error) {
    await mail?.port.close().catch(() => {})
    await db.destroy().catch(() => {})
    throw error
  }
  if (config.mail && mail) {
    const workerId = newWorkerId()
    const worker = createIssueSendWorker({
      store: new DatabaseStore(db),
      mail,
      now,
      newId: () => crypto.randomUUID(),
      workerId,
      batchSize: sendBatchSize(config.mail),
      parallel: config.mail.poolSize,
    })
    sendLoop = startSendLoop(worker, {
      pollMs: extensions.sendPollMs ?? 5000,
      onError: (error) =>
        logger.error({ err: loggableError(error), workerId }, 'Versand: Runde fehlgeschlagen'),
    })
    notificationMailLoop = startSendLoop(
      createNotificationMailWorker({ store: new DatabaseStore(db), mail, now, workerId }),
      {
        pollMs: extensions.sendPollMs ?? 5000,
        onError: (error) =>
          logger.error(
            { err: loggableError(error), workerId },
            'Benachrichtigungen per E-Mail: Runde fehlgeschlagen',
          ),
      },
    )
  } else {
    logger.info(
      'SMTP_URL ist nicht gesetzt: Rundbrief sendet keine E-Mails (Versand, Testversand und Anmeldung erklären das).',
    )
  }
  const reminderMail = mail
  // a round looks at every issue and makes what is due; it never takes a full batch, so the
  // loop waits its interval between rounds (docs/decisions/0016-reminders.md)
  const reminderLoop = startSendLoop(
    {
      batchSize: 1,
      runOnce: async () => {
        const made = await runReminderTick({
          store: new DatabaseStore(db),
          now,
          newId: () => crypto.randomUUID(),
          mail: reminderMail,
          publicUrl: config.publicUrl,
        })
        if (made > 0) notificationMailLoop?.wake()
        return 0
      },
    },
    {
      pollMs: extensions.reminderIntervalMs ?? config.reminderIntervalSeconds * 1000,
      onError: (error) =>
        logger.error({ err: loggableError(error) }, 'Erinnerungen: Runde fehlgeschlagen'),
    },
  )
  // expired sign-ups and notification history, deleted hourly in every process
  const purgeIntervalMs = 60 * 60_000
  const unconfirmedPurge = startUnconfirmedPurge({
    store: new DatabaseStore(db),
    now,
    intervalMs: purgeIntervalMs,
    onPurged: (count) => logger.info({ count }, 'Nie bestätigte Anmeldungen nach 7 Tagen gelöscht'),
    onError: (error) =>
      logger.error(
        { err: loggableError(error) },
        'Löschen nie bestätigter Anmeldungen fehlgeschlagen',
      ),
  })
  const notificationHistoryPurge = startNotificationHistoryPurge({
    store: new DatabaseStore(db),
    now,
    intervalMs: purgeIntervalMs,
    onPurged: (purged) =>
      logger.info(
        purged,
        'Alte Benachrichtigungen, Benachrichtigungs-E-Mails und Erinnerungsvermerke gelöscht',
      ),
    onError: (error) =>
      logger.error(
        { err: loggableError(error) },
        'Löschen alter Benachrichtigungen, Benachrichtigungs-E-Mails und Erinnerungsvermerke fehlgeschlagen',
      ),
  })
  const { port } = server.address() as AddressInfo
  const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`
  logger.info(
    {
      url,
      database: config.database.kind,
      dataDir: config.database.kind === 'pglite' ? config.database.dataDir : undefined,
    },
    'Rundbrief läuft',
  )
  if (!config.https && !loopbackHosts.has(config.host)) {
    logger.warn(
      'HTTPS ist nicht gesetzt: Browser erhalten das Sitzungs-Cookie über eine Netzwerkadresse ohne „Secure“. ' +
        'Betreiben Sie Rundbrief hinter einem HTTPS-Proxy und setzen Sie HTTPS=1.',
    )
  }
  return {
    url,
    db,
    close: async () => {
      await new Promise<void>((done) => server.close(() => done()))
      await Promise.all([
        sendLoop?.stop(),
        notificationMailLoop?.stop(),
        reminderLoop.stop(),
        unconfirmedPurge.stop(),
        notificationHistoryPurge.stop(),
      ])
      await mail?.port.close()
      await db.destroy()
    },
  }
}
