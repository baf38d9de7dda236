import type { Article } from '../src/domain/article'
import type { ArticleVersion } from '../src/domain/article-versions'
import type { AuditEvent } from '../src/domain/audit-event'
import type { Comment, StoredCommentThread } from '../src/domain/comment'
import type { Issue } from '../src/domain/issue'
import type { StoredNotification } from '../src/domain/notification'
import type { StoredNotificationSettings } from '../src/domain/notification-settings'
import type { Media, MediaVariantName } from '../src/domain/media'
import type { ImageVariant, VariantType } from '../src/server/image-port'
import type { Publication } from '../src/domain/publication'
import { plainText } from '../src/domain/rich-text'
import type { User } from '../src/domain/user'
import { skippedReasons, type DeliveryStatus, type DeliveryStep } from '../src/domain/delivery'
import type { Subscriber } from '../src/domain/subscriber'
import type {
  ArchiveEntry,
  ArchiveTx,
  Credential,
  DeliveryCounts,
  LoginFailures,
  ConfirmationRequest,
  DeliveryKey,
  SendJob,
  Session,
  Store,
  StoreTx,
  StoredArticle,
  TrashEntry,
  ReminderRecord,
  NotificationMail,
} from '../src/server/store'
import { concatBytes } from '../src/server/bytes'
import {
  ConcurrentChange,
  inVariantOrder,
  listedVariant,
  RetryTransaction,
  withRetries,
} from '../src/server/store'

/** Everything the demo backend holds, as plain data (so it can be persisted and restored). */
export interface MemoryState {
  users: User[]
  sessions: Session[]
  publication: Publication
  issues: Issue[]
  articles: StoredArticle[]
  media: Media[]
  /** The photos' variants without their bytes (missing in demo data saved before they existed). */
  mediaVariants?: MemoryMediaVariant[]
  auditEvents: AuditEvent[]
  /** The Papierkorb (missing in demo data saved before it existed). */
  trash?: TrashEntry[]
  /** Kept versions of articles (missing in demo data saved before they existed). */
  articleVersions?: ArticleVersion[]
  /** Only for tests of password sign-in; the demo signs in without passwords. */
  credentials?: Credential[]
  loginFailures?: LoginFailures[]
  /** Recipients and the send queue (missing in demo data saved before they existed). */
  subscribers?: Subscriber[]
  sends?: SendJob[]
  deliveries?: MemoryDelivery[]
  /** Confirmation links of pending sign-ups (only the token's hash). */
  confirmations?: MemoryConfirmation[]
  /** SHA-256 of erased addresses. */
  suppressedHashes?: string[]
  /** The public archive: one entry per issue with a reserved address, and its stored page. */
  archive?: MemoryArchiveEntry[]
  /** Notifications in the order they were made (missing in demo data saved before they existed). */
  notifications?: StoredNotification[]
  /** Comment threads and their comments, in the order they were made (missing before they existed). */
  commentThreads?: StoredCommentThread[]
  comments?: Comment[]
  /** Addresses and switches of people who have any (everyone else: no address, both on). */
  notificationSettings?: StoredNotificationSettings[]
  /** The keys of the reminders made so far. */
  reminders?: ReminderRecord[]
  notificationMails?: MemoryNotificationMail[]
}

/** A notification e-mail with its place in the queue, as the database keeps it. */
export interface MemoryNotificationMail extends NotificationMail {
  status: 'pending' | 'sending' | 'sent' | 'failed'
  attempts: number
  nextAttemptAt: string
  claimedBy: string | null
  claimedAt: string | null
  lastError: string | null
  sentAt?: string
  /** When it was sent or given up (missing in demo data saved before it existed). */
  finishedAt?: string
}

/** An archive entry as the database keeps it: the page's HTML beside its fields. */
export interface MemoryArchiveEntry extends ArchiveEntry {
  html: string | null
}

/** A variant of a photo, as the database keeps it beside its bytes. */
export interface MemoryMediaVariant {
  mediaId: string
  name: MediaVariantName
  mimeType: VariantType
  width: number
  height: number
  byteSize: number
}

/** The key of a variant's bytes in `MediaBytes` (ids never contain a slash). */
export const variantBytesKey = (mediaId: string, name: MediaVariantName) => `${mediaId}/${name}`

/** The keys of every file in `MediaBytes`: the photos and their variants. */
export const mediaBytesKeys = (state: MemoryState): string[] => [
  ...state.media.map((media) => media.id),
  ...(state.mediaVariants ?? []).map((variant) => variantBytesKey(variant.mediaId, variant.name)),
]

/** A photo's stored variants with their bytes, e.g. to copy the demo data into a database. */
export const variantsWithBytes = (
  state: MemoryState,
  bytes: MediaBytes,
  mediaId: string,
): ImageVariant[] =>
  (state.mediaVariants ?? []).flatMap(({ mediaId: owner, byteSize: _size, ...variant }) => {
    const data = owner === mediaId ? bytes.get(variantBytesKey(mediaId, variant.name)) : undefined
    return data ? [{ ...variant, bytes: data }] : []
  })

/** A pending sign-up's confirmation link, as the database keeps it beside the recipient. */
export interface MemoryConfirmation {
  subscriberId: string
  tokenHash: string
  expiresAt: string
}

/** A row of the send queue, as the database keeps it. */
export interface MemoryDelivery {
  sendId: string
  subscriberId: string
  status: DeliveryStatus
  attempts: number
  nextAttemptAt: string
  claimedBy: string | null
  claimedAt: string | null
  lastError: string | null
  sentAt: string | null
}

/** Photo bytes by media id (variants by `variantBytesKey`), kept beside the state because they are large. */
export type MediaBytes = Map<string, Uint8Array>

