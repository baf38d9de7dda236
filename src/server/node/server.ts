import { readFile } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { resolve } from 'node:path'
import { serve, type HttpBindings } from '@hono/node-server'
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono } from 'hono'
import { secureHeaders } from 'hono/secure-headers'
import { sql, type Kysely } from 'kysely'
import type { Logger } from 'pino'
import { createApp } from '../app'
import type { AppContext } from '../context'
import type { Store } from '../store'
import type { ServerConfig } from './config'
import { openDatabase } from './database'
import type { Database } from './database-schema'
import { DatabaseStore } from './database-store'
import { verifyPassword } from './passwords'
import { prepareDatabase } from './prepare-database'

type ServerEnv = { Bindings: HttpBindings }

/** Hooks for tests: extra routes on the root app (e.g. a reset of the test data), a store wrapper. */
export interface ServerExtensions {
  extend?: (root: Hono<ServerEnv>, db: Kysely<Database>) => void
  wrapStore?: (store: Store) => Store
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

function clientAddress(trustProxy: boolean) {
  return (c: AppContext): string => {
    const bindings = c.env as Partial<HttpBindings> | undefined
    const socket = bindings?.incoming?.socket.remoteAddress ?? 'unbekannt'
    if (!trustProxy) return socket
    const forwarded = c.req.header('X-Forwarded-For')?.split(',')[0]?.trim()
    return forwarded || socket
  }
}

/** The root app: security headers, request log, health checks, the API and the built app. */
export function createServerApp(
  config: ServerConfig,
  db: Kysely<Database>,
  logger: Logger,
  extensions: ServerExtensions = {},
) {
  const api = createApp({
    store: extensions.wrapStore?.(new DatabaseStore(db)) ?? new DatabaseStore(db),
    sessionTtlMs: config.sessionTtlHours * 60 * 60 * 1000,
    signIn: { method: 'password', verifyPassword, clientAddress: clientAddress(config.trustProxy) },
    logError: (errorId, error) => logger.error({ errorId, err: error }, 'Unerwarteter Fehler'),
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
      strictTransportSecurity: config.https ? 'max-age=31536000' : false,
    }),
  )

  root.get('/healthz', (c) => c.json({ status: 'ok' }))
  root.get('/readyz', async (c) => {
    try {
      await sql`select 1`.execute(db)
      return c.json({ status: 'ok', database: 'erreichbar' })
    } catch (error) {
      logger.warn({ err: error }, 'Datenbank nicht erreichbar')
      return c.json({ status: 'nicht bereit', database: 'nicht erreichbar' }, 503)
    }
  })
  root.all('/api/*', (c) => api.fetch(c.req.raw, c.env))
  extensions.extend?.(root, db)

  if (config.distDir) {
    const distDir = config.distDir
    let indexHtml: Promise<string> | null = null
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

/** Opens the database (migrating it), and serves app and API on the configured port. */
export async function startServer(
  config: ServerConfig,
  logger: Logger,
  extensions: ServerExtensions = {},
): Promise<RunningServer> {
  const db = await openDatabase(config.database)
  await prepareDatabase(db)
  const root = createServerApp(config, db, logger, extensions)
  const server = await new Promise<ReturnType<typeof serve>>((resolveServer) => {
    const started = serve({ fetch: root.fetch, port: config.port, hostname: config.host }, () =>
      resolveServer(started),
    )
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
  return {
    url,
    db,
    close: async () => {
      await new Promise<void>((done) => server.close(() => done()))
      await db.destroy()
    },
  }
}
