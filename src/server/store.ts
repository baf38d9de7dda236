import type { Article } from '../domain/article'
import type { ArticleVersion, NewArticleVersion } from '../domain/article-versions'
import type { AuditEvent } from '../domain/audit-event'
import type {
  Comment,
  CommentThread,
  OpenCommentCounts,
  StoredCommentThread,
} from '../domain/comment'
import type { DeliveryStatus, DeliveryStep, SendStatus } from '../domain/delivery'
import type { Issue } from '../domain/issue'
import type { StoredNotification } from '../domain/notification'
import type { StoredNotificationSettings } from '../domain/notification-settings'
import type { NotificationHistoryCutoffs } from '../domain/notification-retention'
import type { ReminderKind } from '../domain/reminder'
import {
  mediaFilePath,
  mediaVariantNames,
  type Media,
  type MediaVariant,
  type MediaVariantName,
} from '../domain/media'
import type { ImageVariant, VariantType } from './image-port'
import type { Publication } from '../domain/publication'
import type { Subscriber, SubscriberStatus } from '../domain/subscriber'
import type { User } from '../domain/user'

/** A variant's file as stored. */
export interface StoredVariantFile {
  mimeType: VariantType
  bytes: Uint8Array
}

/** A stored variant as `Media.variants` lists it. */
export function listedVariant(
  mediaId: string,
  variant: { name: MediaVariantName; width: number; height: number; byteSize: number },
): MediaVariant {
  const { name, width, height, byteSize } = variant
  return { name, width, height, byteSize, url: mediaFilePath(mediaId, name) }
}

/** Variants in the order of `mediaVariantNames`. */
export const inVariantOrder = <T extends { name: MediaVariantName }>(variants: T[]): T[] =>
  variants.sort((a, b) => mediaVariantNames.indexOf(a.name) - mediaVariantNames.indexOf(b.name))

/** A signed-in session; the token is the bearer credential. */
export interface Session {
  token: string
  userId: string
  expiresAt: string
  /** The last request of this session (updated at most once a minute), for the idle timeout. */
  lastSeenAt: string
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

/** An article in the Papierkorb, as stored: moved out of the articles, so no issue can hold it. */
export interface TrashEntry {
  article: StoredArticle
  deletedAt: string
  deletedBy: string
}

/** Filter of the article list; `issueId: null` means the Themenspeicher (unassigned). */
export interface ArticleFilter {
  issueId?: string | null
  status?: Article['status']
  q?: string
}

/**
 * A send of an issue to every confirmed recipient. The message is fixed when the send is made:
 * the approved rendering, so later edits never reach a reader (see decision 0009).
 */
export interface SendJob {
  id: string
  issueId: string
  status: SendStatus
  scheduledAt: string
  createdAt: string
  createdBy: string
  finishedAt: string | null
  message: { subject: string; from: string; html: string; text: string; fingerprint: string }
}

/** A delivery taken by one worker: it is `sending` and belongs to that worker until its lease ends. */
export interface ClaimedDelivery {
  sendId: string
  /** Whom the message goes to; whether they still want it is checked right before it goes out. */
  subscriber: Pick<Subscriber, 'id' | 'email' | 'name'>
  /** Attempts including this one. */
  attempts: number
}

export type DeliveryCounts = Record<DeliveryStatus, number>

/** A taken delivery as it stands now: checked right before its message goes out. */
export interface DeliveryState {
  sendId: string
  subscriberId: string
  status: DeliveryStatus
  claimedBy: string | null
  sendStatus: SendStatus
  subscriberStatus: SubscriberStatus
}

export type DeliveryKey = { sendId: string; subscriberId: string }

/** A delivery that did not (yet) go out, with its reason, for the send page. */
export interface DeliveryProblem {
  email: string
  status: DeliveryStatus
  reason: string
}

/** A pending sign-up's confirmation: only the token's hash is stored. */
export interface ConfirmationRequest {
  name: string
  consentVersion: string
  requestedAt: string
  tokenHash: string
  expiresAt: string
}

/**
 * An issue's place in the public archive: its address is reserved when a send starts (or at the
 * latest when the issue becomes versendet); the page is stored when it becomes versendet and
 * never changes afterwards (see docs/decisions/0012-archive.md).
 */
export interface ArchiveEntry {
  issueId: string
  slug: string
  label: string
  plannedSendDate: string
  /** The headlines of the approved articles, in the issue's order (empty while not published). */
  headlines: string[]
  /** The strong ETag of the stored page (null while not published). */
  etag: string | null
  publishedAt: string | null
  withdrawnAt: string | null
  withdrawnBy: string | null
  withdrawReason: string | null
}

/** The page of an issue as it was stored when the issue became versendet. */
export interface ArchivePage {
  label: string
  plannedSendDate: string
  headlines: string[]
  html: string
  etag: string
  publishedAt: string
}

/** Taking an issue out of the archive, or (null) putting it back. */
export interface ArchiveWithdrawal {
  at: string
  by: string
  reason: string
}

/**
 * The storage port of the contract handler. Versioned writes are conditional: they return
 * false (and change nothing) when the stored version differs from `expectedVersion`.
 */
export interface StoreTx {
  /** People who can work (disabled accounts are left out, as by `getUser` and `getCredential`). */
  listUsers(): Promise<User[]>
  getUser(id: string): Promise<User | null>

