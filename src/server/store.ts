import type { Article } from '../domain/article'
import type { AuditEvent } from '../domain/audit-event'
import type { Issue } from '../domain/issue'
import type { Media } from '../domain/media'
import type { Publication } from '../domain/publication'
import type { User } from '../domain/user'

/** A signed-in session; the token is the bearer credential. */
export interface Session {
  token: string
  userId: string
  expiresAt: string
}

/** How a person signs in on the real server: a login name and a password hash (scrypt). */
export interface Credential {
  login: string
  userId: string
  passwordHash: string
}

/** Failed sign-ins counted per key (`login:…` or `address:…`), to slow down guessing. */
export interface LoginFailures {
  key: string
  count: number
  lastFailedAt: string
}

/** An article as stored: its issue assignment lives in the issue's ordered `articleIds`. */
export type StoredArticle = Omit<Article, 'issueId'>

/** Filter of the article list; `issueId: null` means the Themenspeicher (unassigned). */
export interface ArticleFilter {
  issueId?: string | null
  status?: Article['status']
  q?: string
}

/**
 * The storage port of the contract handler. Versioned writes are conditional: they return
 * false (and change nothing) when the stored version differs from `expectedVersion`.
 */
export interface StoreTx {
  listUsers(): Promise<User[]>
  getUser(id: string): Promise<User | null>

  getCredential(login: string): Promise<Credential | null>
  getLoginFailures(key: string): Promise<LoginFailures | null>
  /** Stores the failure record as given (the caller computes the new count). */
  putLoginFailures(failures: LoginFailures): Promise<void>
  clearLoginFailures(key: string): Promise<void>

  createSession(session: Session): Promise<void>
  getSession(token: string): Promise<Session | null>
  deleteSession(token: string): Promise<void>

  getPublication(): Promise<Publication>
  updatePublication(publication: Publication, expectedVersion: number): Promise<boolean>

  listIssues(): Promise<Issue[]>
  getIssue(id: string): Promise<Issue | null>
  insertIssue(issue: Issue): Promise<void>
  updateIssue(issue: Issue, expectedVersion: number): Promise<boolean>

  listArticles(filter: ArticleFilter): Promise<Article[]>
  getArticle(id: string): Promise<Article | null>
  insertArticle(article: StoredArticle): Promise<void>
  updateArticle(article: StoredArticle, expectedVersion: number): Promise<boolean>
  deleteArticle(id: string, expectedVersion: number): Promise<boolean>

  insertMedia(media: Media, bytes: Uint8Array): Promise<void>
  getMedia(id: string): Promise<Media | null>
  getMediaBytes(id: string): Promise<Uint8Array | null>

  appendAudit(event: AuditEvent): Promise<void>
  listAudit(resourceId: string): Promise<AuditEvent[]>
}

/** A store runs each request's reads and writes in one transaction: all or nothing. */
export interface Store {
  transaction<T>(work: (tx: StoreTx) => Promise<T>): Promise<T>
}
