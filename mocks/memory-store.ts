import type { Article } from '../src/domain/article'
import type { AuditEvent } from '../src/domain/audit-event'
import type { Issue } from '../src/domain/issue'
import type { Media } from '../src/domain/media'
import type { Publication } from '../src/domain/publication'
import { plainText } from '../src/domain/rich-text'
import type { User } from '../src/domain/user'
import type {
  Credential,
  LoginFailures,
  Session,
  Store,
  StoreTx,
  StoredArticle,
} from '../src/server/store'

/** Everything the demo backend holds, as plain data (so it can be persisted and restored). */
export interface MemoryState {
  users: User[]
  sessions: Session[]
  publication: Publication
  issues: Issue[]
  articles: StoredArticle[]
  media: Media[]
  auditEvents: AuditEvent[]
  /** Only for tests of password sign-in; the demo signs in without passwords. */
  credentials?: Credential[]
  loginFailures?: LoginFailures[]
}

/** Photo bytes by media id, kept beside the state because they are large. */
export type MediaBytes = Map<string, Uint8Array>

/** Called after each committed transaction that wrote something. */
export type CommitListener = (state: MemoryState, changedMediaIds: string[]) => Promise<void>

/** The in-memory implementation of the storage port, for the demo backend and tests. */
export class MemoryStore implements Store {
  private state: MemoryState
  private bytes: MediaBytes
  private queue: Promise<unknown> = Promise.resolve()

  constructor(
    initial: MemoryState,
    bytes: MediaBytes = new Map(),
    private readonly onCommit?: CommitListener,
  ) {
    this.state = structuredClone(initial)
    this.bytes = bytes
  }

  /** A copy of the current state, for tests and persistence. */
  snapshot(): MemoryState {
    return structuredClone(this.state)
  }

  /** Replaces everything, e.g. "Demo-Daten zurücksetzen". */
  replace(state: MemoryState, bytes: MediaBytes): void {
    this.state = structuredClone(state)
    this.bytes = bytes
  }

  transaction<T>(work: (tx: StoreTx) => Promise<T>): Promise<T> {
    const run = async () => {
      const draft = structuredClone(this.state)
      const newBytes: MediaBytes = new Map()
      let wrote = false
      const tx = createTx(
        draft,
        (id) => newBytes.get(id) ?? this.bytes.get(id) ?? null,
        (id, data) => newBytes.set(id, data),
        () => {
          wrote = true
        },
      )
      const result = await work(tx)
      if (wrote) {
        this.state = draft
        for (const [id, data] of newBytes) this.bytes.set(id, data)
        await this.onCommit?.(this.snapshot(), [...newBytes.keys()])
      }
      return structuredClone(result)
    }
    const next = this.queue.then(run, run)
    this.queue = next.catch(() => undefined)
    return next
  }

  /** The stored bytes of a photo. */
  mediaBytes(id: string): Uint8Array | undefined {
    return this.bytes.get(id)
  }
}

function matchesQuery(article: StoredArticle, q: string): boolean {
  const needle = q.toLocaleLowerCase('de-DE')
  return (
    article.headline.toLocaleLowerCase('de-DE').includes(needle) ||
    plainText(article.body).toLocaleLowerCase('de-DE').includes(needle)
  )
}

function createTx(
  state: MemoryState,
  readBytes: (id: string) => Uint8Array | null,
  writeBytes: (id: string, bytes: Uint8Array) => void,
  markWritten: () => void,
): StoreTx {
  const issueOf = (articleId: string) =>
    state.issues.find((issue) => issue.articleIds.includes(articleId))?.id ?? null
  const withIssue = (article: StoredArticle): Article => ({
    ...article,
    issueId: issueOf(article.id),
  })
  const replaceVersioned = <T extends { id: string; version: number }>(
    list: T[],
    next: T,
    expectedVersion: number,
  ) => {
    const index = list.findIndex((item) => item.id === next.id)
    if (list[index]?.version !== expectedVersion) return false
    list[index] = structuredClone(next)
    markWritten()
    return true
  }

  return {
    listUsers: async () => state.users,
    getUser: async (id) => state.users.find((user) => user.id === id) ?? null,

    getCredential: async (login) =>
      state.credentials?.find((credential) => credential.login === login) ?? null,
    getLoginFailures: async (key) =>
      state.loginFailures?.find((failures) => failures.key === key) ?? null,
    putLoginFailures: async (failures) => {
      state.loginFailures = [
        ...(state.loginFailures ?? []).filter((item) => item.key !== failures.key),
        failures,
      ]
      markWritten()
    },
    clearLoginFailures: async (key) => {
      state.loginFailures = (state.loginFailures ?? []).filter((item) => item.key !== key)
      markWritten()
    },

    createSession: async (session) => {
      state.sessions.push(session)
      markWritten()
    },
    getSession: async (token) => state.sessions.find((session) => session.token === token) ?? null,
    deleteSession: async (token) => {
      state.sessions = state.sessions.filter((session) => session.token !== token)
      markWritten()
    },

    getPublication: async () => state.publication,
    updatePublication: async (publication, expectedVersion) => {
      if (state.publication.version !== expectedVersion) return false
      state.publication = structuredClone(publication)
      markWritten()
      return true
    },

    listIssues: async () => [...state.issues],
    getIssue: async (id) => state.issues.find((issue) => issue.id === id) ?? null,
    insertIssue: async (issue) => {
      state.issues.push(structuredClone(issue))
      markWritten()
    },
    updateIssue: async (issue, expectedVersion) =>
      replaceVersioned(state.issues, issue, expectedVersion),

    listArticles: async (filter) =>
      state.articles
        .map(withIssue)
        .filter((article) => filter.issueId === undefined || article.issueId === filter.issueId)
        .filter((article) => filter.status === undefined || article.status === filter.status)
        .filter((article) => filter.q === undefined || matchesQuery(article, filter.q))
        .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)),
    getArticle: async (id) => {
      const article = state.articles.find((item) => item.id === id)
      return article ? withIssue(article) : null
    },
    insertArticle: async (article) => {
      state.articles.push(structuredClone(article))
      markWritten()
    },
    updateArticle: async (article, expectedVersion) =>
      replaceVersioned(state.articles, article, expectedVersion),
    deleteArticle: async (id, expectedVersion) => {
      const before = state.articles.length
      state.articles = state.articles.filter(
        (article) => !(article.id === id && article.version === expectedVersion),
      )
      if (state.articles.length === before) return false
      markWritten()
      return true
    },

    insertMedia: async (media, bytes) => {
      state.media.push(media)
      writeBytes(media.id, bytes)
      markWritten()
    },
    getMedia: async (id) => state.media.find((media) => media.id === id) ?? null,
    getMediaBytes: async (id) => readBytes(id),

    appendAudit: async (event) => {
      state.auditEvents.push(event)
      markWritten()
    },
    listAudit: async (resourceId) =>
      state.auditEvents.filter((event) => event.resourceId === resourceId),
  }
}