/** Called after each committed transaction that wrote something, with the committed state (read only). */
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
      // Reads see the committed state; the first write copies it (committed state is never
      // changed in place, so it can be handed to persistence without another copy).
      let draft: MemoryState | null = null
      const newBytes: MediaBytes = new Map()
      const tx = createTx(
        {
          read: () => draft ?? this.state,
          write: () => (draft ??= structuredClone(this.state)),
        },
        (id) => newBytes.get(id) ?? this.bytes.get(id) ?? null,
        (id, data) => newBytes.set(id, data),
      )
      const result = await work(tx)
      if (draft) {
        this.state = draft
        for (const [id, data] of newBytes) this.bytes.set(id, data)
        await this.onCommit?.(this.state, [...newBytes.keys()])
      }
      return structuredClone(result)
    }
    const attempt = () => withRetries(run, (error) => error instanceof RetryTransaction)
    const next = this.queue.then(attempt, attempt)
    this.queue = next.catch(() => undefined)
    return next
  }

  /** The stored bytes of a photo. */
  mediaBytes(id: string): Uint8Array | undefined {
    return this.bytes.get(id)
  }

  /** A photo's stored variants with their bytes. */
  variantsOf(mediaId: string): ImageVariant[] {
    return variantsWithBytes(this.state, this.bytes, mediaId)
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
  state: { read: () => MemoryState; write: () => MemoryState },
  readBytes: (id: string) => Uint8Array | null,
  writeBytes: (id: string, bytes: Uint8Array) => void,
): StoreTx {
  /** Like the database: a photo's variant stored meanwhile is kept; a photo that is gone takes none. */
  const addVariants = (mediaId: string, variants: readonly ImageVariant[]) => {
    const draft = state.write()
    if (!draft.media.some((media) => media.id === mediaId)) {
      throw new Error(`Foto ${mediaId} gibt es nicht (media_variants_media_id_fkey)`)
    }
    const stored = (draft.mediaVariants ??= [])
    for (const { bytes, ...variant } of variants) {
      if (stored.some((item) => item.mediaId === mediaId && item.name === variant.name)) continue
      stored.push({ mediaId, ...variant, byteSize: bytes.byteLength })
      writeBytes(variantBytesKey(mediaId, variant.name), bytes)
    }
  }
  const issueOf = (articleId: string) =>
    state.read().issues.find((issue) => issue.articleIds.includes(articleId))?.id ?? null
  const withIssue = (article: StoredArticle): Article => ({
    ...article,
    issueId: issueOf(article.id),
  })
  // whether it went out through Rundbrief comes from the sends, as the database store derives it
  const withSends = (issue: Issue): Issue => ({
    ...issue,
    sentThroughRundbrief: (state.read().sends ?? []).some(
      (send) => send.issueId === issue.id && send.status === 'done',
    ),
  })
  const issueById = (id: string) => {
    const issue = state.read().issues.find((item) => item.id === id)
    return issue ? withSends(issue) : null
  }
  const articleById = (id: string) => {
    const article = state.read().articles.find((item) => item.id === id)
    return article ? withIssue(article) : null
  }
  const versionsOf = (articleId: string) =>
    (state.read().articleVersions ?? [])
      .filter((version) => version.articleId === articleId)
      .sort((a, b) => b.number - a.number)
  // like the database's foreign key: the versions go with an article that leaves the articles
  const dropVersions = (draft: MemoryState, articleId: string) => {
    draft.articleVersions = (draft.articleVersions ?? []).filter(
      (version) => version.articleId !== articleId,
    )
  }
  const replaceVersioned = <T extends { id: string; version: number }>(
    list: (draft: MemoryState) => T[],
    next: T,
    expectedVersion: number,
  ) => {
    const index = list(state.read()).findIndex((item) => item.id === next.id)
    if (list(state.read())[index]?.version !== expectedVersion) return false
    list(state.write())[index] = structuredClone(next)
    return true
  }

  return {
    listUsers: async () => state.read().users,
    getUser: async (id) => state.read().users.find((user) => user.id === id) ?? null,

    getCredential: async (login) =>
      state.read().credentials?.find((credential) => credential.login === login) ?? null,
    updatePasswordHash: async (userId, passwordHash) => {
      const draft = state.write()
      draft.credentials = (draft.credentials ?? []).map((credential) =>
        credential.userId === userId ? { ...credential, passwordHash } : credential,
      )
    },
    lockLoginFailures: async (key) =>
      state.read().loginFailures?.find((failures) => failures.key === key) ?? null,
    putLoginFailures: async (failures) => {
      const draft = state.write()
      draft.loginFailures = [
        ...(draft.loginFailures ?? []).filter((item) => item.key !== failures.key),
        failures,
      ]
    },
    clearLoginFailures: async (key) => {
      const draft = state.write()
      draft.loginFailures = (draft.loginFailures ?? []).filter((item) => item.key !== key)
    },

    createSession: async (session) => {
      state.write().sessions.push(session)
    },
    getSession: async (token) => {
      const session = state.read().sessions.find((item) => item.token === token)
      // Demo data saved before sessions had an idle time counts as active.
      return session ? { ...session, lastSeenAt: session.lastSeenAt ?? session.expiresAt } : null
    },
    touchSession: async (token, lastSeenAt) => {
      const draft = state.write()
      draft.sessions = draft.sessions.map((session) =>
        session.token === token ? { ...session, lastSeenAt } : session,
      )
    },
    deleteSession: async (token) => {
      const draft = state.write()
      draft.sessions = draft.sessions.filter((session) => session.token !== token)
    },

    getPublication: async () => state.read().publication,
    updatePublication: async (publication, expectedVersion) => {
      if (state.read().publication.version !== expectedVersion) return false
      state.write().publication = structuredClone(publication)
      return true
    },

    listIssues: async () => state.read().issues.map(withSends),
    getIssue: async (id) => issueById(id),
    // Transactions run one after another here: reading is locking.
    lockIssue: async (id) => issueById(id),
    insertIssue: async (issue) => {
      state.write().issues.push(structuredClone(issue))
    },
    updateIssue: async (issue, expectedVersion) => {
      for (const articleId of issue.articleIds) {
        const owner = issueOf(articleId)
        if (owner !== null && owner !== issue.id) {
          throw new ConcurrentChange(
            'Beitrag gehört zu einer anderen Ausgabe',
            'issue_articles_pkey',
          )
        }
        if (!state.read().articles.some((article) => article.id === articleId)) {
          throw new ConcurrentChange('Beitrag existiert nicht', 'issue_articles_article')
        }
      }
      return replaceVersioned((draft) => draft.issues, issue, expectedVersion)
    },

    listArticles: async (filter) =>
      state
        .read()
        .articles.map(withIssue)
        .filter((article) => filter.issueId === undefined || article.issueId === filter.issueId)
        .filter((article) => filter.status === undefined || article.status === filter.status)
        .filter((article) => filter.q === undefined || matchesQuery(article, filter.q))
        .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)),
    getArticle: async (id) => articleById(id),
    issueIdOfArticle: async (id) => issueOf(id),
    lockArticle: async (id) => articleById(id),
    insertArticle: async (article) => {
      state.write().articles.push(structuredClone(article))
    },
    updateArticle: async (article, expectedVersion) =>
      replaceVersioned((draft) => draft.articles, article, expectedVersion),
    deleteArticle: async (id, expectedVersion) => {
      if (issueOf(id) !== null) {
        throw new ConcurrentChange('Beitrag gehört zu einer Ausgabe', 'issue_articles_article')
      }
      const found = state
        .read()
        .articles.some((article) => article.id === id && article.version === expectedVersion)
      if (!found) return false
      const draft = state.write()
      draft.articles = draft.articles.filter((article) => article.id !== id)
      dropVersions(draft, id)
      dropCommentsOfArticle(draft, id)
      return true
    },
    moveArticleToTrash: async (id, expectedVersion, deletion) => {
      if (issueOf(id) !== null) {
        throw new ConcurrentChange('Beitrag gehört zu einer Ausgabe', 'issue_articles_article')
      }
      const article = state
        .read()
        .articles.find((item) => item.id === id && item.version === expectedVersion)
      if (!article) return false
      const draft = state.write()
      draft.articles = draft.articles.filter((item) => item.id !== id)
      dropVersions(draft, id)
      dropCommentsOfArticle(draft, id)
      draft.trash = [...(draft.trash ?? []), { article: structuredClone(article), ...deletion }]
      return true
    },
    listTrash: async () =>
      [...(state.read().trash ?? [])].sort((a, b) => b.deletedAt.localeCompare(a.deletedAt)),
    getTrashEntry: async (id) =>
      state.read().trash?.find((entry) => entry.article.id === id) ?? null,
    lockTrashEntry: async (id) =>
      state.read().trash?.find((entry) => entry.article.id === id) ?? null,
    restoreArticle: async (article) => {
      if (state.read().articles.some((item) => item.id === article.id)) {
        throw new ConcurrentChange('Beitrag existiert schon', 'articles_pkey')
      }
      const draft = state.write()
      draft.trash = (draft.trash ?? []).filter((entry) => entry.article.id !== article.id)
      draft.articles.push(structuredClone(article))
    },
    purgeTrash: async (deletedBefore) => {
      const expired = (state.read().trash ?? []).filter((entry) => entry.deletedAt < deletedBefore)
      if (expired.length === 0) return []
      const ids = expired.map((entry) => entry.article.id)
      const draft = state.write()
      draft.trash = (draft.trash ?? []).filter((entry) => !ids.includes(entry.article.id))
      return ids
    },

    listArticleVersions: async (articleId) => versionsOf(articleId),
    getArticleVersion: async (articleId, number) =>
      versionsOf(articleId).find((version) => version.number === number) ?? null,
    latestArticleVersion: async (articleId) => versionsOf(articleId)[0] ?? null,
    insertArticleVersion: async (version) => {
      if (!state.read().articles.some((article) => article.id === version.articleId)) {
        throw new ConcurrentChange('Beitrag existiert nicht', 'article_versions_article_id_fkey')
      }
      const stored: ArticleVersion = {
        ...structuredClone(version),
        number: (versionsOf(version.articleId)[0]?.number ?? 0) + 1,
      }
      const draft = state.write()
      draft.articleVersions = [...(draft.articleVersions ?? []), stored]
      return stored
    },

    insertMedia: async ({ variants: _listed, ...media }, chunks, variants) => {
      state.write().media.push({ ...media, variants: [] })
      writeBytes(media.id, concatBytes(chunks))
      addVariants(media.id, variants)
    },
    getMedia: async (id) => {
      const media = state.read().media.find((item) => item.id === id)
      if (!media) return null
      const variants = (state.read().mediaVariants ?? []).filter((item) => item.mediaId === id)
      return { ...media, variants: inVariantOrder(variants.map((item) => listedVariant(id, item))) }
    },
    getMediaBytes: async (id) => readBytes(id),
    addMediaVariants: async (mediaId, upright, variants) => {
      const media = state.write().media.find((item) => item.id === mediaId)
      if (media) Object.assign(media, { width: upright.width, height: upright.height })
      addVariants(mediaId, variants)
    },
    getMediaVariant: async (mediaId, name) => {
      const variant = state
        .read()
        .mediaVariants?.find((item) => item.mediaId === mediaId && item.name === name)
      const bytes = readBytes(variantBytesKey(mediaId, name))
      return variant && bytes ? { mimeType: variant.mimeType, bytes } : null
    },

    appendAudit: async (event) => {
      state.write().auditEvents.push(event)
    },
    listAudit: async (resourceId) =>
      state.read().auditEvents.filter((event) => event.resourceId === resourceId),

    ...memorySendQueue(state),
    ...memoryArchive(state),
    ...memoryNotifications(state),
    ...memoryComments(state),
    ...memoryReminders(state),
  }
}

