import type { z } from 'zod'
import { ApiError, ConflictError, NetworkError, ResponseFormatError } from './api-error'
import type { RecipientQuery } from '../domain/sending'
import type { Media } from '../domain/media'
import type { ArticleQuery, Backend } from './backend'
import type { Problem, ResponseSchemas } from './response-schemas'

/** Options of the fetch-based backend adapter. */
export interface HttpBackendOptions {
  /** Base URL of the API, e.g. "/api" or "https://rundbrief.gera.de/api". */
  baseUrl: string
  /** The bearer token of the current session, or null. */
  getToken: () => string | null
  /**
   * `cookie` (the browser app on the real server): the session lives in an HttpOnly cookie the
   * app cannot read, and every change repeats the session's CSRF token. `bearer` (default):
   * the token from `getToken` goes in the Authorization header (demo, tests, scripts).
   */
  session?: 'bearer' | 'cookie'
  fetch?: typeof fetch
  /** A request without an answer after this long fails as a network error (default 30 s; uploads 4×). */
  timeoutMs?: number
}

interface RequestOptions<T> {
  method?: string
  headers?: Record<string, string>
  body?: unknown
  form?: FormData
  schema: ((schemas: ResponseSchemas) => z.ZodType<T>) | null
  conflictSchema?: (schemas: ResponseSchemas) => z.ZodType
}

let schemasLoading: Promise<ResponseSchemas> | undefined

/**
 * The response schemas (with zod) are loaded with the first request instead of with the app, in
 * parallel with it; a failed load is tried again with the next request.
 */
function loadResponseSchemas(): Promise<ResponseSchemas> {
  schemasLoading ??= import('./response-schemas').then(
    (module) => module.responseSchemas,
    (error: unknown) => {
      schemasLoading = undefined
      throw new NetworkError(error)
    },
  )
  return schemasLoading
}
const safeMethods = ['GET', 'HEAD', 'OPTIONS']

/**
 * What the app keeps for a cookie session: no credential, only a note that this person is signed
 * in on this device (so that a reload asks the server instead of showing Anmelden).
 */
export const cookieSessionMarker = (userId: string) => `cookie:${userId}`

