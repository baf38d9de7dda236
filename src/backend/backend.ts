import type { ArchiveList, IssueArchive, WithdrawFromArchiveInput } from '../domain/archive'
import type { NotificationList } from '../domain/notification'
import type {
  CommentInput,
  CommentThread,
  CreateCommentThreadInput,
  CommentDeletionResult,
  CreateCommentThreadResult,
  OpenCommentCounts,
} from '../domain/comment'
import type {
  NotificationSettings,
  NotificationSettingsInput,
} from '../domain/notification-settings'
import type { Article, CreateArticleInput, UpdateArticleInput } from '../domain/article'
import type { AuditEvent } from '../domain/audit-event'
import type {
  ApproveInput,
  ArrangeIssueInput,
  CreateIssueInput,
  Issue,
  RequestChangesInput,
  UnpublishInput,
  UpdateIssueInput,
} from '../domain/issue'
import type { Media } from '../domain/media'
import type {
  Publication,
  PublicationName,
  UpdateLayoutInput,
  UpdatePublicationInput,
} from '../domain/publication'
import type {
  AddRecipientInput,
  OutboxMessage,
  RecipientImportInput,
  RecipientImportResult,
  RecipientQuery,
  SendPreview,
  SendProgress,
  SendSummary,
  StartSendInput,
  SubscribeInput,
  SubscriptionInfo,
  TestSendInput,
  TestSendResult,
  UnsubscribeInfo,
} from '../domain/sending'
import type { Subscriber } from '../domain/subscriber'
import type { TrashedArticle } from '../domain/trash'
import type {
  ArticleVersion,
  ArticleVersionSummary,
  RestoreVersionInput,
} from '../domain/article-versions'
import type { User } from '../domain/user'

/** Filter of the article list; `issueId: 'none'` means the Themenspeicher. */
export interface ArticleQuery {
  issueId?: string
  status?: Article['status']
  q?: string
}

/** A signed-in session. */
export interface SessionInfo {
  /**
   * The bearer token; for a cookie session (the browser app on the real server) only a marker
   * that this person is signed in here — the credential is an HttpOnly cookie no script reads.
   */
  token: string
  user: User
}

/** How this backend signs people in: pick a demo person, or login name and password. */
export type SignInMethod = 'demo' | 'password'

/**
 * Everything the app may ask of a backend. Every method resolves to zod-validated domain types
 * and rejects with ApiError (ConflictError on 409), NetworkError or ResponseFormatError.
 */
export interface Backend {
  getSignInMethod(): Promise<SignInMethod>
  /** Demo backend: signs in as a person without a password. */
  login(userId: string): Promise<SessionInfo>
  /** Real server: signs in with login name and password (401 wrong, 429 too many attempts). */
  loginWithPassword(login: string, password: string): Promise<SessionInfo>
  getSession(): Promise<{ user: User }>
  logout(): Promise<void>
  listUsers(): Promise<User[]>

  /** Without a session: the newsletter's title and subtitle. */
  getPublicationName(): Promise<PublicationName>
  getPublication(): Promise<Publication>
  updatePublication(input: UpdatePublicationInput): Promise<Publication>
  updateLayout(input: UpdateLayoutInput): Promise<Publication>

  listIssues(): Promise<Issue[]>
  createIssue(input: CreateIssueInput): Promise<Issue>
  getIssue(id: string): Promise<Issue>
  updateIssue(id: string, input: UpdateIssueInput): Promise<Issue>
  arrangeIssue(id: string, input: ArrangeIssueInput): Promise<Issue>
  submitIssue(id: string, input: { version: number }): Promise<Issue>
  approveIssue(id: string, input: ApproveInput): Promise<Issue>
  requestChanges(id: string, input: RequestChangesInput): Promise<Issue>
  reopenIssue(id: string, input: { version: number }): Promise<Issue>
  publishIssue(id: string, input: { version: number }): Promise<Issue>
  /** Takes back "Als versendet markieren" (Dezernentin, with a reason for the Verlauf). */
  unpublishIssue(id: string, input: UnpublishInput): Promise<Issue>
  getIssueHistory(id: string): Promise<AuditEvent[]>

  listArticles(query?: ArticleQuery): Promise<Article[]>
  createArticle(input: CreateArticleInput): Promise<Article>
  getArticle(id: string): Promise<Article>
  updateArticle(id: string, input: UpdateArticleInput): Promise<Article>
  /** Moves an article that is in no issue into the Papierkorb (an empty one is discarded for good). */
  deleteArticle(id: string, version: number): Promise<void>
  /** The Papierkorb, most recently deleted first (entries older than 30 days are gone). */
  listTrash(): Promise<TrashedArticle[]>
  /** Takes an article out of the Papierkorb into the Themenspeicher. */
  restoreArticle(id: string): Promise<Article>
  /** The kept versions of an article, newest first. */
  listArticleVersions(id: string): Promise<ArticleVersionSummary[]>
  getArticleVersion(id: string, number: number): Promise<ArticleVersion>
  /** Makes a kept version the current content; `version` is the article's current version. */
  restoreArticleVersion(id: string, number: number, input: RestoreVersionInput): Promise<Article>