/** Like the database's foreign keys: threads, comments and their notifications go with an article. */
function dropCommentsOfArticle(draft: MemoryState, articleId: string) {
  const threadIds = new Set(
    (draft.commentThreads ?? [])
      .filter((thread) => thread.articleId === articleId)
      .map((thread) => thread.id),
  )
  dropThreads(draft, threadIds)
  dropNotifications(draft, (notification) => notification.articleId === articleId)
}

function dropThreads(draft: MemoryState, threadIds: ReadonlySet<string>) {
  if (threadIds.size === 0) return
  draft.commentThreads = (draft.commentThreads ?? []).filter((thread) => !threadIds.has(thread.id))
  draft.comments = (draft.comments ?? []).filter((comment) => !threadIds.has(comment.threadId))
  dropNotifications(
    draft,
    (notification) => notification.threadId != null && threadIds.has(notification.threadId),
  )
}

/** Like the database's foreign key: a notification's e-mail goes with the notification. */
function dropNotifications(
  draft: MemoryState,
  dropped: (notification: StoredNotification) => boolean,
) {
  const ids = new Set((draft.notifications ?? []).filter(dropped).map(({ id }) => id))
  if (ids.size === 0) return
  draft.notifications = (draft.notifications ?? []).filter(({ id }) => !ids.has(id))
  draft.notificationMails = (draft.notificationMails ?? []).filter(
    (mail) => !ids.has(mail.notificationId),
  )
}