/** The Backend over HTTP: every answer is parsed with the domain's zod schemas. */
export function createHttpBackend(options: HttpBackendOptions): Backend {
  const baseUrl = options.baseUrl.replace(/\/$/, '')
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init))
  const timeoutMs = options.timeoutMs ?? 30_000
  const origin = new URL(baseUrl, globalThis.location?.href ?? 'http://localhost').origin
  const absolute = (url: string) => new URL(url, `${origin}/`).href
  const resolveMediaUrl = (media: Media): Media => ({
    ...media,
    url: absolute(media.url),
    variants: media.variants.map((variant) => ({ ...variant, url: absolute(variant.url) })),
  })

  const cookieSession = options.session === 'cookie'
  let csrfToken: string | null = null

  function credentialHeaders(method: string): Record<string, string> {
    const headers: Record<string, string> = { Accept: 'application/json' }
    if (cookieSession) {
      if (csrfToken && !safeMethods.includes(method)) headers['X-CSRF-Token'] = csrfToken
    } else {
      const token = options.getToken()
      if (token) headers.Authorization = `Bearer ${token}`
    }
    return headers
  }

  /** An answer that is not JSON, e.g. a photo, the recipients as CSV or an archive page. */
  async function requestRaw(path: string, withCredentials: boolean): Promise<Response> {
    let response: Response
    try {
      response = await doFetch(`${baseUrl}${path}`, {
        ...(withCredentials ? { headers: credentialHeaders('GET') } : {}),
        credentials: 'same-origin',
        signal: AbortSignal.timeout(timeoutMs),
      })
    } catch (error) {
      throw new NetworkError(error)
    }
    if (!response.ok) {
      throw new ApiError(response.status, await readProblem(response, await loadResponseSchemas()))
    }
    return response
  }
  const requestFile = async (path: string, withCredentials: boolean) =>
    (await requestRaw(path, withCredentials)).blob()

  async function request<T>(path: string, init: RequestOptions<T>): Promise<T> {
    const schemas = loadResponseSchemas()
    // awaited below or not at all (a DELETE without conflict answer): its failure is reported there
    schemas.catch(() => {})
    const method = init.method ?? 'GET'
    const headers = credentialHeaders(method)
    let body: BodyInit | undefined
    if (init.form) body = init.form
    else if (init.body !== undefined) {
      headers['Content-Type'] = 'application/json'
      body = JSON.stringify(init.body)
    }
    let response: Response
    try {
      response = await doFetch(`${baseUrl}${path}`, {
        method,
        headers: { ...headers, ...init.headers },
        credentials: 'same-origin',
        body,
        signal: AbortSignal.timeout(init.form ? timeoutMs * 4 : timeoutMs),
      })
    } catch (error) {
      throw new NetworkError(error)
    }
    if (!response.ok) {
      const problem = await readProblem(response, await schemas)
      if (response.status === 409 && init.conflictSchema) {
        const current = init.conflictSchema(await schemas).safeParse(problem.current)
        throw new ConflictError(problem, current.success ? current.data : null)
      }
      if (response.status === 409) throw new ConflictError(problem, null)
      throw new ApiError(response.status, problem)
    }
    if (init.schema === null) return undefined as T
    let json: unknown
    try {
      json = await response.json()
    } catch (error) {
      throw new ResponseFormatError(path, error)
    }
    const parsed = init.schema(await schemas).safeParse(json)
    if (!parsed.success) throw new ResponseFormatError(path, parsed.error)
    return parsed.data
  }

  async function signIn(body: unknown) {
    if (!cookieSession)
      return request('/session', { method: 'POST', body, schema: (schemas) => schemas.session })
    const session = await request('/session', {
      method: 'POST',
      body,
      headers: { 'X-Rundbrief-Session': 'cookie' },
      schema: (schemas) => schemas.cookieSession,
    })
    csrfToken = session.csrfToken
    return { token: cookieSessionMarker(session.user.id), user: session.user }
  }

  const issueWrite = (path: string, method: string, body: unknown) =>
    request(path, {
      method,
      body,
      schema: (schemas) => schemas.issue,
      conflictSchema: (schemas) => schemas.issue,
    })

  return {
    getSignInMethod: async () =>
      (await request('/session/options', { schema: (schemas) => schemas.signInMethod })).method,
    loginWithPassword: (login, password) => signIn({ login, password }),
    login: (userId) => signIn({ userId }),
    getSession: async () => {
      const session = await request('/session', { schema: (schemas) => schemas.currentSession })
      if (session.csrfToken) csrfToken = session.csrfToken
      return { user: session.user }
    },
    logout: async () => {
      try {
        await request('/session', { method: 'DELETE', schema: null })
      } finally {
        csrfToken = null
      }
    },
    listUsers: () => request('/users', { schema: (schemas) => schemas.users }),

    getPublicationName: () =>
      request('/publication/name', { schema: (schemas) => schemas.publicationName }),
    getPublication: () => request('/publication', { schema: (schemas) => schemas.publication }),
    updatePublication: (input) =>
      request('/publication', {
        method: 'PUT',
        body: input,
        schema: (schemas) => schemas.publication,
        conflictSchema: (schemas) => schemas.publication,
      }),

    updateLayout: (input) =>
      request('/publication/layout', {
        method: 'PUT',
        body: input,
        schema: (schemas) => schemas.publication,
        conflictSchema: (schemas) => schemas.publication,
      }),
    listIssues: () => request('/issues', { schema: (schemas) => schemas.issues }),
    createIssue: (input) =>
      request('/issues', { method: 'POST', body: input, schema: (schemas) => schemas.issue }),
    getIssue: (id) =>
      request(`/issues/${encodeURIComponent(id)}`, { schema: (schemas) => schemas.issue }),
    updateIssue: (id, input) => issueWrite(`/issues/${encodeURIComponent(id)}`, 'PATCH', input),
    arrangeIssue: (id, input) =>
      issueWrite(`/issues/${encodeURIComponent(id)}/articles`, 'PUT', input),
    submitIssue: (id, input) =>
      issueWrite(`/issues/${encodeURIComponent(id)}/submit`, 'POST', input),
    approveIssue: (id, input) =>
      issueWrite(`/issues/${encodeURIComponent(id)}/approve`, 'POST', input),
    requestChanges: (id, input) =>
      issueWrite(`/issues/${encodeURIComponent(id)}/request-changes`, 'POST', input),
    reopenIssue: (id, input) =>
      issueWrite(`/issues/${encodeURIComponent(id)}/reopen`, 'POST', input),
    publishIssue: (id, input) =>
      issueWrite(`/issues/${encodeURIComponent(id)}/publish`, 'POST', input),
    unpublishIssue: (id, input) =>
      issueWrite(`/issues/${encodeURIComponent(id)}/unpublish`, 'POST', input),
    getIssueHistory: (id) =>
      request(`/issues/${encodeURIComponent(id)}/history`, {
        schema: (schemas) => schemas.issueHistory,
      }),

    listArticles: (query: ArticleQuery = {}) => {
      const params = new URLSearchParams()
      if (query.issueId) params.set('issueId', query.issueId)
      if (query.status) params.set('status', query.status)
      if (query.q) params.set('q', query.q)
      const search = params.size > 0 ? `?${params}` : ''
      return request(`/articles${search}`, { schema: (schemas) => schemas.articles })
    },
    createArticle: (input) =>
      request('/articles', { method: 'POST', body: input, schema: (schemas) => schemas.article }),
    getArticle: (id) =>
      request(`/articles/${encodeURIComponent(id)}`, { schema: (schemas) => schemas.article }),
    updateArticle: (id, input) =>
      request(`/articles/${encodeURIComponent(id)}`, {
        method: 'PATCH',
        body: input,
        schema: (schemas) => schemas.article,
        conflictSchema: (schemas) => schemas.article,
      }),
    deleteArticle: (id, version) =>
      request(`/articles/${encodeURIComponent(id)}?version=${version}`, {
        method: 'DELETE',
        schema: null,
        conflictSchema: (schemas) => schemas.article,
      }),
    listTrash: () => request('/trash', { schema: (schemas) => schemas.trash }),
    restoreArticle: (id) =>
      request(`/trash/${encodeURIComponent(id)}/restore`, {
        method: 'POST',
        // an empty JSON body: a body-less POST reaches the handler as an empty stream in the demo
        body: {},
        schema: (schemas) => schemas.article,
      }),
    listArticleVersions: (id) =>
      request(`/articles/${encodeURIComponent(id)}/versions`, {
        schema: (schemas) => schemas.articleVersions,
      }),
    getArticleVersion: (id, number) =>
      request(`/articles/${encodeURIComponent(id)}/versions/${number}`, {
        schema: (schemas) => schemas.articleVersion,
      }),
    restoreArticleVersion: (id, number, input) =>
      request(`/articles/${encodeURIComponent(id)}/versions/${number}/restore`, {
        method: 'POST',
        body: input,
        schema: (schemas) => schemas.article,
        conflictSchema: (schemas) => schemas.article,
      }),

    uploadMedia: async (file, fileName) => {
      const form = new FormData()
      form.set('file', file, fileName)
      return resolveMediaUrl(
        await request('/media', { method: 'POST', form, schema: (schemas) => schemas.media }),
      )
    },
    getMedia: async (id) =>
      resolveMediaUrl(
        await request(`/media/${encodeURIComponent(id)}`, { schema: (schemas) => schemas.media }),
      ),
    mediaFileUrl: (id) =>
      new URL(`${baseUrl}/media/${encodeURIComponent(id)}/file`, `${origin}/`).href,
    getMediaFile: (id) => requestFile(`/media/${encodeURIComponent(id)}/file`, false),

    listRecipients: (query: RecipientQuery = {}) => {
      const params = new URLSearchParams()
      if (query.q) params.set('q', query.q)
      if (query.status) params.set('status', query.status)
      const search = params.size > 0 ? `?${params}` : ''
      return request(`/recipients${search}`, { schema: (schemas) => schemas.recipients })
    },
    addRecipient: (input) =>
      request('/recipients', {
        method: 'POST',
        body: input,
        schema: (schemas) => schemas.recipient,
      }),
    deleteRecipient: (id) =>
      request(`/recipients/${encodeURIComponent(id)}`, { method: 'DELETE', schema: null }),
    importRecipients: (input) =>
      request('/recipients/import', {
        method: 'POST',
        body: input,
        schema: (schemas) => schemas.recipientImport,
      }),
    exportRecipients: () => requestFile('/recipients/export', true),

    getSubscriptionInfo: () =>
      request('/subscription', { schema: (schemas) => schemas.subscriptionInfo }),
    subscribe: (input) =>
      request('/subscription', {
        method: 'POST',
        body: input,
        schema: (schemas) => schemas.subscribeResult,
      }),
    confirmSubscription: (token) =>
      request('/subscription/confirm', {
        method: 'POST',
        body: { token },
        schema: (schemas) => schemas.confirmationResult,
      }),
    getUnsubscribeInfo: (token) =>
      request(`/subscription/unsubscribe/${encodeURIComponent(token)}`, {
        schema: (schemas) => schemas.unsubscribeInfo,
      }),
    unsubscribe: (token) =>
      request(`/subscription/unsubscribe/${encodeURIComponent(token)}`, {
        method: 'POST',
        body: {},
        schema: (schemas) => schemas.unsubscribeInfo,
      }),

    testSendIssue: (issueId, input) =>
      request(`/issues/${encodeURIComponent(issueId)}/test-send`, {
        method: 'POST',
        body: input,
        schema: (schemas) => schemas.testSendResult,
      }),
    getSendPreview: (issueId) =>
      request(`/issues/${encodeURIComponent(issueId)}/send-preview`, {
        schema: (schemas) => schemas.sendPreview,
      }),
    startSend: (issueId, input) =>
      request(`/issues/${encodeURIComponent(issueId)}/sends`, {
        method: 'POST',
        body: input,
        schema: (schemas) => schemas.sendProgress,
        conflictSchema: (schemas) => schemas.issue,
      }),
    listSends: (issueId) =>
      request(`/issues/${encodeURIComponent(issueId)}/sends`, {
        schema: (schemas) => schemas.sends,
      }),
    getSend: (sendId) =>
      request(`/sends/${encodeURIComponent(sendId)}`, {
        schema: (schemas) => schemas.sendProgress,
      }),
    pauseSend: (sendId) =>
      request(`/sends/${encodeURIComponent(sendId)}/pause`, {
        method: 'POST',
        body: {},
        schema: (schemas) => schemas.sendProgress,
      }),
    resumeSend: (sendId) =>
      request(`/sends/${encodeURIComponent(sendId)}/resume`, {
        method: 'POST',
        body: {},
        schema: (schemas) => schemas.sendProgress,
      }),
    listOutbox: () => request('/outbox', { schema: (schemas) => schemas.outbox }),
    downloadIssueEmail: (issueId) =>
      requestFile(`/issues/${encodeURIComponent(issueId)}/email.eml`, true),

    listArchive: () => request('/archive', { schema: (schemas) => schemas.archiveList }),
    getArchivePage: async (slug) =>
      (await requestRaw(`/archive/${encodeURIComponent(slug)}`, false)).text(),
    getIssueArchive: (issueId) =>
      request(`/issues/${encodeURIComponent(issueId)}/archive`, {
        schema: (schemas) => schemas.issueArchiveOrNone,
      }),
    withdrawFromArchive: (issueId, input) =>
      request(`/issues/${encodeURIComponent(issueId)}/archive/withdraw`, {
        method: 'POST',
        body: input,
        schema: (schemas) => schemas.issueArchive,
      }),
    restoreToArchive: (issueId) =>
      request(`/issues/${encodeURIComponent(issueId)}/archive/restore`, {
        method: 'POST',
        body: {},
        schema: (schemas) => schemas.issueArchive,
      }),

    listNotifications: () =>
      request('/notifications', { schema: (schemas) => schemas.notificationList }),
    markNotificationRead: (id) =>
      request(`/notifications/${encodeURIComponent(id)}/read`, {
        method: 'POST',
        body: {},
        schema: null,
      }),
    markAllNotificationsRead: () =>
      request('/notifications/read-all', { method: 'POST', body: {}, schema: null }),

    listCommentThreads: (articleId) =>
      request(`/articles/${encodeURIComponent(articleId)}/comments`, {
        schema: (schemas) => schemas.commentThreads,
      }),
    createCommentThread: (articleId, input) =>
      request(`/articles/${encodeURIComponent(articleId)}/comments`, {
        method: 'POST',
        body: input,
        schema: (schemas) => schemas.createdCommentThread,
        conflictSchema: (schemas) => schemas.article,
      }),
    replyToCommentThread: (threadId, input) =>
      request(`/comment-threads/${encodeURIComponent(threadId)}/comments`, {
        method: 'POST',
        body: input,
        schema: (schemas) => schemas.commentThread,
      }),
    editComment: (commentId, input) =>
      request(`/comments/${encodeURIComponent(commentId)}`, {
        method: 'PATCH',
        body: input,
        schema: (schemas) => schemas.commentThread,
      }),
    deleteComment: (commentId) =>
      request(`/comments/${encodeURIComponent(commentId)}`, {
        method: 'DELETE',
        schema: (schemas) => schemas.commentDeletion,
      }),
    resolveCommentThread: (threadId) =>
      request(`/comment-threads/${encodeURIComponent(threadId)}/resolve`, {
        method: 'POST',
        body: {},
        schema: (schemas) => schemas.commentThread,
      }),
    reopenCommentThread: (threadId) =>
      request(`/comment-threads/${encodeURIComponent(threadId)}/reopen`, {
        method: 'POST',
        body: {},
        schema: (schemas) => schemas.commentThread,
      }),
    openCommentCounts: () =>
      request('/comment-counts', { schema: (schemas) => schemas.openCommentCounts }),
    getNotificationSettings: () =>
      request('/me/notification-settings', {
        schema: (schemas) => schemas.notificationSettings,
      }),
    updateNotificationSettings: (input) =>
      request('/me/notification-settings', {
        method: 'PUT',
        body: input,
        schema: (schemas) => schemas.notificationSettings,
      }),
  }
}

async function readProblem(response: Response, schemas: ResponseSchemas): Promise<Problem> {
  try {
    const parsed = schemas.problem.safeParse(await response.json())
    if (parsed.success) return parsed.data
  } catch {
    // not JSON: fall back to the status text below
  }
  return { status: response.status, title: response.statusText }
}