  getCredential(login: string): Promise<Credential | null>
  /** Re-hashed on sign-in when the stored hash uses weaker parameters than today's. */
  updatePasswordHash(userId: string, passwordHash: string): Promise<void>
  /**
   * Reads the failure record of `key` and locks it until the transaction ends, so that
   * simultaneous sign-ins for one key count one after another (null: no failures yet).
   */
  lockLoginFailures(key: string): Promise<LoginFailures | null>
  /** Stores the failure record as given (the caller computes the new count under the lock). */
  putLoginFailures(failures: LoginFailures): Promise<void>
  clearLoginFailures(key: string): Promise<void>

  createSession(session: Session): Promise<void>
  getSession(token: string): Promise<Session | null>
  touchSession(token: string, lastSeenAt: string): Promise<void>
  deleteSession(token: string): Promise<void>

  getPublication(): Promise<Publication>
  updatePublication(publication: Publication, expectedVersion: number): Promise<boolean>

  listIssues(): Promise<Issue[]>
  getIssue(id: string): Promise<Issue | null>
  /**
   * Reads the issue and locks its row until the transaction ends. Every path that decides on
   * an issue's state or content (workflow, arrange, edit, and each write to one of its
   * articles) takes this lock first; see docs/decisions/0004-concurrency.md.
   */
  lockIssue(id: string): Promise<Issue | null>
  insertIssue(issue: Issue): Promise<void>
  updateIssue(issue: Issue, expectedVersion: number): Promise<boolean>

  listArticles(filter: ArticleFilter): Promise<Article[]>
  getArticle(id: string): Promise<Article | null>
  /** The issue an article belongs to (null: none, or no such article), without reading the article. */
  issueIdOfArticle(articleId: string): Promise<string | null>
  /**
   * Reads the article and locks its row until the transaction ends; taken after the issue's
   * lock. Adding an article to an issue locks it too, so its `issueId` cannot change under it.
   */
  lockArticle(id: string): Promise<Article | null>
  insertArticle(article: StoredArticle): Promise<void>
  updateArticle(article: StoredArticle, expectedVersion: number): Promise<boolean>
  /** Removes an article for good (an empty one left by "Neuer Beitrag"); false: version differs. */
  deleteArticle(id: string, expectedVersion: number): Promise<boolean>
  /**
   * Moves an article out of the articles into the Papierkorb; false: version differs. The
   * database refuses it while an issue holds the article (the membership's foreign key).
   */
  moveArticleToTrash(
    id: string,
    expectedVersion: number,
    deletion: { deletedAt: string; deletedBy: string },
  ): Promise<boolean>
  /** The Papierkorb, most recently deleted first. */
  listTrash(): Promise<TrashEntry[]>
  /** A Papierkorb entry (null: not in the Papierkorb). */
  getTrashEntry(id: string): Promise<TrashEntry | null>
  /** Reads a Papierkorb entry and locks it until the transaction ends (null: not in the Papierkorb). */
  lockTrashEntry(id: string): Promise<TrashEntry | null>
  /** Takes an entry out of the Papierkorb and stores `article` (same id) as an article again. */
  restoreArticle(article: StoredArticle): Promise<void>
  /** Removes for good every entry deleted before `deletedBefore`; returns their ids. */
  purgeTrash(deletedBefore: string): Promise<string[]>

