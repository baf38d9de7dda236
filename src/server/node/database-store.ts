import { createHash } from 'node:crypto'
import { sql, type Kysely, type Transaction } from 'kysely'
import type { Article } from '../../domain/article'
import { plainText } from '../../domain/rich-text'
import type { User } from '../../domain/user'
import type { Store, StoreTx, StoredArticle } from '../store'
import type { Database } from './database-schema'

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
const likePattern = (q: string) =>
  `%${q.toLocaleLowerCase('de-DE').replace(/[\\%_]/g, (char) => `\\${char}`)}%`

function createTx(db: Transaction<Database>): StoreTx {
  const issueIdsByArticle = async () => {
    const rows = await db.selectFrom('issues').select(['id', 'data']).execute()
    const map = new Map<string, string>()
    for (const row of rows) for (const articleId of row.data.articleIds) map.set(articleId, row.id)
    return map
  }
  const asUser = (row: Pick<User, 'id' | 'name' | 'role'>): User => ({
    id: row.id,
    name: row.name,
    role: row.role,
  })
  const updated = (result: { numUpdatedRows: bigint }) => result.numUpdatedRows === 1n

  return {
    listUsers: async () =>
      (await db.selectFrom('users').select(['id', 'name', 'role']).orderBy('name').execute()).map(
        asUser,
      ),
    getUser: async (id) => {
      const row = await db
        .selectFrom('users')
        .select(['id', 'name', 'role'])
        .where('id', '=', id)
        .executeTakeFirst()
      return row ? asUser(row) : null
    },

    getCredential: async (login) => {
      const row = await db
        .selectFrom('users')
        .select(['id', 'login', 'password_hash'])
        .where((eb) => eb(eb.fn('lower', ['login']), '=', login.toLocaleLowerCase('de-DE')))
        .executeTakeFirst()
      if (!row?.login || !row.password_hash) return null
      return { login: row.login, userId: row.id, passwordHash: row.password_hash }
    },
    getLoginFailures: async (key) => {
      const row = await db
        .selectFrom('login_failures')
        .selectAll()
        .where('key', '=', key)
        .executeTakeFirst()
      return row
        ? { key: row.key, count: row.count, lastFailedAt: row.last_failed_at.toISOString() }
        : null
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
        })
        .execute()
    },
    getSession: async (token) => {
      const row = await db
        .selectFrom('sessions')
        .selectAll()
        .where('token_hash', '=', tokenHash(token))
        .executeTakeFirst()
      return row ? { token, userId: row.user_id, expiresAt: row.expires_at.toISOString() } : null
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

    listIssues: async () =>
      (await db.selectFrom('issues').select('data').orderBy('created_at').execute()).map(
        (row) => row.data,
      ),
    getIssue: async (id) =>
      (await db.selectFrom('issues').select('data').where('id', '=', id).executeTakeFirst())
        ?.data ?? null,
    insertIssue: async (issue) => {
      await db
        .insertInto('issues')
        .values({
          id: issue.id,
          version: issue.version,
          status: issue.status,
          created_at: issue.createdAt,
          data: json(issue),
        })
        .execute()
    },
    updateIssue: async (issue, expectedVersion) =>
      updated(
        await db
          .updateTable('issues')
          .set({ version: issue.version, status: issue.status, data: json(issue) })
          .where('id', '=', issue.id)
          .where('version', '=', expectedVersion)
          .executeTakeFirst(),
      ),

    listArticles: async (filter) => {
      let query = db.selectFrom('articles').select('data').orderBy('updated_at', 'desc')
      if (filter.status !== undefined) query = query.where('status', '=', filter.status)
      if (filter.q !== undefined) query = query.where('search_text', 'like', likePattern(filter.q))
      const rows = await query.execute()
      const issueIds = await issueIdsByArticle()
      return rows
        .map((row): Article => ({ ...row.data, issueId: issueIds.get(row.data.id) ?? null }))
        .filter((article) => filter.issueId === undefined || article.issueId === filter.issueId)
    },
    getArticle: async (id) => {
      const row = await db
        .selectFrom('articles')
        .select('data')
        .where('id', '=', id)
        .executeTakeFirst()
      if (!row) return null
      const issue = await db
        .selectFrom('issues')
        .select('id')
        .where(sql<boolean>`data -> 'articleIds' @> ${JSON.stringify([id])}::jsonb`)
        .executeTakeFirst()
      return { ...row.data, issueId: issue?.id ?? null }
    },
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

    insertMedia: async (media, bytes) => {
      await db
        .insertInto('media')
        .values({ id: media.id, data: json(media), bytes: Buffer.from(bytes) })
        .execute()
    },
    getMedia: async (id) =>
      (await db.selectFrom('media').select('data').where('id', '=', id).executeTakeFirst())?.data ??
      null,
    getMediaBytes: async (id) => {
      const row = await db
        .selectFrom('media')
        .select('bytes')
        .where('id', '=', id)
        .executeTakeFirst()
      return row ? new Uint8Array(row.bytes) : null
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
  }
}

/**
 * The storage port over PostgreSQL (PGlite or a server): each request is one database
 * transaction, and versioned writes are `UPDATE … WHERE id = $1 AND version = $2`, so of
 * simultaneous writes based on the same version exactly one changes a row.
 */
export class DatabaseStore implements Store {
  constructor(readonly db: Kysely<Database>) {}

  transaction<T>(work: (tx: StoreTx) => Promise<T>): Promise<T> {
    return this.db.transaction().execute((trx) => work(createTx(trx)))
  }
}
