import { createHash } from 'node:crypto'
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely'
import type { Article } from '../../domain/article'
import type { ArticleVersion } from '../../domain/article-versions'
import { plainText } from '../../domain/rich-text'
import type { User } from '../../domain/user'
import type { StoredNotificationSettings } from '../../domain/notification-settings'
import type { Issue } from '../../domain/issue'
import {
  ConcurrentChange,
  inVariantOrder,
  listedVariant,
  RetryTransaction,
  withRetries,
  type Store,
  type StoreTx,
  type StoredArticle,
  type TrashEntry,
} from '../store'
import { concatBytes, rechunk } from '../bytes'
import type { ImageVariant } from '../image-port'
import type { ArticleVersionsTable, Database, StoredIssue } from './database-schema'
import { archiveTx } from './database-archive'
import { commentsTx } from './database-comments'
import { sendQueueTx } from './database-send-queue'

/** Photos are stored in pieces of this size (see migration 0005). */
const mediaChunkBytes = 256 * 1024

const json = (value: unknown) => JSON.stringify(value)
const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex')
const searchText = (article: StoredArticle) =>
  `${article.headline}\n${plainText(article.body)}`.toLocaleLowerCase('de-DE')
const articleColumns = (article: StoredArticle) => ({
  version: article.version,
  status: article.status,
  updated_at: article.updatedAt,
  search_text: searchText(article),
  data: json(article),
})
const storedIssue = ({
  articleIds: _articleIds,
  sentThroughRundbrief: _sentThroughRundbrief,
  ...issue
}: Issue): StoredIssue => issue
const likePattern = (q: string) =>
  `%${q.toLocaleLowerCase('de-DE').replace(/[\\%_]/g, (char) => `\\${char}`)}%`