  /** The kept versions of an article, newest first (see docs/decisions/0013-article-versions.md). */
  listArticleVersions(articleId: string): Promise<ArticleVersion[]>
  getArticleVersion(articleId: string, number: number): Promise<ArticleVersion | null>
  /** The version with the highest number (null: none kept yet). */
  latestArticleVersion(articleId: string): Promise<ArticleVersion | null>
  /**
   * Stores a version with the next number of its article (taken under the article's lock; the
   * database's unique key refuses a number taken meanwhile). Versions are never changed or
   * removed, except with their article when it leaves the articles (Papierkorb, discarded).
   */
  insertArticleVersion(version: NewArticleVersion): Promise<ArticleVersion>

  /**
   * Stores a photo's bytes as the pieces in which they arrived (no copy of the whole file), and
   * its variants. `media.variants` is not stored: `getMedia` lists the variants that are.
   */
  insertMedia(
    media: Media,
    chunks: readonly Uint8Array[],
    variants: readonly ImageVariant[],
  ): Promise<void>
  /** The photo with the variants stored so far, in the order of `mediaVariantNames`. */
  getMedia(id: string): Promise<Media | null>
  getMediaBytes(id: string): Promise<Uint8Array | null>
  /**
   * Stores variants made after the upload (photos from before variants existed) and the photo's
   * upright size; a variant that another request stored meanwhile is kept as it is.
   */
  addMediaVariants(
    mediaId: string,
    upright: { width: number; height: number },
    variants: readonly ImageVariant[],
  ): Promise<void>
  getMediaVariant(mediaId: string, name: MediaVariantName): Promise<StoredVariantFile | null>

  appendAudit(event: AuditEvent): Promise<void>
  listAudit(resourceId: string): Promise<AuditEvent[]>

  /** Recipients ordered by address; `q` finds a part of the address, name or organisation. */
  listSubscribers(query: { q?: string; status?: SubscriberStatus }): Promise<Subscriber[]>
  getSubscriber(id: string): Promise<Subscriber | null>
  countConfirmedSubscribers(): Promise<number>
  /** Which of these (normalised) addresses are in the list already. */
  existingEmails(emails: readonly string[]): Promise<string[]>
  /** Adds recipients whose address is not there yet (others are left as they are); returns how many. */
  insertSubscribers(subscribers: readonly Subscriber[]): Promise<number>
  /**
   * Erases a recipient: the row and their deliveries go; the hash of the address is put on the
   * suppression list. Returns the erased recipient (null: no such recipient).
   */
  eraseSubscriber(
    id: string,
    suppression: { emailHash: string; at: string },
  ): Promise<Subscriber | null>
  /** Which of these address hashes are on the suppression list. */
  suppressedHashes(hashes: readonly string[]): Promise<string[]>
  /** Takes an address off the suppression list (re-added by hand, or signed up on their own). */
  unsuppress(emailHash: string): Promise<void>
  /** Makes the recipient a pending sign-up with a new confirmation link (replacing an older one). */
  setConfirmationRequest(subscriberId: string, request: ConfirmationRequest): Promise<void>
  /** The sign-up whose confirmation token has this hash, with the link's expiry. */
  getSubscriberByConfirmation(
    tokenHash: string,
  ): Promise<{ subscriber: Subscriber; expiresAt: string } | null>
  /** Confirms a pending sign-up; the confirmation token is forgotten. */
  confirmSubscriber(subscriberId: string, at: string): Promise<void>
  /** Deletes sign-ups that were never confirmed and were requested before `requestedBefore`. */
  purgeUnconfirmedSubscribers(requestedBefore: string): Promise<number>

