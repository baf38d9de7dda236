import type { KeyboardEvent } from 'react'
import type { Article } from '../../../domain/article'
import type { BoardPosition } from '../../../domain/board'
import { useOpenCommentCounts } from '../../../backend/queries/open-comment-counts'
import { BoardCard } from './board-card'
import styles from './board.module.css'

/** The cards of one column, in order (a numbered list in the issue), or why there are none. */
export function BoardCardList({
  column,
  label,
  articles,
  emptyMessage,
  authorName,
  editable,
  liftedId,
  onMove,
  onHandleKeyDown,
}: {
  column: BoardPosition['column']
  label: string
  articles: readonly Article[]
  emptyMessage: string
  authorName: (userId: string) => string
  editable: boolean
  liftedId: string | null
  onMove: (articleId: string, to: BoardPosition) => void
  onHandleKeyDown: (article: Article, event: KeyboardEvent<HTMLButtonElement>) => void
}) {
  const openComments = useOpenCommentCounts()
  if (articles.length === 0) return <p className="empty">{emptyMessage}</p>
  const List = column === 'issue' ? 'ol' : 'ul'
  return (
    <List className={styles.list} aria-label={label}>
      {articles.map((article, index) => (
        <BoardCard
          key={article.id}
          article={article}
          authorName={authorName(article.authorId)}
          column={column}
          index={index}
          count={articles.length}
          editable={editable}
          lifted={liftedId === article.id}
          openComments={openComments.data?.[article.id] ?? 0}
          onMove={onMove}
          onHandleKeyDown={onHandleKeyDown}
        />
      ))}
    </List>
  )
}
