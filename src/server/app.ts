import { Hono } from 'hono'
import { z } from 'zod'
import { requestBodyRules } from './body-limits'
import { mountRoutes, type ContractRoutes } from './contract'
import { requestInputRules } from './input-rules'
import type { AppEnv, HandlerDeps } from './context'
import { addOpenApiDocumentRoute } from './openapi-document'
import { ProblemError, problemResponse, problemTypes } from './problem'
import { archiveRoutes, publicArchiveRoutes } from './routes/archive'
import { articleRoutes } from './routes/articles'
import { articleVersionRoutes } from './routes/article-versions'
import { notificationRoutes } from './notifications'
import { commentRoutes } from './routes/comments'
import { notificationSettingsRoutes } from './routes/notification-settings'
import { emailDownloadRoutes } from './routes/email-download'
import { issueRoutes } from './routes/issues'
import { mediaRoutes, publicMediaRoutes } from './routes/media'
import { publicationRoutes, publicPublicationRoutes } from './routes/publication'
import { recipientRoutes } from './routes/recipients'
import { sendingRoutes } from './routes/sending'
import { publicSessionRoutes, sessionRoutes } from './routes/session'
import { publicSubscriptionRoutes } from './routes/subscription'
import { workflowRoutes } from './routes/workflow'
import { authenticate } from './session-auth'
import { ConcurrentChange } from './store'

z.config(z.locales.de())

function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32))
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')
}

/** Options of the contract handler; only `store` and `images` are required. */
export type AppOptions = Pick<HandlerDeps, 'store' | 'images'> & Partial<HandlerDeps>

/**
 * The Rundbrief REST contract as one web-standard handler (`app.fetch(Request) → Response`),
 * served by MSW in the browser and in tests, and by the Node server.
 */
export function createApp(options: AppOptions) {
  const deps: HandlerDeps = {
    now: () => new Date(),
    newId: () => crypto.randomUUID(),
    newToken: randomToken,
    sessionTtlMs: 12 * 60 * 60 * 1000,
    sessionIdleMs: 2 * 60 * 60 * 1000,
    sessionCookie: null,
    mail: null,
    publicUrl: null,
    signIn: { method: 'demo' },
    logError: (errorId, error) => console.error(`[rundbrief] Fehler ${errorId}`, error),
    ...options,
  }
  const app = new Hono<AppEnv>().basePath('/api')
  const contract: ContractRoutes<'/api'> = { handlers: app, descriptions: [] }

  app.onError((error, c) => {
    if (error instanceof ProblemError) return problemResponse(c, error)
    if (error instanceof ConcurrentChange) {
      return problemResponse(
        c,
        new ProblemError(
          409,
          problemTypes.concurrentChange,
          'Gleichzeitige Änderung',
          'Jemand hat dieselben Daten im selben Moment geändert. Bitte laden Sie den aktuellen Stand und versuchen Sie es erneut.',
        ),
      )
    }
    const errorId = deps.newId()
    deps.logError(errorId, error)
    return problemResponse(
      c,
      new ProblemError(
        500,
        problemTypes.internal,
        'Interner Fehler',
        `Ein unerwarteter Fehler ist aufgetreten (Fehler-ID ${errorId}).`,
        { errorId },
      ),
    )
  })
  app.notFound((c) =>
    problemResponse(
      c,
      new ProblemError(
        404,
        problemTypes.notFound,
        'Nicht gefunden',
        'Diese Adresse gibt es nicht.',
      ),
    ),
  )

  app.use('*', requestBodyRules)
  app.use('*', requestInputRules)
  addOpenApiDocumentRoute(contract)
  mountRoutes(contract, publicSessionRoutes(deps))
  mountRoutes(contract, publicMediaRoutes(deps))
  mountRoutes(contract, publicSubscriptionRoutes(deps))
  mountRoutes(contract, publicArchiveRoutes(deps))
  mountRoutes(contract, publicPublicationRoutes(deps))

  app.use('*', authenticate(deps))

  mountRoutes(contract, sessionRoutes(deps))
  mountRoutes(contract, publicationRoutes(deps))
  mountRoutes(contract, issueRoutes(deps))
  mountRoutes(contract, workflowRoutes(deps))
  mountRoutes(contract, articleRoutes(deps))
  mountRoutes(contract, articleVersionRoutes(deps))
  mountRoutes(contract, notificationRoutes(deps))
  mountRoutes(contract, commentRoutes(deps))
  mountRoutes(contract, notificationSettingsRoutes(deps))
  mountRoutes(contract, mediaRoutes(deps))
  mountRoutes(contract, recipientRoutes(deps))
  mountRoutes(contract, sendingRoutes(deps))
  mountRoutes(contract, emailDownloadRoutes(deps))
  mountRoutes(contract, archiveRoutes(deps))
  return app
}

/** The contract handler's type. */
export type RundbriefApp = ReturnType<typeof createApp>