  /** Refused (ConcurrentChange) when the address is there already: addresses are unique. */
  insertSubscriber(subscriber: Subscriber): Promise<void>
  getSubscriberByEmail(email: string): Promise<Subscriber | null>
  /**
   * Marks the person unsubscribed; every message of theirs still waiting, or taken by a worker
   * and not yet sent, is `skipped`, so a send under way gives them nothing more.
   */
  unsubscribe(subscriberId: string, at: string): Promise<void>

  /**
   * Stores the send and one waiting delivery per confirmed recipient, in the database in one
   * statement (recipients are never all read into memory); returns how many.
   */
  insertSend(send: SendJob): Promise<number>
  getSend(id: string): Promise<SendJob | null>
  /** Changes the status only from one of `from` (e.g. "Anhalten": running → paused). */
  setSendStatus(id: string, from: readonly SendStatus[], to: SendStatus): Promise<boolean>
  /** Starts the planned sends whose time has come; returns their ids. */
  startDueSends(now: string): Promise<string[]>
  /**
   * Takes up to `limit` deliveries of running sends for one worker: waiting ones that are due,
   * and `sending` ones whose worker's lease ended before `leaseExpiredBefore` (a crashed
   * process). Rows another worker holds are skipped (FOR UPDATE SKIP LOCKED), so no delivery
   * is taken twice.
   */
  claimDeliveries(claim: {
    workerId: string
    now: string
    limit: number
    leaseExpiredBefore: string
  }): Promise<ClaimedDelivery[]>
  /**
   * The current state of taken deliveries (missing: erased meanwhile). The worker asks before
   * each few messages, so that an unsubscribe or "Anhalten" during its batch holds.
   */
  deliveryStates(keys: readonly DeliveryKey[]): Promise<DeliveryState[]>
  /** Gives taken deliveries back (`pending`, this attempt not counted), e.g. of a held send. */
  releaseDeliveries(workerId: string, keys: readonly DeliveryKey[]): Promise<void>
  /** Records an attempt's result; false when the delivery is no longer this worker's. */
  completeDelivery(done: {
    sendId: string
    subscriberId: string
    workerId: string
    at: string
    step: DeliveryStep
  }): Promise<boolean>
  /** Marks running sends with nothing left to do as done; each is returned to one caller only. */
  finishCompletedSends(at: string): Promise<SendJob[]>
  deliveryCounts(sendId: string): Promise<DeliveryCounts>
  /** The sends of an issue, newest first. */
  listSends(issueId: string): Promise<SendJob[]>
  /** Failed, skipped and retried deliveries of a send with their reasons (at most `limit`). */
  listDeliveryProblems(sendId: string, limit: number): Promise<DeliveryProblem[]>
  /** Removes the planned (not yet started) sends of an issue, e.g. when its approval is taken back. */
  cancelScheduledSends(issueId: string): Promise<number>