/** Comment threads with their comments, in the order they were made (as the database's `seq`). */
function memoryComments(state: {
  read: () => MemoryState
  write: () => MemoryState
}): Pick<
  StoreTx,
  | 'listCommentThreads'
  | 'getCommentThread'
  | 'lockCommentThread'
  | 'insertCommentThread'
  | 'insertComment'
  | 'getComment'
  | 'updateCommentText'
  | 'deleteComment'
  | 'deleteCommentThread'
  | 'setCommentThreadResolution'
  | 'openCommentThreadCounts'
> {
  const withComments = (thread: StoredCommentThread) => ({
    ...structuredClone(thread),
    comments: structuredClone(
      (state.read().comments ?? []).filter((comment) => comment.threadId === thread.id),
    ),
  })
  const threadById = (id: string) =>
    (state.read().commentThreads ?? []).find((thread) => thread.id === id) ?? null
  const assertUser = (id: string, constraint: string) => {
    if (!state.read().users.some((user) => user.id === id)) {
      throw new Error(`Person ${id} gibt es nicht (${constraint})`)
    }
  }
  return {
    listCommentThreads: async (articleId) =>
      (state.read().commentThreads ?? [])
        .filter((thread) => thread.articleId === articleId)
        .map(withComments),
    getCommentThread: async (id) => {
      const thread = threadById(id)
      return thread ? withComments(thread) : null
    },
    lockCommentThread: async (id) => {
      const thread = threadById(id)
      return thread ? withComments(thread) : null
    },
    insertCommentThread: async (thread, first) => {
      if (!state.read().articles.some((article) => article.id === thread.articleId)) {
        throw new ConcurrentChange('Beitrag existiert nicht', 'comment_threads_article_id_fkey')
      }
      if (threadById(thread.id)) {
        throw new ConcurrentChange('Gespräch existiert schon', 'comment_threads_pkey')
      }
      assertUser(first.authorId, 'comments_author_id_fkey')
      const draft = state.write()
      draft.commentThreads = [...(draft.commentThreads ?? []), structuredClone(thread)]
      draft.comments = [...(draft.comments ?? []), structuredClone(first)]
    },
    insertComment: async (comment) => {
      if (!threadById(comment.threadId)) {
        throw new ConcurrentChange('Gespräch existiert nicht', 'comments_thread_id_fkey')
      }
      assertUser(comment.authorId, 'comments_author_id_fkey')
      const draft = state.write()
      draft.comments = [...(draft.comments ?? []), structuredClone(comment)]
    },
    getComment: async (id) =>
      structuredClone((state.read().comments ?? []).find((comment) => comment.id === id) ?? null),
    updateCommentText: async (id, text, editedAt) => {
      const comment = (state.write().comments ?? []).find((item) => item.id === id)
      if (!comment) return false
      Object.assign(comment, { text, editedAt })
      return true
    },
    deleteComment: async (id) => {
      if (!(state.read().comments ?? []).some((comment) => comment.id === id)) return false
      const draft = state.write()
      draft.comments = (draft.comments ?? []).filter((comment) => comment.id !== id)
      return true
    },
    deleteCommentThread: async (id) => {
      if (!threadById(id)) return false
      dropThreads(state.write(), new Set([id]))
      return true
    },
    setCommentThreadResolution: async (id, resolution) => {
      if (!threadById(id)) return false
      const thread = (state.write().commentThreads ?? []).find((item) => item.id === id)
      if (!thread) return false
      Object.assign(thread, {
        resolvedAt: resolution?.at ?? null,
        resolvedBy: resolution?.by ?? null,
      })
      return true
    },
    openCommentThreadCounts: async () => {
      const counts: Record<string, number> = {}
      for (const thread of state.read().commentThreads ?? []) {
        if (thread.resolvedAt === null)
          counts[thread.articleId] = (counts[thread.articleId] ?? 0) + 1
      }
      return counts
    },
  }
}

/** Settings, reminders and notification e-mails with the database's rules (0016-reminders). */
function memoryReminders(state: {
  read: () => MemoryState
  write: () => MemoryState
}): Pick<
  StoreTx,
  | 'listNotificationSettings'
  | 'getNotificationSettings'
  | 'updateNotificationSettings'
  | 'recordReminder'
  | 'insertNotificationMails'
  | 'claimNotificationMails'
  | 'completeNotificationMail'
  | 'purgeNotificationHistory'
