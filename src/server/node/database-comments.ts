import type { Selectable, Transaction } from 'kysely'
import type { Comment, StoredCommentThread } from '../../domain/comment'
import type { StoreTx } from '../store'
import type { CommentsTable, CommentThreadsTable, Database } from './database-schema'

type CommentsTx = Pick<
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
>

const threadOf = (row: Selectable<CommentThreadsTable>): StoredCommentThread => ({
  id: row.id,
  articleId: row.article_id,
  quote: row.quote,
  createdBy: row.created_by,
  createdAt: row.created_at.toISOString(),
  resolvedAt: row.resolved_at?.toISOString() ?? null,
  resolvedBy: row.resolved_by,
})

const commentOf = (row: Selectable<CommentsTable>): Comment => ({
  id: row.id,
  threadId: row.thread_id,
  authorId: row.author_id,
  text: row.text,
  createdAt: row.created_at.toISOString(),
  editedAt: row.edited_at?.toISOString() ?? null,
})

const commentColumns = (comment: Comment) => ({
  id: comment.id,
  thread_id: comment.threadId,
  author_id: comment.authorId,
  text: comment.text,
  created_at: comment.createdAt,
  edited_at: comment.editedAt,
})

/** Comment threads over PostgreSQL; the foreign keys take them away with their article. */
export function commentsTx(db: Transaction<Database>): CommentsTx {
  const withComments = async (threads: StoredCommentThread[]) => {
    if (threads.length === 0) return []
    const comments = (
      await db
        .selectFrom('comments')
        .selectAll()
        .where(
          'thread_id',
          'in',
          threads.map((thread) => thread.id),
        )
        .orderBy('seq')
        .execute()
    ).map(commentOf)
    return threads.map((thread) => ({
      ...thread,
      comments: comments.filter((comment) => comment.threadId === thread.id),
    }))
  }
  const done = (result: { numUpdatedRows?: bigint; numDeletedRows?: bigint }) =>
    (result.numUpdatedRows ?? result.numDeletedRows) === 1n
  return {
    listCommentThreads: async (articleId) =>
      withComments(
        (
          await db
            .selectFrom('comment_threads')
            .selectAll()
            .where('article_id', '=', articleId)
            .orderBy('seq')
            .execute()
        ).map(threadOf),
      ),
    getCommentThread: async (id) => {
      const row = await db
        .selectFrom('comment_threads')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst()
      return row ? ((await withComments([threadOf(row)]))[0] ?? null) : null
    },
    lockCommentThread: async (id) => {
      const seen = await db
        .selectFrom('comment_threads')
        .select('article_id')
        .where('id', '=', id)
        .executeTakeFirst()
      if (!seen) return null
      // the lock a reply's foreign keys take on the article anyway, taken before the thread's
      await db
        .selectFrom('articles')
        .select('id')
        .where('id', '=', seen.article_id)
        .forKeyShare()
        .executeTakeFirst()
      const row = await db
        .selectFrom('comment_threads')
        .selectAll()
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst()
      return row ? ((await withComments([threadOf(row)]))[0] ?? null) : null
    },
    insertCommentThread: async (thread, first) => {
      await db
        .insertInto('comment_threads')
        .values({
          id: thread.id,
          article_id: thread.articleId,
          quote: thread.quote,
          created_by: thread.createdBy,
          created_at: thread.createdAt,
          resolved_at: thread.resolvedAt,
          resolved_by: thread.resolvedBy,
        })
        .execute()
      await db.insertInto('comments').values(commentColumns(first)).execute()
    },
    insertComment: async (comment) => {
      await db.insertInto('comments').values(commentColumns(comment)).execute()
    },
    getComment: async (id) => {
      const row = await db
        .selectFrom('comments')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst()
      return row ? commentOf(row) : null
    },
    updateCommentText: async (id, text, editedAt) =>
      done(
        await db
          .updateTable('comments')
          .set({ text, edited_at: editedAt })
          .where('id', '=', id)
          .executeTakeFirst(),
      ),
    deleteComment: async (id) =>
      done(await db.deleteFrom('comments').where('id', '=', id).executeTakeFirst()),
    deleteCommentThread: async (id) =>
      done(await db.deleteFrom('comment_threads').where('id', '=', id).executeTakeFirst()),
    setCommentThreadResolution: async (id, resolution) =>
      done(
        await db
          .updateTable('comment_threads')
          .set({ resolved_at: resolution?.at ?? null, resolved_by: resolution?.by ?? null })
          .where('id', '=', id)
          .executeTakeFirst(),
      ),
    openCommentThreadCounts: async () => {
      const rows = await db
        .selectFrom('comment_threads')
        .select(['article_id', (eb) => eb.fn.countAll<string>().as('count')])
        .where('resolved_at', 'is', null)
        .groupBy('article_id')
        .execute()
      return Object.fromEntries(rows.map((row) => [row.article_id, Number(row.count)]))
    },
  }
}