  getArchiveEntry(issueId: string): Promise<ArchiveEntry | null>
  /** The entry with this address and its stored page (null: no page stored, or not published). */
  getArchivePage(slug: string): Promise<{ entry: ArchiveEntry; html: string | null } | null>
  /** The addresses taken in a month (`2018-08`, `2018-08-2`, …). */
  archiveSlugsOfMonth(month: string): Promise<string[]>
  /**
   * Reserves `slug` for the issue; false (and nothing changed) when the address or the issue has
   * one already. The database's unique key decides between simultaneous reservations; the
   * transaction stays usable after a refusal.
   */
  reserveArchiveSlug(reservation: {
    issueId: string
    slug: string
    label: string
    plannedSendDate: string
  }): Promise<boolean>
  /** Stores the page of a reserved entry (once: a stored page is never replaced). */
  publishArchivePage(issueId: string, page: ArchivePage): Promise<boolean>
  /** Takes the stored page away again ("Versand zurücknehmen"); the address stays reserved. */
  removeArchivePage(issueId: string): Promise<void>
  /**
   * Takes a published entry out of the archive (`withdrawal`) or puts it back (null); false when
   * it was not published, or already out (or in): two simultaneous requests change it once.
   */
  setArchiveWithdrawal(issueId: string, withdrawal: ArchiveWithdrawal | null): Promise<boolean>
  /** Published entries that are not taken down, newest Erscheinungsdatum first. */
  listArchive(): Promise<ArchiveEntry[]>
  /** Ids of versendete issues without a stored page (sent before the archive existed, 0012). */
  publishedIssuesWithoutArchivePage(): Promise<string[]>

  /** Stores notifications (docs/decisions/0014-notifications.md). */
  insertNotifications(notifications: readonly StoredNotification[]): Promise<void>
  /** A person's notifications, newest first, at most `limit`. */
  listNotifications(recipientId: string, limit: number): Promise<StoredNotification[]>
  countUnreadNotifications(recipientId: string): Promise<number>
  /** Marks one notification of the person read (kept as it is when read already); false: none of theirs. */
  markNotificationRead(id: string, recipientId: string, at: string): Promise<boolean>
  markAllNotificationsRead(recipientId: string, at: string): Promise<void>