> {
  const settingsOf = (userId: string): StoredNotificationSettings =>
    structuredClone(
      (state.read().notificationSettings ?? []).find((entry) => entry.userId === userId),
    ) ?? { userId, email: null, emailEnabled: true, remindersEnabled: true }
  const time = (iso: string) => new Date(iso).getTime()
  return {
    listNotificationSettings: async () =>
      state
        .read()
        .users.map((user) => settingsOf(user.id))
        .sort((a, b) => a.userId.localeCompare(b.userId)),
    getNotificationSettings: async (userId) =>
      state.read().users.some((user) => user.id === userId) ? settingsOf(userId) : null,
    updateNotificationSettings: async ({ userId, emailEnabled, remindersEnabled }) => {
      const draft = state.write()
      const others = (draft.notificationSettings ?? []).filter((entry) => entry.userId !== userId)
      draft.notificationSettings = [
        ...others,
        { ...settingsOf(userId), emailEnabled, remindersEnabled },
      ]
    },
    recordReminder: async (reminder) => {
      const sameKey = (other: ReminderRecord) =>
        other.issueId === reminder.issueId &&
        other.kind === reminder.kind &&
        other.recipientId === reminder.recipientId &&
        time(other.deadline) === time(reminder.deadline)
      if ((state.read().reminders ?? []).some(sameKey)) return false
      const draft = state.write()
      draft.reminders = [...(draft.reminders ?? []), { ...reminder }]
      return true
    },
    insertNotificationMails: async (mails) => {
      if (mails.length === 0) return
      const draft = state.write()
      draft.notificationMails = [
        ...(draft.notificationMails ?? []),
        ...mails.map((mail) => ({
          ...mail,
          status: 'pending' as const,
          attempts: 0,
          nextAttemptAt: mail.createdAt,
          claimedBy: null,
          claimedAt: null,
          lastError: null,
        })),
      ]
    },
    claimNotificationMails: async ({ workerId, now, limit, leaseExpiredBefore }) => {
      const due = (state.read().notificationMails ?? [])
        .filter(
          (mail) =>
            (mail.status === 'pending' && time(mail.nextAttemptAt) <= time(now)) ||
            (mail.status === 'sending' &&
              mail.claimedAt !== null &&
              time(mail.claimedAt) < time(leaseExpiredBefore)),
        )
        .sort((a, b) => time(a.nextAttemptAt) - time(b.nextAttemptAt) || a.id.localeCompare(b.id))
        .slice(0, limit)
        .map((mail) => mail.id)
      if (due.length === 0) return []
      const mails = state.write().notificationMails ?? []
      return due.flatMap((id) => {
        const mail = mails.find((candidate) => candidate.id === id)
        if (!mail) return []
        Object.assign(mail, {
          status: 'sending',
          claimedBy: workerId,
          claimedAt: now,
          attempts: mail.attempts + 1,
        })
        const { id: mailId, notificationId, to, subject, text, html, createdAt, attempts } = mail
        return [{ id: mailId, notificationId, to, subject, text, html, createdAt, attempts }]
      })
    },
    completeNotificationMail: async ({ id, workerId, at, step }) => {
      const mail = (state.read().notificationMails ?? []).find(
        (candidate) =>
          candidate.id === id && candidate.status === 'sending' && candidate.claimedBy === workerId,
      )
      if (!mail) return false
      const stored = (state.write().notificationMails ?? []).find(
        (candidate) => candidate.id === id,
      )
      if (!stored) return false
      Object.assign(stored, {
        status: step.status === 'skipped' ? 'failed' : step.status,
        claimedBy: null,
        claimedAt: null,
        lastError: step.status === 'sent' ? null : step.reason,
        ...(step.status === 'sent' ? { sentAt: at } : {}),
        ...(step.status === 'pending'
          ? { nextAttemptAt: step.nextAttemptAt.toISOString() }
          : { finishedAt: at }),
      })
      return true
    },
    purgeNotificationHistory: async (cutoffs) => {
      const current = state.read()
      // like migration 0017: a mail finished before `finishedAt` existed counts from its last
      // planned attempt
      const finishedBefore = (mail: MemoryNotificationMail) =>
        (mail.status === 'sent' || mail.status === 'failed') &&
        time(mail.finishedAt ?? mail.sentAt ?? mail.nextAttemptAt) < time(cutoffs.mailsBefore)
      const oldReminder = (reminder: ReminderRecord) =>
        time(reminder.deadline) < time(cutoffs.remindersBefore)
      const mailed = new Set(
        (current.notificationMails ?? [])
          .filter((mail) => mail.status === 'pending' || mail.status === 'sending')
          .map((mail) => mail.notificationId),
      )
      const oldNotification = (notification: StoredNotification) =>
        !mailed.has(notification.id) &&
        (notification.readAt === null
          ? time(notification.createdAt) < time(cutoffs.unreadNotificationsBefore)
          : time(notification.readAt) < time(cutoffs.readNotificationsBefore))
      const mails = (current.notificationMails ?? []).filter(finishedBefore).length
      const reminders = (current.reminders ?? []).filter(oldReminder).length
      const purgedNotifications = new Set(
        (current.notifications ?? []).filter(oldNotification).map(({ id }) => id),
      )
      if (mails > 0) {
        const draft = state.write()
        draft.notificationMails = (draft.notificationMails ?? []).filter(
          (mail) => !finishedBefore(mail),
        )
      }
      if (reminders > 0) {
        const draft = state.write()
        draft.reminders = (draft.reminders ?? []).filter((reminder) => !oldReminder(reminder))
      }
      if (purgedNotifications.size > 0) {
        dropNotifications(state.write(), ({ id }) => purgedNotifications.has(id))
      }
      return { mails, reminders, notifications: purgedNotifications.size }
    },
  }
}

/** Notifications; like the database, newest first and, made at the same moment, the later first. */
function memoryNotifications(state: {
  read: () => MemoryState
  write: () => MemoryState
}): Pick<
  StoreTx,
  | 'insertNotifications'
  | 'listNotifications'
  | 'countUnreadNotifications'
  | 'markNotificationRead'
  | 'markAllNotificationsRead'
