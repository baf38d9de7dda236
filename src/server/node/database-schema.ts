import type { ColumnType, Generated } from 'kysely'
import type { Article, Photo } from '../../domain/article'
import type { ArticleVersionReason } from '../../domain/article-versions'
import type { RichTextDoc } from '../../domain/rich-text'
import type { AuditEvent } from '../../domain/audit-event'
import type { Issue } from '../../domain/issue'
import type { Media, MediaVariantName } from '../../domain/media'
import type { NotificationKind } from '../../domain/notification'
import type { ReminderDetail, ReminderKind } from '../../domain/reminder'
import type { VariantType } from '../image-port'
import type { Publication } from '../../domain/publication'
import type { DeliveryStatus, SendStatus } from '../../domain/delivery'
import type { SubscriberStatus } from '../../domain/subscriber'
import type { SendJob, StoredArticle } from '../store'

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
  email: ColumnType<string | null, string | null | undefined, string | null>
  notify_by_email: ColumnType<boolean, boolean | undefined, boolean>
  reminders_enabled: ColumnType<boolean, boolean | undefined, boolean>
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

/**
 * An issue as stored: which articles it holds, in which order, is the `issue_articles` table;
 * whether it went out through Rundbrief, the `sends` table.
 */
export type StoredIssue = Omit<Issue, 'articleIds' | 'sentThroughRundbrief'>

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

/** Kept states of an article (migration 0013). */
export interface ArticleVersionsTable {
  article_id: string
  number: number
  headline: string
  body: Json<RichTextDoc>
  photos: Json<Photo[]>
  created_at: Timestamp
  created_by: string
  reason: ArticleVersionReason
  restored_from: number | null
}

export interface NotificationsTable {
  seq: Generated<number>
  id: string
  recipient_id: string
  kind: NotificationKind
  issue_id: string | null
  article_id: ColumnType<string | null, string | null | undefined, never>
  thread_id: ColumnType<string | null, string | null | undefined, never>
  actor_id: string | null
  created_at: Timestamp
  read_at: Timestamp | null
  reminder: ColumnType<ReminderDetail | null, string | null | undefined, string | null>
}

export interface DeadlineRemindersTable {
  issue_id: string
  kind: ReminderKind
  recipient_id: string
  deadline: Timestamp
  created_at: Timestamp
}

export interface NotificationMailsTable {
  id: string
  notification_id: string
  to_address: string
  subject: string
  text: string
  html: string
  created_at: Timestamp
  status: 'pending' | 'sending' | 'sent' | 'failed'
  attempts: ColumnType<number, number | undefined, number>
  next_attempt_at: Timestamp
  claimed_by: string | null
  claimed_at: ColumnType<Date | null, string | null | undefined, string | null>
  last_error: string | null
  sent_at: ColumnType<Date | null, string | null | undefined, string | null>
  /** When it was sent or given up (null while waiting or being sent). */
  finished_at: ColumnType<Date | null, string | null | undefined, string | null>
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

/** The sizes made of a photo (migration 0011). */
export interface MediaVariantsTable {
  media_id: string
  name: MediaVariantName
  mime_type: VariantType
  width: number
  height: number
  bytes: Uint8Array
}

export interface AuditEventsTable {
  id: string
  resource_id: string
  at: Timestamp
  seq: Generated<number>
  data: Json<AuditEvent>
}

export interface SubscribersTable {
  id: string
  /** Normalised (lower case), unique. */
  email: string
  name: string
  organisation: string
  status: SubscriberStatus
  consent_version: string | null
  requested_at: Timestamp
  confirmed_at: ColumnType<Date | null, string | null, string | null>
  unsubscribed_at: ColumnType<Date | null, string | null, string | null>
  /** SHA-256 (hex) of the token of a pending sign-up's confirmation link. */
  confirm_token_hash: ColumnType<string | null, string | null | undefined, string | null>
  confirm_expires_at: ColumnType<Date | null, string | null | undefined, string | null>
}

/** SHA-256 of erased addresses, so that an import does not bring them back by accident. */
export interface SuppressedAddressesTable {
  email_hash: string
  suppressed_at: Timestamp
}

export interface SendsTable {
  id: string
  issue_id: string
  status: SendStatus
  scheduled_at: Timestamp
  created_at: Timestamp
  created_by: string
  finished_at: ColumnType<Date | null, string | null, string | null>
  message: Json<SendJob['message']>
}

/** One message of a send to one recipient: the queue (see docs/decisions/0009-send-queue.md). */
export interface DeliveriesTable {
  send_id: string
  subscriber_id: string
  status: DeliveryStatus
  attempts: ColumnType<number, number | undefined, number>
  next_attempt_at: Timestamp
  claimed_by: string | null
  claimed_at: ColumnType<Date | null, string | null, string | null>
  last_error: string | null
  sent_at: ColumnType<Date | null, string | null, string | null>
}

/** Keys the server generates once and every process shares, e.g. the unsubscribe link key. */
export interface ServerSecretsTable {
  name: string
  value: string
  created_at: ColumnType<Date, string | undefined, never>
}

/** An issue's address in the public archive and its stored page (see migration 0012). */
export interface ArchiveEntriesTable {
  issue_id: string
  slug: string
  label: string
  /** `YYYY-MM-DD`, as the issue's Erscheinungsdatum. */
  planned_send_date: string
  headlines: ColumnType<string[], string | undefined, string>
  html: string | null
  etag: string | null
  published_at: ColumnType<Date | null, string | null | undefined, string | null>
  withdrawn_at: ColumnType<Date | null, string | null | undefined, string | null>
  withdrawn_by: string | null
  withdraw_reason: string | null
}

export interface CommentThreadsTable {
  id: string
  seq: Generated<number>
  article_id: string
  quote: string
  created_by: string
  created_at: Timestamp
  resolved_at: ColumnType<Date | null, string | null, string | null>
  resolved_by: string | null
}

export interface CommentsTable {
  id: string
  seq: Generated<number>
  thread_id: string
  author_id: string
  text: string
  created_at: Timestamp
  edited_at: ColumnType<Date | null, string | null, string | null>
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
  article_versions: ArticleVersionsTable
  media: MediaTable
  media_chunks: MediaChunksTable
  media_variants: MediaVariantsTable
  audit_events: AuditEventsTable
  subscribers: SubscribersTable
  suppressed_addresses: SuppressedAddressesTable
  sends: SendsTable
  deliveries: DeliveriesTable
  server_secrets: ServerSecretsTable
  archive_entries: ArchiveEntriesTable
  notifications: NotificationsTable
  comment_threads: CommentThreadsTable
  comments: CommentsTable
  deadline_reminders: DeadlineRemindersTable
  notification_mails: NotificationMailsTable
}
