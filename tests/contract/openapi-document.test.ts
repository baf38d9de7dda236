import { readFileSync } from 'node:fs'
import { Validator } from '@seriousme/openapi-schema-validator'
import { describe, expect, it } from 'vitest'
import { MemoryStore } from '../../mocks/memory-store'
import { createSeedState } from '../../mocks/seed/august-2018'
import type { Backend } from '../../src/backend/backend'
import { createHttpBackend } from '../../src/backend/http-backend'
import { createApp, type AppOptions } from '../../src/server/app'
import { sharpImagePort } from '../../src/server/node/sharp-image-port'

/*
 * The contract is described once (the route descriptions in src/server/routes) and everything
 * else is held to that description: the document served at /api/openapi.json is valid OpenAPI
 * 3.1, the handler has exactly the routes the document names, docs/api.md names exactly these
 * endpoints, and HttpBackend asks only for documented ones.
 */

const origin = 'http://rundbrief.test'
const methods = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const

const signInMethods: Record<string, AppOptions['signIn']> = {
  demo: { method: 'demo' },
  password: {
    method: 'password',
    verifyPassword: async () => false,
    clientAddress: () => '127.0.0.1',
  },
}

function appWith(signIn: AppOptions['signIn']) {
  return createApp({
    store: new MemoryStore(createSeedState(), new Map()),
    images: sharpImagePort,
    signIn,
  })
}

interface OpenApiDocument {
  openapi: string
  paths: Record<string, Partial<Record<(typeof methods)[number], { security?: unknown[] }>>>
}

async function servedDocument(app: ReturnType<typeof createApp>): Promise<OpenApiDocument> {
  const response = await app.fetch(new Request(`${origin}/api/openapi.json`))
  expect(response.status).toBe(200)
  expect(response.headers.get('Content-Type')).toMatch(/^application\/json/)
  return (await response.json()) as OpenApiDocument
}

interface Endpoint {
  method: string
  /** As the document writes it: `/api/issues/{id}`. */
  path: string
}
const named = ({ method, path }: Endpoint) => `${method} ${path}`

/** Every operation of the document. */
function operations(document: OpenApiDocument) {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    methods.flatMap((method) => {
      const operation = item[method]
      return operation ? [{ method: method.toUpperCase(), path, operation }] : []
    }),
  )
}

/** "GET /api/issues/{id}" for every operation of the document. */
const documentedEndpoints = (document: OpenApiDocument): string[] => operations(document).map(named)

/** "GET /api/issues/{id}" for every route of the handler (middleware, registered as ALL, left out). */
function registeredEndpoints(app: ReturnType<typeof createApp>): string[] {
  return app.routes
    .filter((route) => route.method !== 'ALL')
    .map((route) => `${route.method} ${route.path.replace(/:(\w+)/g, '{$1}')}`)
}

const sorted = (list: string[]) => [...new Set(list)].sort()

describe.each(Object.entries(signInMethods))('OpenAPI-Dokument (Anmeldung: %s)', (_, signIn) => {
  it('wird ohne Anmeldung unter /api/openapi.json ausgeliefert und ist gültiges OpenAPI 3.1', async () => {
    const document = await servedDocument(appWith(signIn))
    expect(document.openapi).toBe('3.1.0')
    const validator = new Validator()
    const result = await validator.validate(document as never)
    expect(result.errors ?? []).toEqual([])
    expect(result.valid).toBe(true)
    expect(validator.version).toBe('3.1')
  })

  it('beschreibt genau die Routen, die der Handler hat', async () => {
    const app = appWith(signIn)
    const document = await servedDocument(app)
    expect(sorted(registeredEndpoints(app))).toEqual(sorted(documentedEndpoints(document)))
  })

  it('bemerkt eine Route, die das Dokument nicht beschreibt', async () => {
    const app = appWith(signIn)
    app.get('/undokumentiert', (c) => c.json({}))
    const document = await servedDocument(app)
    expect(sorted(registeredEndpoints(app))).not.toEqual(sorted(documentedEndpoints(document)))
  })

  it('nennt nur Routen ohne Sitzung, die wirklich öffentlich sind', async () => {
    const app = appWith(signIn)
    const document = await servedDocument(app)
    for (const { method, path, operation } of operations(document)) {
      const endpoint = named({ method, path })
      const response = await app.fetch(
        new Request(`${origin}${path.replace('{id}', 'gibt-es-nicht')}`, {
          method,
          ...(method === 'GET' || method === 'DELETE'
            ? {}
            : { headers: { 'Content-Type': 'application/json' }, body: '{}' }),
        }),
      )
      const isPublic = operation.security?.length === 0
      expect({ endpoint, unauthenticated: response.status === 401 }).toEqual({
        endpoint,
        unauthenticated: !isPublic,
      })
    }
  })
})