> {
  const ofRecipient = (recipientId: string) =>
    (state.read().notifications ?? [])
      .map((notification, index) => ({ notification, index }))
      .filter(({ notification }) => notification.recipientId === recipientId)
      .sort(
        (a, b) =>
          b.notification.createdAt.localeCompare(a.notification.createdAt) || b.index - a.index,
      )
      .map(({ notification }) => notification)
  return {
    insertNotifications: async (notifications) => {
      const users = state.read().users
      for (const notification of notifications) {
        if (!users.some((user) => user.id === notification.recipientId)) {
          throw new Error(
            `Person ${notification.recipientId} gibt es nicht (notifications_recipient_id_fkey)`,
          )
        }
      }
      const draft = state.write()
      draft.notifications = [...(draft.notifications ?? []), ...structuredClone(notifications)]
    },
    listNotifications: async (recipientId, limit) =>
      // demo data saved before comments has no article or thread in its notifications
      ofRecipient(recipientId)
        .slice(0, limit)
        .map((notification) => ({
          ...structuredClone(notification),
          articleId: notification.articleId ?? null,
          threadId: notification.threadId ?? null,
        })),
    countUnreadNotifications: async (recipientId) =>
      ofRecipient(recipientId).filter((notification) => notification.readAt === null).length,
    markNotificationRead: async (id, recipientId, at) => {
      const found = (state.write().notifications ?? []).find(
        (notification) => notification.id === id && notification.recipientId === recipientId,
      )
      if (!found) return false
      found.readAt ??= at
      return true
    },
    markAllNotificationsRead: async (recipientId, at) => {
      for (const notification of state.write().notifications ?? []) {
        if (notification.recipientId === recipientId) notification.readAt ??= at
      }
    },
  }
}

/** The archive with the database's rules: one address per issue, each address once. */
function memoryArchive(state: { read: () => MemoryState; write: () => MemoryState }): ArchiveTx {
  const entries = () => state.read().archive ?? []
  const withoutHtml = ({ html: _html, ...entry }: MemoryArchiveEntry): ArchiveEntry => entry
  /** The entry of the issue in a writable copy of the state. */
  const writable = (issueId: string) =>
    (state.write().archive ??= []).find((entry) => entry.issueId === issueId) ?? null
  return {
    getArchiveEntry: async (issueId) => {
      const entry = entries().find((item) => item.issueId === issueId)
      return entry ? withoutHtml(entry) : null
    },
    getArchivePage: async (slug) => {
      const entry = entries().find((item) => item.slug === slug)
      return entry ? { entry: withoutHtml(entry), html: entry.html } : null
    },
    archiveSlugsOfMonth: async (month) =>
      entries()
        .map((entry) => entry.slug)
        .filter((slug) => slug === month || slug.startsWith(`${month}-`)),
    reserveArchiveSlug: async (reservation) => {
      if (
        entries().some(
          (entry) => entry.slug === reservation.slug || entry.issueId === reservation.issueId,
        )
      )
        return false
      ;(state.write().archive ??= []).push({
        ...reservation,
        headlines: [],
        html: null,
        etag: null,
        publishedAt: null,
        withdrawnAt: null,
        withdrawnBy: null,
        withdrawReason: null,
      })
      return true
    },
    publishArchivePage: async (issueId, page) => {
      const current = entries().find((entry) => entry.issueId === issueId)
      if (!current || current.html !== null) return false
      Object.assign(writable(issueId) ?? {}, page)
      return true
    },
    removeArchivePage: async (issueId) => {
      const current = entries().find((entry) => entry.issueId === issueId)
      if (!current || current.html === null) return
      Object.assign(writable(issueId) ?? {}, {
        html: null,
        etag: null,
        publishedAt: null,
        headlines: [],
      })
    },
    setArchiveWithdrawal: async (issueId, withdrawal) => {
      const current = entries().find((entry) => entry.issueId === issueId)
      if (!current || current.publishedAt === null) return false
      if ((current.withdrawnAt !== null) === (withdrawal !== null)) return false
      Object.assign(writable(issueId) ?? {}, {
        withdrawnAt: withdrawal?.at ?? null,
        withdrawnBy: withdrawal?.by ?? null,
        withdrawReason: withdrawal?.reason ?? null,
      })
      return true
    },
    listArchive: async () =>
      entries()
        .filter((entry) => entry.publishedAt !== null && entry.withdrawnAt === null)
        .sort(
          (a, b) =>
            b.plannedSendDate.localeCompare(a.plannedSendDate) ||
            (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''),
        )
        .map(withoutHtml),
    publishedIssuesWithoutArchivePage: async () =>
      state
        .read()
        .issues.filter(
          (issue) =>
            issue.status === 'published' &&
            !entries().some((entry) => entry.issueId === issue.id && entry.etag !== null),
        )
        .map((issue) => issue.id)
        .sort(),
  }
}

const time = (iso: string) => new Date(iso).getTime()