  /** An article's comment threads, oldest first, each with its comments oldest first. */
  listCommentThreads(articleId: string): Promise<CommentThread[]>
  getCommentThread(id: string): Promise<CommentThread | null>
  /**
   * Reads the thread and locks its row until the transaction ends, after a key-share lock on
   * its article (the order article, thread, as the article's deletion takes them): replies,
   * edits, "Erledigt" and deletions of one thread take turns, and each sees the comments the
   * one before committed. Null: no such thread (also when its article was deleted meanwhile).
   */
  lockCommentThread(id: string): Promise<CommentThread | null>
  /** Stores a thread with its first comment (docs/decisions/0015-comments.md). */
  insertCommentThread(thread: StoredCommentThread, first: Comment): Promise<void>
  /** Adds a reply; the database refuses it when the thread was deleted meanwhile. */
  insertComment(comment: Comment): Promise<void>
  getComment(id: string): Promise<Comment | null>
  /** Changes a comment's text and sets `editedAt`; false: no such comment. */
  updateCommentText(id: string, text: string, editedAt: string): Promise<boolean>
  /** Removes one comment; false: no such comment. */
  deleteComment(id: string): Promise<boolean>
  /** Removes a thread with its comments (and the notifications about it). */
  deleteCommentThread(id: string): Promise<boolean>
  /** "Erledigt" (`resolution`) or "Wieder öffnen" (null); false: no such thread. */
  setCommentThreadResolution(
    id: string,
    resolution: { at: string; by: string } | null,
  ): Promise<boolean>
  /** Open threads per article, for the board's cards (articles without any are left out). */
  openCommentThreadCounts(): Promise<OpenCommentCounts>
  // Settings, reminders and notification e-mails (docs/decisions/0016-reminders.md)
  /** The settings of every person who can sign in. */
  listNotificationSettings(): Promise<StoredNotificationSettings[]>
  getNotificationSettings(userId: string): Promise<StoredNotificationSettings | null>
  updateNotificationSettings(settings: Omit<StoredNotificationSettings, 'email'>): Promise<void>
  /**
   * Records a reminder by its key (issue, kind, recipient, deadline); false when it is recorded
   * already, also by another process at the same moment (the database's unique key decides and
   * the transaction stays usable).
   */
  recordReminder(reminder: ReminderRecord): Promise<boolean>
  insertNotificationMails(mails: readonly NotificationMail[]): Promise<void>
  /** Takes due notification e-mails for one worker (like `claimDeliveries`). */
  claimNotificationMails(claim: {
    workerId: string
    now: string
    limit: number
    leaseExpiredBefore: string
  }): Promise<ClaimedNotificationMail[]>
  /** Records an attempt's outcome; false when the mail is no longer this worker's. */
  completeNotificationMail(completion: {
    id: string
    workerId: string
    at: string
    step: DeliveryStep
  }): Promise<boolean>
  /**
   * Deletes notification e-mails sent or finally failed before `mailsBefore` (never one waiting
   * or being sent), the records of reminders whose deadline is before `remindersBefore`, and
   * notifications read before `readNotificationsBefore` or made before
   * `unreadNotificationsBefore` and still unread (`notificationHistoryCutoffs`); a notification
   * whose e-mail is waiting or being sent stays until the mail is finished. Idempotent: several
   * processes may run it at once.
   */
  purgeNotificationHistory(cutoffs: NotificationHistoryCutoffs): Promise<NotificationHistoryPurged>
}

/** How many rows a purge of the notification history deleted. */
export interface NotificationHistoryPurged {
  mails: number
  reminders: number
  notifications: number
}

/** A reminder as recorded, by its key: at most one per key, ever. */
export interface ReminderRecord {
  issueId: string
  kind: ReminderKind
  recipientId: string
  deadline: string
  createdAt: string
}

/** A notification e-mail, its content fixed when it is queued. */
export interface NotificationMail {
  id: string
  notificationId: string
  to: string
  subject: string
  text: string
  html: string
  createdAt: string
}

/** A notification e-mail taken by a worker, with the attempts before this one. */
export interface ClaimedNotificationMail extends NotificationMail {
  /** Attempts including the one now taken. */
  attempts: number
}

/**
 * Thrown by a transaction's work when what it read before taking its locks changed meanwhile:
 * the store rolls back and runs the work again from the start (a bounded number of times).
 */
export class RetryTransaction extends Error {
  constructor(reason: string) {
    super(reason)
    this.name = 'RetryTransaction'
  }
}

/**
 * A write that the database refused because a simultaneous request changed the same data
 * (a unique key, a foreign key, a deadlock, or retries used up). The handler answers 409.
 */
export class ConcurrentChange extends Error {
  constructor(
    reason: string,
    readonly constraint: string | null = null,
  ) {
    super(reason)
    this.name = 'ConcurrentChange'
  }
}

/** How often a transaction is run again after `RetryTransaction` or a deadlock. */
export const maxTransactionAttempts = 5

/** Runs `attempt` again while it fails with an error that `retryable` accepts, at most `maxTransactionAttempts` times. */
export async function withRetries<T>(
  attempt: () => Promise<T>,
  retryable: (error: unknown) => boolean,
): Promise<T> {
  for (let tries = 1; ; tries++) {
    try {
      return await attempt()
    } catch (error) {
      if (!retryable(error)) throw error
      if (tries >= maxTransactionAttempts) {
        throw new ConcurrentChange(
          `Transaktion nach ${tries} Versuchen aufgegeben: ${error instanceof Error ? error.message : String(error)}`,
        )
      }
    }
  }
}

/** A store runs each request's reads and writes in one transaction: all or nothing. */
export interface Store {
  transaction<T>(work: (tx: StoreTx) => Promise<T>): Promise<T>
}

/** The archive's part of a transaction (implemented by the database and the memory store). */
export type ArchiveTx = Pick<
  StoreTx,
  | 'getArchiveEntry'
  | 'getArchivePage'
  | 'archiveSlugsOfMonth'
  | 'reserveArchiveSlug'
  | 'publishArchivePage'
  | 'removeArchivePage'
  | 'setArchiveWithdrawal'
  | 'listArchive'
  | 'publishedIssuesWithoutArchivePage'
>