describe('docs/api.md', () => {
  const apiMd = readFileSync(new URL('../../docs/api.md', import.meta.url), 'utf8')
  /** Every "METHOD /api/path" the text names, with `:id` as `{id}` and without the query. */
  const namedInText = sorted(
    [...apiMd.matchAll(/\b(GET|POST|PUT|PATCH|DELETE) (\/api\/[\w\-/:.{}]*)/g)].map(
      ([, method = '', path = '']) => named({ method, path: path.replace(/:(\w+)/g, '{$1}') }),
    ),
  )

  it('nennt jeden Endpunkt des Dokuments und keinen anderen', async () => {
    const documented = sorted([
      ...documentedEndpoints(await servedDocument(appWith(signInMethods.demo))),
      ...documentedEndpoints(await servedDocument(appWith(signInMethods.password))),
    ])
    expect(namedInText).toEqual(documented)
  })
})

describe('HttpBackend', () => {
  /** Every method of the Backend interface, called once; the compiler insists on all of them. */
  const calls: Record<keyof Backend, (backend: Backend) => unknown> = {
    getSignInMethod: (b) => b.getSignInMethod(),
    login: (b) => b.login('frank-ruehling'),
    loginWithPassword: (b) => b.loginWithPassword('frank', 'geheim'),
    getSession: (b) => b.getSession(),
    logout: (b) => b.logout(),
    listUsers: (b) => b.listUsers(),
    getPublicationName: (b) => b.getPublicationName(),
    getPublication: (b) => b.getPublication(),
    updatePublication: (b) => b.updatePublication({} as never),
    updateLayout: (b) => b.updateLayout({} as never),
    listIssues: (b) => b.listIssues(),
    createIssue: (b) => b.createIssue({} as never),
    getIssue: (b) => b.getIssue('ausgabe 1/2'),
    updateIssue: (b) => b.updateIssue('ausgabe', { version: 1 }),
    arrangeIssue: (b) => b.arrangeIssue('ausgabe', { version: 1, articleIds: [] }),
    submitIssue: (b) => b.submitIssue('ausgabe', { version: 1 }),
    approveIssue: (b) => b.approveIssue('ausgabe', { version: 1 }),
    requestChanges: (b) => b.requestChanges('ausgabe', { version: 1, comment: 'x' }),
    reopenIssue: (b) => b.reopenIssue('ausgabe', { version: 1 }),
    publishIssue: (b) => b.publishIssue('ausgabe', { version: 1 }),
    unpublishIssue: (b) => b.unpublishIssue('ausgabe', { version: 1, reason: 'x' }),
    getIssueHistory: (b) => b.getIssueHistory('ausgabe'),
    listArticles: (b) => b.listArticles({ issueId: 'none', status: 'ready', q: 'Sozial' }),
    createArticle: (b) => b.createArticle({ headline: 'x' }),
    getArticle: (b) => b.getArticle('beitrag'),
    updateArticle: (b) => b.updateArticle('beitrag', { version: 1 }),
    deleteArticle: (b) => b.deleteArticle('beitrag', 1),
    listTrash: (b) => b.listTrash(),
    restoreArticle: (b) => b.restoreArticle('beitrag'),
    listArticleVersions: (b) => b.listArticleVersions('beitrag'),
    getArticleVersion: (b) => b.getArticleVersion('beitrag', 2),
    restoreArticleVersion: (b) => b.restoreArticleVersion('beitrag', 2, { version: 3 }),
    uploadMedia: (b) => b.uploadMedia(new Blob(['x']), 'foto.png'),
    getMedia: (b) => b.getMedia('foto'),
    mediaFileUrl: (b) => fetch(b.mediaFileUrl('foto')),
    getMediaFile: (b) => b.getMediaFile('foto'),
    listRecipients: (b) => b.listRecipients({ q: 'gera', status: 'confirmed' }),
    addRecipient: (b) => b.addRecipient({ email: 'a@gera.de' }),
    deleteRecipient: (b) => b.deleteRecipient('empfaenger'),
    importRecipients: (b) => b.importRecipients({ file: '', commit: false }),
    exportRecipients: (b) => b.exportRecipients(),
    getSubscriptionInfo: (b) => b.getSubscriptionInfo(),
    subscribe: (b) => b.subscribe({ email: 'a@gera.de', consent: true, consentVersion: '1' }),
    confirmSubscription: (b) => b.confirmSubscription('token'),
    getUnsubscribeInfo: (b) => b.getUnsubscribeInfo('token'),
    unsubscribe: (b) => b.unsubscribe('token'),
    testSendIssue: (b) => b.testSendIssue('ausgabe', { addresses: ['a@gera.de'] }),
    getSendPreview: (b) => b.getSendPreview('ausgabe'),
    startSend: (b) => b.startSend('ausgabe', { version: 1, fingerprint: 'f' }),
    listSends: (b) => b.listSends('ausgabe'),
    getSend: (b) => b.getSend('versand'),
    pauseSend: (b) => b.pauseSend('versand'),
    resumeSend: (b) => b.resumeSend('versand'),
    listOutbox: (b) => b.listOutbox(),
    downloadIssueEmail: (b) => b.downloadIssueEmail('ausgabe'),
    listArchive: (b) => b.listArchive(),
    getArchivePage: (b) => b.getArchivePage('2018-08'),
    getIssueArchive: (b) => b.getIssueArchive('ausgabe'),
    withdrawFromArchive: (b) => b.withdrawFromArchive('ausgabe', { reason: 'x' }),
    restoreToArchive: (b) => b.restoreToArchive('ausgabe'),
    listNotifications: (b) => b.listNotifications(),
    markNotificationRead: (b) => b.markNotificationRead('benachrichtigung'),
    markAllNotificationsRead: (b) => b.markAllNotificationsRead(),
    listCommentThreads: (b) => b.listCommentThreads('beitrag'),
    createCommentThread: (b) =>
      b.createCommentThread('beitrag', {
        threadId: 'faden',
        text: 'x',
        body: { type: 'doc', content: [] },
        version: 1,
      }),
    replyToCommentThread: (b) => b.replyToCommentThread('faden', { text: 'x' }),
    editComment: (b) => b.editComment('kommentar', { text: 'x' }),
    deleteComment: (b) => b.deleteComment('kommentar'),
    resolveCommentThread: (b) => b.resolveCommentThread('faden'),
    reopenCommentThread: (b) => b.reopenCommentThread('faden'),
    openCommentCounts: (b) => b.openCommentCounts(),
    getNotificationSettings: (b) => b.getNotificationSettings(),
    updateNotificationSettings: (b) =>
      b.updateNotificationSettings({ emailEnabled: true, remindersEnabled: true }),
  }

  /** `/api/issues/{id}` as a pattern that matches one path segment for each parameter. */
  const pathPattern = (template: string) => new RegExp(`^${template.replace(/\{\w+\}/g, '[^/]+')}$`)

  it.each(Object.entries(signInMethods))(
    'fragt nur Endpunkte, die das Dokument beschreibt (Anmeldung: %s)',
    async (_, signIn) => {
      const documented = operations(await servedDocument(appWith(signIn)))
      const requested: Endpoint[] = []
      const recordingFetch: typeof fetch = async (input, init) => {
        const url = new URL(input instanceof Request ? input.url : String(input))
        requested.push({ method: init?.method ?? 'GET', path: url.pathname })
        return new Response(null, { status: 599 })
      }
      const backend = createHttpBackend({
        baseUrl: `${origin}/api`,
        getToken: () => 'token',
        fetch: recordingFetch,
      })
      const fetchBefore = globalThis.fetch
      globalThis.fetch = recordingFetch
      try {
        for (const call of Object.values(calls)) {
          await Promise.resolve(call(backend)).catch(() => undefined)
        }
      } finally {
        globalThis.fetch = fetchBefore
      }
      expect(requested).toHaveLength(Object.keys(calls).length)
      const undocumented = requested.filter(
        (request) =>
          !documented.some(
            (endpoint) =>
              endpoint.method === request.method && pathPattern(endpoint.path).test(request.path),
          ),
      )
      expect(undocumented).toEqual([])
    },
  )
})