  uploadMedia(file: Blob, fileName: string): Promise<Media>
  getMedia(id: string): Promise<Media>
  /** Address of a photo's file, for <img src>. */
  mediaFileUrl(id: string): string
  /** A photo's file itself, e.g. to embed it scaled into an export. */
  getMediaFile(id: string): Promise<Blob>

  /** Recipients (Redaktion and Dezernentin; Gestaltung gets 403). */
  listRecipients(query?: RecipientQuery): Promise<Subscriber[]>
  addRecipient(input: AddRecipientInput): Promise<Subscriber>
  /** Erases the address; a hash stays on the suppression list. */
  deleteRecipient(id: string): Promise<void>
  /** Checks (`commit: false`) or stores a CSV file; nothing is stored while a row has an error. */
  importRecipients(input: RecipientImportInput): Promise<RecipientImportResult>
  /** The list as CSV (UTF-8 with byte order mark, semicolons), as Excel opens it. */
  exportRecipients(): Promise<Blob>

  /** Public: the consent text and whether sign-up is possible. */
  getSubscriptionInfo(): Promise<SubscriptionInfo>
  /** Public: asks for a confirmation e-mail (double opt-in); the answer never tells whether the address is known. */
  subscribe(input: SubscribeInput): Promise<{ message: string }>
  /** Public: the link of the confirmation e-mail. */
  confirmSubscription(token: string): Promise<{ email: string }>
  /** Public: what the unsubscribe page shows (GET never unsubscribes). */
  getUnsubscribeInfo(token: string): Promise<UnsubscribeInfo>
  /** Public: unsubscribes (the button of the unsubscribe page). */
  unsubscribe(token: string): Promise<UnsubscribeInfo>

  /** Sends the issue as it is now to up to five addresses, subject "[Test] …". */
  testSendIssue(issueId: string, input: TestSendInput): Promise<TestSendResult>
  /** Subject, sender, number of recipients and what prevents sending, for the confirmation. */
  getSendPreview(issueId: string): Promise<SendPreview>
  /** Sends the approved issue now or at `scheduledAt` (409 when the approval no longer holds). */
  startSend(issueId: string, input: StartSendInput): Promise<SendProgress>
  listSends(issueId: string): Promise<SendSummary[]>
  getSend(sendId: string): Promise<SendProgress>
  pauseSend(sendId: string): Promise<SendProgress>
  resumeSend(sendId: string): Promise<SendProgress>
  /** Demo only: what would have been sent (404 on the real server). */
  listOutbox(): Promise<OutboxMessage[]>
  /** The issue's e-mail as an unsent draft (.eml) for Outlook and Thunderbird, rendered by the server. */
  downloadIssueEmail(issueId: string): Promise<Blob>

  /** Public: the published issues that are in the archive, newest first. */
  listArchive(): Promise<ArchiveList>
  /** Public: the archive page of an issue as an HTML document (404 unknown, 410 taken down). */
  getArchivePage(slug: string): Promise<string>
  /** The archive address and state of an issue; null while it has none (404: no such issue). */
  getIssueArchive(issueId: string): Promise<IssueArchive | null>
  /** Takes a published issue out of the public archive (Dezernentin, with a reason for the Verlauf). */
  withdrawFromArchive(issueId: string, input: WithdrawFromArchiveInput): Promise<IssueArchive>
  /** Puts an issue taken out of the archive back (Dezernentin). */
  restoreToArchive(issueId: string): Promise<IssueArchive>

  /** The caller's notifications, newest first (at most 50), with the count of unread ones. */
  listNotifications(): Promise<NotificationList>
  /** Marks one of the caller's notifications read. */
  markNotificationRead(id: string): Promise<void>
  markAllNotificationsRead(): Promise<void>

  /** An article's comment threads, oldest first, with their comments. */
  listCommentThreads(articleId: string): Promise<CommentThread[]>
  /** Opens a thread: the body with the new anchor (text unchanged) and the first comment. */
  createCommentThread(
    articleId: string,
    input: CreateCommentThreadInput,
  ): Promise<CreateCommentThreadResult>
  replyToCommentThread(threadId: string, input: CommentInput): Promise<CommentThread>
  /** Changes one of the caller's own comments. */
  editComment(commentId: string, input: CommentInput): Promise<CommentThread>
  /**
   * Deletes one of the caller's own comments; the only one of a thread takes the thread and its
   * anchor along (`article` is then the article without it).
   */
  deleteComment(commentId: string): Promise<CommentDeletionResult>
  resolveCommentThread(threadId: string): Promise<CommentThread>
  reopenCommentThread(threadId: string): Promise<CommentThread>
  /** Open threads per article id, for the board's cards. */
  openCommentCounts(): Promise<OpenCommentCounts>
  /** The caller's address and switches for e-mail and reminders. */
  getNotificationSettings(): Promise<NotificationSettings>
  updateNotificationSettings(input: NotificationSettingsInput): Promise<NotificationSettings>
}