function createTx(db: Transaction<Database>): StoreTx {
  /** Stores variants; one stored meanwhile by a concurrent request of the same photo is kept. */
  const insertVariants = async (mediaId: string, variants: readonly ImageVariant[]) => {
    for (const variant of variants) {
      await db
        .insertInto('media_variants')
        .values({
          media_id: mediaId,
          name: variant.name,
          mime_type: variant.mimeType,
          width: variant.width,
          height: variant.height,
          bytes: Buffer.from(
            variant.bytes.buffer,
            variant.bytes.byteOffset,
            variant.bytes.byteLength,
          ),
        })
        .onConflict((conflict) => conflict.columns(['media_id', 'name']).doNothing())
        .execute()
    }
  }
  const articleIdsOf = async (issueId: string) =>
    (
      await db
        .selectFrom('issue_articles')
        .select('article_id')
        .where('issue_id', '=', issueId)
        .orderBy('position')
        .execute()
    ).map((row) => row.article_id)
  const issueIdOf = async (articleId: string) =>
    (
      await db
        .selectFrom('issue_articles')
        .select('issue_id')
        .where('article_id', '=', articleId)
        .executeTakeFirst()
    )?.issue_id ?? null
  /** One row's document; `lock` keeps the row locked (FOR UPDATE) until the transaction ends. */
  const issueData = async (id: string, mode: 'read' | 'lock') => {
    const query = db.selectFrom('issues').select('data').where('id', '=', id)
    return (await (mode === 'lock' ? query.forUpdate() : query).executeTakeFirst())?.data
  }
  const articleData = async (id: string, mode: 'read' | 'lock') => {
    const query = db.selectFrom('articles').select('data').where('id', '=', id)
    return (await (mode === 'lock' ? query.forUpdate() : query).executeTakeFirst())?.data
  }
  /** The ids of the issues a send through Rundbrief finished for (of `issueId` alone, if given). */
  const sentIssueIds = async (issueId?: string) => {
    let query = db.selectFrom('sends').select('issue_id').distinct().where('status', '=', 'done')
    if (issueId !== undefined) query = query.where('issue_id', '=', issueId)
    return new Set((await query.execute()).map((row) => row.issue_id))
  }
  const withArticles = async (data: StoredIssue | undefined): Promise<Issue | null> =>
    data
      ? {
          ...data,
          articleIds: await articleIdsOf(data.id),
          sentThroughRundbrief: (await sentIssueIds(data.id)).has(data.id),
        }
      : null
  const withIssue = async (data: StoredArticle | undefined): Promise<Article | null> =>
    data ? { ...data, issueId: await issueIdOf(data.id) } : null
  const replaceArticleIds = async (issueId: string, articleIds: readonly string[]) => {
    const current = await articleIdsOf(issueId)
    if (current.length === articleIds.length && current.every((id, i) => id === articleIds[i])) {
      return
    }
    await db.deleteFrom('issue_articles').where('issue_id', '=', issueId).execute()
    if (articleIds.length === 0) return
    await db
      .insertInto('issue_articles')
      .values(
        articleIds.map((articleId, position) => ({
          article_id: articleId,
          issue_id: issueId,
          position,
        })),
      )
      .execute()
  }

  const asTrashEntry = (row: {
    data: StoredArticle
    deleted_at: Date
    deleted_by: string
  }): TrashEntry => ({
    article: row.data,
    deletedAt: row.deleted_at.toISOString(),
    deletedBy: row.deleted_by,
  })

  const trashEntry = async (id: string, mode: 'read' | 'lock') => {
    const query = db
      .selectFrom('article_trash')
      .select(['data', 'deleted_at', 'deleted_by'])
      .where('id', '=', id)
    const row = await (mode === 'lock' ? query.forUpdate() : query).executeTakeFirst()
    return row ? asTrashEntry(row) : null
  }

  const versionColumns = [
    'article_id',
    'number',
    'headline',
    'body',
    'photos',
    'created_at',
    'created_by',
    'reason',
    'restored_from',
  ] as const
  const asArticleVersion = (row: Selectable<ArticleVersionsTable>): ArticleVersion => ({
    articleId: row.article_id,
    number: row.number,
    headline: row.headline,
    body: row.body,
    photos: row.photos,
    createdAt: row.created_at.toISOString(),
    createdBy: row.created_by,
    reason: row.reason,
    restoredFrom: row.restored_from,
  })
  const versionsOf = (articleId: string) =>
    db
      .selectFrom('article_versions')
      .select(versionColumns)
      .where('article_id', '=', articleId)
      .orderBy('number', 'desc')

  const asUser = (row: Pick<User, 'id' | 'name' | 'role'>): User => ({
    id: row.id,
    name: row.name,
    role: row.role,
  })
  const updated = (result: { numUpdatedRows: bigint }) => result.numUpdatedRows === 1n

  return {
    listUsers: async () =>
      (
        await db
          .selectFrom('users')
          .select(['id', 'name', 'role'])
          .where('disabled_at', 'is', null)
          .orderBy('name')
          .execute()
      ).map(asUser),
    getUser: async (id) => {
      const row = await db
        .selectFrom('users')
        .select(['id', 'name', 'role'])
        .where('id', '=', id)
        .where('disabled_at', 'is', null)
        .executeTakeFirst()
      return row ? asUser(row) : null
    },

    getCredential: async (login) => {
      const row = await db
        .selectFrom('users')
        .select(['id', 'login', 'password_hash'])
        .where((eb) => eb(eb.fn('lower', ['login']), '=', login.toLocaleLowerCase('de-DE')))
        .where('disabled_at', 'is', null)
        .executeTakeFirst()
      if (!row?.login || !row.password_hash) return null
      return { login: row.login, userId: row.id, passwordHash: row.password_hash }
    },
    updatePasswordHash: async (userId, passwordHash) => {
      await db
        .updateTable('users')
        .set({ password_hash: passwordHash })
        .where('id', '=', userId)
        .execute()
    },
    lockLoginFailures: async (key) => {
      // The row must exist to be locked: simultaneous first failures then wait for each other.
      await db
        .insertInto('login_failures')
        .values({ key, count: 0, last_failed_at: new Date(0).toISOString() })
        .onConflict((conflict) => conflict.column('key').doNothing())
        .execute()
      const row = await db
        .selectFrom('login_failures')
        .selectAll()
        .where('key', '=', key)
        .forUpdate()
        .executeTakeFirstOrThrow()
      return row.count === 0
        ? null
        : { key: row.key, count: row.count, lastFailedAt: row.last_failed_at.toISOString() }
    },
    putLoginFailures: async (failures) => {
      const values = { count: failures.count, last_failed_at: failures.lastFailedAt }
      await db
        .insertInto('login_failures')
        .values({ key: failures.key, ...values })
        .onConflict((conflict) => conflict.column('key').doUpdateSet(values))
        .execute()
    },
    clearLoginFailures: async (key) => {
      await db.deleteFrom('login_failures').where('key', '=', key).execute()
    },

    createSession: async (session) => {
      await db
        .insertInto('sessions')
        .values({
          token_hash: tokenHash(session.token),
          user_id: session.userId,
          expires_at: session.expiresAt,
          last_seen_at: session.lastSeenAt,
        })
        .execute()
    },
    getSession: async (token) => {
      const row = await db
        .selectFrom('sessions')
        .selectAll()
        .where('token_hash', '=', tokenHash(token))
        .executeTakeFirst()
      return row
        ? {
            token,
            userId: row.user_id,
            expiresAt: row.expires_at.toISOString(),
            lastSeenAt: row.last_seen_at.toISOString(),
          }
        : null
    },
    touchSession: async (token, lastSeenAt) => {
      await db
        .updateTable('sessions')
        .set({ last_seen_at: lastSeenAt })
        .where('token_hash', '=', tokenHash(token))
        .execute()
    },
    deleteSession: async (token) => {
      await db.deleteFrom('sessions').where('token_hash', '=', tokenHash(token)).execute()
    },

    getPublication: async () => {
      const row = await db.selectFrom('publication').select('data').executeTakeFirstOrThrow()
      return row.data
    },
    updatePublication: async (publication, expectedVersion) =>
      updated(
        await db
          .updateTable('publication')
          .set({ data: json(publication), version: publication.version })
          .where('version', '=', expectedVersion)
          .executeTakeFirst(),
      ),

    listIssues: async () => {
      const rows = await db.selectFrom('issues').select('data').orderBy('created_at').execute()
      const members = await db
        .selectFrom('issue_articles')
        .select(['issue_id', 'article_id'])
        .orderBy('issue_id')
        .orderBy('position')
        .execute()
      const byIssue = new Map<string, string[]>()
      for (const member of members) {
        const list = byIssue.get(member.issue_id) ?? []
        list.push(member.article_id)
        byIssue.set(member.issue_id, list)
      }
      const sent = await sentIssueIds()
      return rows.map((row) => ({
        ...row.data,
        articleIds: byIssue.get(row.data.id) ?? [],
        sentThroughRundbrief: sent.has(row.data.id),
      }))
    },
    getIssue: async (id) => withArticles(await issueData(id, 'read')),
    lockIssue: async (id) => withArticles(await issueData(id, 'lock')),
    insertIssue: async (issue) => {
      await db
        .insertInto('issues')
        .values({
          id: issue.id,
          version: issue.version,
          status: issue.status,
          created_at: issue.createdAt,
          data: json(storedIssue(issue)),
        })
        .execute()
      await replaceArticleIds(issue.id, issue.articleIds)
    },
    updateIssue: async (issue, expectedVersion) => {
      const done = updated(
        await db
          .updateTable('issues')
          .set({ version: issue.version, status: issue.status, data: json(storedIssue(issue)) })
          .where('id', '=', issue.id)
          .where('version', '=', expectedVersion)
          .executeTakeFirst(),
      )
      if (done) await replaceArticleIds(issue.id, issue.articleIds)
      return done
    },

    listArticles: async (filter) => {
      let query = db
        .selectFrom('articles')
        .leftJoin('issue_articles', 'issue_articles.article_id', 'articles.id')
        .select(['articles.data', 'issue_articles.issue_id'])
        .orderBy('articles.updated_at', 'desc')
      if (filter.status !== undefined) query = query.where('articles.status', '=', filter.status)
      if (filter.q !== undefined) {
        query = query.where('articles.search_text', 'like', likePattern(filter.q))
      }
      if (filter.issueId === null) query = query.where('issue_articles.issue_id', 'is', null)
      else if (filter.issueId !== undefined) {
        query = query.where('issue_articles.issue_id', '=', filter.issueId)
      }
      const rows = await query.execute()
      return rows.map((row): Article => ({ ...row.data, issueId: row.issue_id ?? null }))
    },
    getArticle: async (id) => withIssue(await articleData(id, 'read')),
    issueIdOfArticle: issueIdOf,
    lockArticle: async (id) => withIssue(await articleData(id, 'lock')),
    insertArticle: async (article) => {
      await db
        .insertInto('articles')
        .values({ id: article.id, ...articleColumns(article) })
        .execute()
    },
    updateArticle: async (article, expectedVersion) =>
      updated(
        await db
          .updateTable('articles')
          .set(articleColumns(article))
          .where('id', '=', article.id)
          .where('version', '=', expectedVersion)
          .executeTakeFirst(),
      ),
    deleteArticle: async (id, expectedVersion) =>
      (
        await db
          .deleteFrom('articles')
          .where('id', '=', id)
          .where('version', '=', expectedVersion)
          .executeTakeFirst()
      ).numDeletedRows === 1n,
    moveArticleToTrash: async (id, expectedVersion, deletion) => {
      const removed = await db
        .deleteFrom('articles')
        .where('id', '=', id)
        .where('version', '=', expectedVersion)
        .returning('data')
        .executeTakeFirst()
      if (!removed) return false
      await db
        .insertInto('article_trash')
        .values({
          id,
          deleted_at: deletion.deletedAt,
          deleted_by: deletion.deletedBy,
          data: json(removed.data),
        })
        .execute()
      return true
    },
    listTrash: async () =>
      (
        await db
          .selectFrom('article_trash')
          .select(['data', 'deleted_at', 'deleted_by'])
          .orderBy('deleted_at', 'desc')
          .execute()
      ).map(asTrashEntry),
    getTrashEntry: async (id) => trashEntry(id, 'read'),
    lockTrashEntry: async (id) => trashEntry(id, 'lock'),
    restoreArticle: async (article) => {
      await db.deleteFrom('article_trash').where('id', '=', article.id).execute()
      await db
        .insertInto('articles')
        .values({ id: article.id, ...articleColumns(article) })
        .execute()
    },
    purgeTrash: async (deletedBefore) =>
      (
        await db
          .deleteFrom('article_trash')
          .where('deleted_at', '<', new Date(deletedBefore))
          .returning('id')
          .execute()
      ).map((row) => row.id),

    listArticleVersions: async (articleId) =>
      (await versionsOf(articleId).execute()).map(asArticleVersion),
    getArticleVersion: async (articleId, number) => {
      const row = await versionsOf(articleId).where('number', '=', number).executeTakeFirst()
      return row ? asArticleVersion(row) : null
    },
    latestArticleVersion: async (articleId) => {
      const row = await versionsOf(articleId).limit(1).executeTakeFirst()
      return row ? asArticleVersion(row) : null
    },
    insertArticleVersion: async (version) => {
      const latest = await db
        .selectFrom('article_versions')
        .select((eb) => eb.fn.max('number').as('number'))
        .where('article_id', '=', version.articleId)
        .executeTakeFirst()
      const row = await db
        .insertInto('article_versions')
        .values({
          article_id: version.articleId,
          number: (latest?.number ?? 0) + 1,
          headline: version.headline,
          body: json(version.body),
          photos: json(version.photos),
          created_at: version.createdAt,
          created_by: version.createdBy,
          reason: version.reason,
          restored_from: version.restoredFrom,
        })
        .returning(versionColumns)
        .executeTakeFirstOrThrow()
      return asArticleVersion(row)
    },

    insertMedia: async ({ variants: _listed, ...media }, chunks, variants) => {
      await db
        .insertInto('media')
        .values({ id: media.id, data: json(media) })
        .execute()
      // One statement per piece: the driver never holds more than one piece (as hex) at a time.
      for (const [seq, piece] of rechunk(chunks, mediaChunkBytes).entries()) {
        await db
          .insertInto('media_chunks')
          .values({
            media_id: media.id,
            seq,
            bytes: Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength),
          })
          .execute()
      }
      await insertVariants(media.id, variants)
    },
    getMedia: async (id) => {
      const row = await db
        .selectFrom('media')
        .select('data')
        .where('id', '=', id)
        .executeTakeFirst()
      if (!row) return null
      const variants = await db
        .selectFrom('media_variants')
        .select(['name', 'width', 'height', sql<number>`octet_length(bytes)`.as('byte_size')])
        .where('media_id', '=', id)
        .execute()
      return {
        ...row.data,
        variants: inVariantOrder(
          variants.map((variant) =>
            listedVariant(id, { ...variant, byteSize: Number(variant.byte_size) }),
          ),
        ),
      }
    },
    getMediaBytes: async (id) => {
      const exists = await db
        .selectFrom('media')
        .select('id')
        .where('id', '=', id)
        .executeTakeFirst()
      if (!exists) return null
      const pieces = await db
        .selectFrom('media_chunks')
        .select('bytes')
        .where('media_id', '=', id)
        .orderBy('seq')
        .execute()
      return concatBytes(pieces.map((piece) => new Uint8Array(piece.bytes)))
    },
    addMediaVariants: async (mediaId, upright, variants) => {
      await db
        .updateTable('media')
        .set({
          data: sql`data || ${json({ width: upright.width, height: upright.height })}::jsonb`,
        })
        .where('id', '=', mediaId)
        .execute()
      await insertVariants(mediaId, variants)
    },
    getMediaVariant: async (mediaId, name) => {
      const row = await db
        .selectFrom('media_variants')
        .select(['mime_type', 'bytes'])
        .where('media_id', '=', mediaId)
        .where('name', '=', name)
        .executeTakeFirst()
      return row ? { mimeType: row.mime_type, bytes: new Uint8Array(row.bytes) } : null
    },

    appendAudit: async (event) => {
      await db
        .insertInto('audit_events')
        .values({ id: event.id, resource_id: event.resourceId, at: event.at, data: json(event) })
        .execute()
    },
    listAudit: async (resourceId) =>
      (
        await db
          .selectFrom('audit_events')
          .select('data')
          .where('resource_id', '=', resourceId)
          .orderBy('seq')
          .execute()
      ).map((row) => row.data),

    ...sendQueueTx(db),
    ...archiveTx(db),
    ...commentsTx(db),

    insertNotifications: async (notifications) => {
      if (notifications.length === 0) return
      await db
        .insertInto('notifications')
        .values(
          notifications.map((notification) => ({
            id: notification.id,
            recipient_id: notification.recipientId,
            kind: notification.kind,
            issue_id: notification.issueId,
            article_id: notification.articleId,
            thread_id: notification.threadId,
            actor_id: notification.actorId,
            created_at: notification.createdAt,
            read_at: notification.readAt,
            reminder: notification.reminder ? JSON.stringify(notification.reminder) : null,
          })),
        )
        .execute()
    },
    listNotifications: async (recipientId, limit) =>
      (
        await db
          .selectFrom('notifications')
          .select([
            'id',
            'recipient_id',
            'kind',
            'issue_id',
            'article_id',
            'thread_id',
            'actor_id',
            'created_at',
            'read_at',
            'reminder',
          ])
          .where('recipient_id', '=', recipientId)
          .orderBy('created_at', 'desc')
          .orderBy('seq', 'desc')
          .limit(limit)
          .execute()
      ).map((row) => ({
        id: row.id,
        recipientId: row.recipient_id,
        kind: row.kind,
        issueId: row.issue_id,
        articleId: row.article_id,
        threadId: row.thread_id,
        actorId: row.actor_id,
        createdAt: row.created_at.toISOString(),
        readAt: row.read_at?.toISOString() ?? null,
        ...(row.reminder ? { reminder: row.reminder } : {}),
      })),
    countUnreadNotifications: async (recipientId) => {
      const row = await db
        .selectFrom('notifications')
        .select((eb) => eb.fn.countAll<string>().as('count'))
        .where('recipient_id', '=', recipientId)
        .where('read_at', 'is', null)
        .executeTakeFirstOrThrow()
      return Number(row.count)
    },
    markNotificationRead: async (id, recipientId, at) => {
      const result = await db
        .updateTable('notifications')
        .set({ read_at: sql<string>`coalesce(read_at, ${at}::timestamptz)` })
        .where('id', '=', id)
        .where('recipient_id', '=', recipientId)
        .executeTakeFirst()
      return result.numUpdatedRows === 1n
    },
    markAllNotificationsRead: async (recipientId, at) => {
      await db
        .updateTable('notifications')
        .set({ read_at: at })
        .where('recipient_id', '=', recipientId)
        .where('read_at', 'is', null)
        .execute()
    },

    ...reminderTx(db),
  }
}

