import type { ColumnType, Generated } from 'kysely'
import type { Article } from '../../domain/article'
import type { AuditEvent } from '../../domain/audit-event'
import type { Issue } from '../../domain/issue'
import type { Media } from '../../domain/media'
import type { Publication } from '../../domain/publication'
import type { StoredArticle } from '../store'

/** A jsonb column: written as a JSON string, read back as the parsed value. */
type Json<T> = ColumnType<T, string, string>
/** A timestamptz column: written as an ISO string, read back as a Date. */
type Timestamp = ColumnType<Date, string, string>

export interface UsersTable {
  id: string
  name: string
  role: 'editor' | 'head' | 'designer'
  login: string | null
  password_hash: string | null
  created_at: ColumnType<Date, string | undefined, never>
  /** Set by `user:disable`: no sign-in, no session. */
  disabled_at: ColumnType<Date | null, string | null | undefined, string | null>
}

export interface SessionsTable {
  /** SHA-256 of the bearer token: a copy of the database does not open sessions. */
  token_hash: string
  user_id: string
  expires_at: Timestamp
  last_seen_at: Timestamp
}

export interface LoginFailuresTable {
  key: string
  count: number
  last_failed_at: Timestamp
}

export interface PublicationTable {
  id: Generated<number>
  version: number
  data: Json<Publication>
}

/** An issue as stored: which articles it holds, in which order, is the `issue_articles` table. */
export type StoredIssue = Omit<Issue, 'articleIds'>

export interface IssuesTable {
  id: string
  version: number
  status: Issue['status']
  data: Json<StoredIssue>
  created_at: Timestamp
}

/** Which issue an article belongs to: at most one (the article id is the key), in order. */
export interface IssueArticlesTable {
  article_id: string
  issue_id: string
  position: number
}

export interface ArticlesTable {
  id: string
  version: number
  status: Article['status']
  updated_at: Timestamp
  /** Lower-case headline and plain text, for the search of the Themenspeicher. */
  search_text: string
  data: Json<StoredArticle>
}

/** The Papierkorb: deleted articles, kept 30 days (see migration 0006). */
export interface ArticleTrashTable {
  id: string
  deleted_at: Timestamp
  deleted_by: string
  data: Json<StoredArticle>
}

export interface MediaTable {
  id: string
  data: Json<Media>
}

/** A photo's bytes in pieces of 256 KB, in order of `seq`. */
export interface MediaChunksTable {
  media_id: string
  seq: number
  bytes: Uint8Array
}

export interface AuditEventsTable {
  id: string
  resource_id: string
  at: Timestamp
  seq: Generated<number>
  data: Json<AuditEvent>
}

/** The tables of the Rundbrief database (see migrations.ts). */
export interface Database {
  users: UsersTable
  sessions: SessionsTable
  login_failures: LoginFailuresTable
  publication: PublicationTable
  issues: IssuesTable
  issue_articles: IssueArticlesTable
  articles: ArticlesTable
  article_trash: ArticleTrashTable
  media: MediaTable
  media_chunks: MediaChunksTable
  audit_events: AuditEventsTable
}