/** Recipients and the send queue with the database's rules (one transaction runs at a time here). */
function memorySendQueue(state: { read: () => MemoryState; write: () => MemoryState }) {
  const subscribers = (draft: MemoryState) => (draft.subscribers ??= [])
  const sends = (draft: MemoryState) => (draft.sends ??= [])
  const deliveries = (draft: MemoryState) => (draft.deliveries ??= [])
  const read = {
    subscribers: () => state.read().subscribers ?? [],
    sends: () => state.read().sends ?? [],
    deliveries: () => state.read().deliveries ?? [],
  }
  const findDelivery = (draft: MemoryState, sendId: string, subscriberId: string) =>
    deliveries(draft).find(
      (delivery) => delivery.sendId === sendId && delivery.subscriberId === subscriberId,
    )
  return {
    insertSubscriber: async (subscriber: Subscriber) => {
      if (read.subscribers().some((item) => item.email === subscriber.email))
        throw new ConcurrentChange('Die Adresse ist schon eingetragen.', 'subscribers_email_key')
      subscribers(state.write()).push(structuredClone(subscriber))
    },
    getSubscriberByEmail: async (email: string) =>
      read.subscribers().find((item) => item.email === email) ?? null,
    unsubscribe: async (subscriberId: string, at: string) => {
      const draft = state.write()
      for (const subscriber of subscribers(draft))
        if (subscriber.id === subscriberId) {
          subscriber.status = 'unsubscribed'
          subscriber.unsubscribedAt = at
        }
      for (const delivery of deliveries(draft))
        if (
          delivery.subscriberId === subscriberId &&
          (delivery.status === 'pending' || delivery.status === 'sending')
        ) {
          delivery.status = 'skipped'
          delivery.lastError = skippedReasons.unsubscribed
          delivery.claimedBy = null
          delivery.claimedAt = null
        }
    },
    deliveryStates: async (keys: readonly DeliveryKey[]) =>
      keys.flatMap((key) => {
        const delivery = read
          .deliveries()
          .find((item) => item.sendId === key.sendId && item.subscriberId === key.subscriberId)
        const send = read.sends().find((item) => item.id === key.sendId)
        const subscriber = read.subscribers().find((item) => item.id === key.subscriberId)
        return delivery && send && subscriber
          ? [
              {
                ...key,
                status: delivery.status,
                claimedBy: delivery.claimedBy,
                sendStatus: send.status,
                subscriberStatus: subscriber.status,
              },
            ]
          : []
      }),
    releaseDeliveries: async (workerId: string, keys: readonly DeliveryKey[]) => {
      const taken = keys.filter((key) =>
        read
          .deliveries()
          .some(
            (item) =>
              item.sendId === key.sendId &&
              item.subscriberId === key.subscriberId &&
              item.status === 'sending' &&
              item.claimedBy === workerId,
          ),
      )
      if (taken.length === 0) return
      const draft = state.write()
      for (const key of taken) {
        const delivery = findDelivery(draft, key.sendId, key.subscriberId)
        if (!delivery) continue
        delivery.status = 'pending'
        delivery.claimedBy = null
        delivery.claimedAt = null
        delivery.attempts -= 1
      }
    },

    insertSend: async (send: SendJob) => {
      if (read.sends().some((item) => item.issueId === send.issueId && item.status !== 'done'))
        throw new ConcurrentChange('Die Ausgabe wird schon versendet.', 'sends_one_open_per_issue')
      const draft = state.write()
      sends(draft).push(structuredClone(send))
      const recipients = subscribers(draft).filter((item) => item.status === 'confirmed')
      for (const subscriber of recipients)
        deliveries(draft).push({
          sendId: send.id,
          subscriberId: subscriber.id,
          status: 'pending',
          attempts: 0,
          nextAttemptAt: send.scheduledAt,
          claimedBy: null,
          claimedAt: null,
          lastError: null,
          sentAt: null,
        })
      return recipients.length
    },
    getSend: async (id: string) => read.sends().find((send) => send.id === id) ?? null,
    setSendStatus: async (
      id: string,
      from: readonly SendJob['status'][],
      to: SendJob['status'],
    ) => {
      const current = read.sends().find((send) => send.id === id)
      if (!current || !from.includes(current.status)) return false
      const send = sends(state.write()).find((item) => item.id === id)
      if (send) send.status = to
      return true
    },
    startDueSends: async (now: string) => {
      const due = read
        .sends()
        .filter((send) => send.status === 'scheduled' && time(send.scheduledAt) <= time(now))
      if (due.length === 0) return []
      for (const send of sends(state.write()))
        if (due.some((item) => item.id === send.id)) send.status = 'running'
      return due.map((send) => send.id)
    },
    claimDeliveries: async (claim: {
      workerId: string
      now: string
      limit: number
      leaseExpiredBefore: string
    }) => {
      const running = new Set(
        read
          .sends()
          .filter((send) => send.status === 'running')
          .map((send) => send.id),
      )
      const due = read
        .deliveries()
        .filter(
          (delivery) =>
            running.has(delivery.sendId) &&
            ((delivery.status === 'pending' && time(delivery.nextAttemptAt) <= time(claim.now)) ||
              (delivery.status === 'sending' &&
                delivery.claimedAt !== null &&
                time(delivery.claimedAt) < time(claim.leaseExpiredBefore))),
        )
        .sort(
          (a, b) =>
            time(a.nextAttemptAt) - time(b.nextAttemptAt) ||
            a.subscriberId.localeCompare(b.subscriberId),
        )
        .slice(0, claim.limit)
      if (due.length === 0) return []
      const draft = state.write()
      return due.flatMap((picked) => {
        const delivery = findDelivery(draft, picked.sendId, picked.subscriberId)
        const subscriber = subscribers(draft).find((item) => item.id === picked.subscriberId)
        if (!delivery || !subscriber) return []
        delivery.status = 'sending'
        delivery.claimedBy = claim.workerId
        delivery.claimedAt = claim.now
        delivery.attempts += 1
        return {
          sendId: delivery.sendId,
          subscriber: {
            id: subscriber.id,
            email: subscriber.email,
            name: subscriber.name,
          },
          attempts: delivery.attempts,
        }
      })
    },
    completeDelivery: async (done: {
      sendId: string
      subscriberId: string
      workerId: string
      at: string
      step: DeliveryStep
    }) => {
      const current = read
        .deliveries()
        .find((item) => item.sendId === done.sendId && item.subscriberId === done.subscriberId)
      if (current?.status !== 'sending' || current.claimedBy !== done.workerId) return false
      const delivery = findDelivery(state.write(), done.sendId, done.subscriberId)
      if (!delivery) return false
      delivery.status = done.step.status
      delivery.claimedBy = null
      delivery.claimedAt = null
      delivery.lastError = done.step.status === 'sent' ? null : done.step.reason
      delivery.sentAt = done.step.status === 'sent' ? done.at : null
      if (done.step.status === 'pending')
        delivery.nextAttemptAt = done.step.nextAttemptAt.toISOString()
      return true
    },
    finishCompletedSends: async (at: string) => {
      const open = new Set(
        read
          .deliveries()
          .filter((delivery) => delivery.status === 'pending' || delivery.status === 'sending')
          .map((delivery) => delivery.sendId),
      )
      const finished = read
        .sends()
        .filter((send) => send.status === 'running' && !open.has(send.id))
      if (finished.length === 0) return []
      const draft = state.write()
      return sends(draft)
        .filter((send) => finished.some((done) => done.id === send.id))
        .map((send) => {
          send.status = 'done'
          send.finishedAt = at
          return structuredClone(send)
        })
    },
    deliveryCounts: async (sendId: string) => {
      const counts: DeliveryCounts = { pending: 0, sending: 0, sent: 0, failed: 0, skipped: 0 }
      for (const delivery of read.deliveries())
        if (delivery.sendId === sendId) counts[delivery.status]++
      return counts
    },
    listSends: async (issueId: string) =>
      read
        .sends()
        .filter((send) => send.issueId === issueId)
        .sort((a, b) => time(b.createdAt) - time(a.createdAt)),
    listDeliveryProblems: async (sendId: string, limit: number) => {
      const byId = new Map(read.subscribers().map((item) => [item.id, item]))
      return read
        .deliveries()
        .filter(
          (delivery) =>
            delivery.sendId === sendId && delivery.lastError !== null && delivery.status !== 'sent',
        )
        .flatMap((delivery) => {
          const subscriber = byId.get(delivery.subscriberId)
          return subscriber
            ? [
                {
                  email: subscriber.email,
                  status: delivery.status,
                  reason: delivery.lastError ?? '',
                },
              ]
            : []
        })
        .sort((a, b) => a.email.localeCompare(b.email))
        .slice(0, limit)
    },
    cancelScheduledSends: async (issueId: string) => {
      const planned = read
        .sends()
        .filter((send) => send.issueId === issueId && send.status === 'scheduled')
        .map((send) => send.id)
      if (planned.length === 0) return 0
      const draft = state.write()
      draft.sends = sends(draft).filter((send) => !planned.includes(send.id))
      draft.deliveries = deliveries(draft).filter((delivery) => !planned.includes(delivery.sendId))
      return planned.length
    },

    listSubscribers: async (query: { q?: string; status?: Subscriber['status'] }) => {
      const needle = query.q?.trim().toLowerCase() ?? ''
      return read
        .subscribers()
        .filter(
          (item) =>
            (!query.status || item.status === query.status) &&
            (needle === '' ||
              [item.email, item.name, item.organisation].some((text) =>
                text.toLowerCase().includes(needle),
              )),
        )
        .sort((a, b) => a.email.localeCompare(b.email))
    },
    getSubscriber: async (id: string) => read.subscribers().find((item) => item.id === id) ?? null,
    countConfirmedSubscribers: async () =>
      read.subscribers().filter((item) => item.status === 'confirmed').length,
    existingEmails: async (emails: readonly string[]) => {
      const known = new Set(read.subscribers().map((item) => item.email))
      return emails.filter((email) => known.has(email))
    },
    insertSubscribers: async (added: readonly Subscriber[]) => {
      const known = new Set(read.subscribers().map((item) => item.email))
      const fresh = added.filter((item) => !known.has(item.email) && known.add(item.email))
      if (fresh.length > 0) subscribers(state.write()).push(...structuredClone(fresh))
      return fresh.length
    },
    eraseSubscriber: async (id: string, suppression: { emailHash: string; at: string }) => {
      const erased = read.subscribers().find((item) => item.id === id)
      if (!erased) return null
      const draft = state.write()
      draft.subscribers = subscribers(draft).filter((item) => item.id !== id)
      draft.deliveries = deliveries(draft).filter((delivery) => delivery.subscriberId !== id)
      draft.confirmations = (draft.confirmations ?? []).filter((item) => item.subscriberId !== id)
      const hashes = (draft.suppressedHashes ??= [])
      if (!hashes.includes(suppression.emailHash)) hashes.push(suppression.emailHash)
      return erased
    },
    suppressedHashes: async (hashes: readonly string[]) => {
      const suppressed = new Set(state.read().suppressedHashes ?? [])
      return hashes.filter((hash) => suppressed.has(hash))
    },
    unsuppress: async (emailHash: string) => {
      if (!(state.read().suppressedHashes ?? []).includes(emailHash)) return
      const draft = state.write()
      draft.suppressedHashes = (draft.suppressedHashes ?? []).filter((hash) => hash !== emailHash)
    },
    setConfirmationRequest: async (subscriberId: string, request: ConfirmationRequest) => {
      const draft = state.write()
      if (
        (draft.confirmations ?? []).some(
          (item) => item.tokenHash === request.tokenHash && item.subscriberId !== subscriberId,
        )
      )
        throw new ConcurrentChange('Token doppelt.', 'subscribers_confirm_token_hash_key')
      const subscriber = subscribers(draft).find((item) => item.id === subscriberId)
      if (!subscriber) return
      subscriber.status = 'pending'
      subscriber.name = request.name || subscriber.name
      subscriber.consentVersion = request.consentVersion
      subscriber.requestedAt = request.requestedAt
      subscriber.confirmedAt = null
      draft.confirmations = [
        ...(draft.confirmations ?? []).filter((item) => item.subscriberId !== subscriberId),
        { subscriberId, tokenHash: request.tokenHash, expiresAt: request.expiresAt },
      ]
    },
    getSubscriberByConfirmation: async (tokenHash: string) => {
      const confirmation = (state.read().confirmations ?? []).find(
        (item) => item.tokenHash === tokenHash,
      )
      const subscriber =
        confirmation && read.subscribers().find((item) => item.id === confirmation.subscriberId)
      return subscriber && confirmation ? { subscriber, expiresAt: confirmation.expiresAt } : null
    },
    confirmSubscriber: async (subscriberId: string, at: string) => {
      const draft = state.write()
      const subscriber = subscribers(draft).find((item) => item.id === subscriberId)
      if (subscriber) {
        subscriber.status = 'confirmed'
        subscriber.confirmedAt = at
        subscriber.unsubscribedAt = null
      }
      draft.confirmations = (draft.confirmations ?? []).filter(
        (item) => item.subscriberId !== subscriberId,
      )
    },
    purgeUnconfirmedSubscribers: async (requestedBefore: string) => {
      const stale = read
        .subscribers()
        .filter(
          (item) =>
            item.status === 'pending' &&
            item.confirmedAt === null &&
            time(item.requestedAt) < time(requestedBefore),
        )
        .map((item) => item.id)
      if (stale.length === 0) return 0
      const draft = state.write()
      draft.subscribers = subscribers(draft).filter((item) => !stale.includes(item.id))
      draft.confirmations = (draft.confirmations ?? []).filter(
        (item) => !stale.includes(item.subscriberId),
      )
      draft.deliveries = deliveries(draft).filter(
        (delivery) => !stale.includes(delivery.subscriberId),
      )
      return stale.length
    },
  }
}