/** Settings, reminders and notification e-mails (docs/decisions/0016-reminders.md). */
function reminderTx(
  db: Transaction<Database>,
): Pick<
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
  const settingsOf = db
    .selectFrom('users')
    .select(['id', 'email', 'notify_by_email', 'reminders_enabled'])
    .where('disabled_at', 'is', null)
  const asSettings = (row: {
    id: string
    email: string | null
    notify_by_email: boolean
    reminders_enabled: boolean
  }): StoredNotificationSettings => ({
    userId: row.id,
    email: row.email,
    emailEnabled: row.notify_by_email,
    remindersEnabled: row.reminders_enabled,
  })
  return {
    listNotificationSettings: async () =>
      (await settingsOf.orderBy('id').execute()).map(asSettings),
    getNotificationSettings: async (userId) => {
      const row = await settingsOf.where('id', '=', userId).executeTakeFirst()
      return row ? asSettings(row) : null
    },
    updateNotificationSettings: async ({ userId, emailEnabled, remindersEnabled }) => {
      await db
        .updateTable('users')
        .set({ notify_by_email: emailEnabled, reminders_enabled: remindersEnabled })
        .where('id', '=', userId)
        .execute()
    },
    recordReminder: async (reminder) => {
      const inserted = await db
        .insertInto('deadline_reminders')
        .values({
          issue_id: reminder.issueId,
          kind: reminder.kind,
          recipient_id: reminder.recipientId,
          deadline: reminder.deadline,
          created_at: reminder.createdAt,
        })
        .onConflict((conflict) => conflict.doNothing())
        .returning('issue_id')
        .executeTakeFirst()
      return inserted !== undefined
    },
    insertNotificationMails: async (mails) => {
      if (mails.length === 0) return
      await db
        .insertInto('notification_mails')
        .values(
          mails.map((mail) => ({
            id: mail.id,
            notification_id: mail.notificationId,
            to_address: mail.to,
            subject: mail.subject,
            text: mail.text,
            html: mail.html,
            created_at: mail.createdAt,
            status: 'pending' as const,
            next_attempt_at: mail.createdAt,
          })),
        )
        .execute()
    },
    claimNotificationMails: async ({ workerId, now, limit, leaseExpiredBefore }) => {
      const claimed = await sql<{
        id: string
        notification_id: string
        to_address: string
        subject: string
        text: string
        html: string
        created_at: Date
        attempts: number
      }>`
        with picked as (
          select id from notification_mails
          where (status = 'pending' and next_attempt_at <= ${now}::timestamptz)
             or (status = 'sending' and claimed_at < ${leaseExpiredBefore}::timestamptz)
          order by next_attempt_at, id
          limit ${limit}
          for update skip locked
        )
        update notification_mails
        set status = 'sending', claimed_by = ${workerId}, claimed_at = ${now}::timestamptz,
            attempts = notification_mails.attempts + 1
        from picked
        where notification_mails.id = picked.id
        returning notification_mails.id, notification_mails.notification_id,
          notification_mails.to_address, notification_mails.subject, notification_mails.text,
          notification_mails.html, notification_mails.created_at, notification_mails.attempts
      `.execute(db)
      return claimed.rows.map((row) => ({
        id: row.id,
        notificationId: row.notification_id,
        to: row.to_address,
        subject: row.subject,
        text: row.text,
        html: row.html,
        createdAt: new Date(row.created_at).toISOString(),
        attempts: row.attempts,
      }))
    },
    completeNotificationMail: async ({ id, workerId, at, step }) => {
      const result = await db
        .updateTable('notification_mails')
        .set({
          status: step.status === 'skipped' ? 'failed' : step.status,
          claimed_by: null,
          claimed_at: null,
          last_error: step.status === 'sent' ? null : step.reason,
          sent_at: step.status === 'sent' ? at : null,
          finished_at: step.status === 'pending' ? null : at,
          ...(step.status === 'pending'
            ? { next_attempt_at: step.nextAttemptAt.toISOString() }
            : {}),
        })
        .where('id', '=', id)
        .where('status', '=', 'sending')
        .where('claimed_by', '=', workerId)
        .executeTakeFirst()
      return result.numUpdatedRows === 1n
    },
    purgeNotificationHistory: async (cutoffs) => {
      const mails = await db
        .deleteFrom('notification_mails')
        .where('status', 'in', ['sent', 'failed'])
        .where('finished_at', '<', new Date(cutoffs.mailsBefore))
        .executeTakeFirst()
      const reminders = await db
        .deleteFrom('deadline_reminders')
        .where('deadline', '<', new Date(cutoffs.remindersBefore))
        .executeTakeFirst()
      // one delete per kind, each along its own index (migration 0018); a finished mail of a
      // notification goes with it (the foreign key's cascade)
      const withoutOpenMail = db
        .deleteFrom('notifications')
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('notification_mails')
                .select('notification_mails.id')
                .whereRef('notification_mails.notification_id', '=', 'notifications.id')
                .where('notification_mails.status', 'in', ['pending', 'sending']),
            ),
          ),
        )
      const read = await withoutOpenMail
        .where('read_at', '<', new Date(cutoffs.readNotificationsBefore))
        .executeTakeFirst()
      const unread = await withoutOpenMail
        .where('read_at', 'is', null)
        .where('created_at', '<', new Date(cutoffs.unreadNotificationsBefore))
        .executeTakeFirst()
      return {
        mails: Number(mails.numDeletedRows),
        reminders: Number(reminders.numDeletedRows),
        notifications: Number(read.numDeletedRows + unread.numDeletedRows),
      }
    },
  }
}

const retryableCodes = new Set([
  '40001', // serialization_failure
  '40P01', // deadlock_detected
])
const constraintCodes = new Set([
  '23001', // restrict_violation
  '23503', // foreign_key_violation
  '23505', // unique_violation
])

function sqlState(error: unknown): { code: string; constraint: string | null } | null {
  if (typeof error !== 'object' || error === null || !('code' in error)) return null
  const { code } = error
  if (typeof code !== 'string') return null
  const constraint =
    'constraint' in error && typeof error.constraint === 'string' ? error.constraint : null
  return { code, constraint }
}

/**
 * The storage port over PostgreSQL (PGlite or a server): each request is one READ COMMITTED
 * transaction; versioned writes are `UPDATE … WHERE id = $1 AND version = $2`, rules that span
 * rows hold the issue's row lock (`lockIssue`), and the membership table's keys refuse what a
 * simultaneous request would break (see docs/decisions/0004-concurrency.md).
 */
export class DatabaseStore implements Store {
  constructor(readonly db: Kysely<Database>) {}

  transaction<T>(work: (tx: StoreTx) => Promise<T>): Promise<T> {
    return withRetries(
      async () => {
        try {
          return await this.db.transaction().execute((trx) => work(createTx(trx)))
        } catch (error) {
          const state = sqlState(error)
          if (state && constraintCodes.has(state.code)) {
            throw new ConcurrentChange(
              error instanceof Error ? error.message : state.code,
              state.constraint,
            )
          }
          throw error
        }
      },
      (error) =>
        error instanceof RetryTransaction || retryableCodes.has(sqlState(error)?.code ?? ''),
    )
  }
}
