import { memo, useRef, type KeyboardEvent } from 'react'
import { Link } from 'react-router'
import { ShortenedText } from '../../../components/shortened-text'
import { Badge } from '../../../components/ui/badge'
import { articleStatusLabels, type Article } from '../../../domain/article'
import { articleWarnings } from '../../../domain/article-warnings'
import type { BoardPosition } from '../../../domain/board'
import { useDraggableCard } from '../hooks/use-board-drag-and-drop'
import styles from './board.module.css'

/** Headlines longer than this are cut at a word boundary on a card. */
const cardHeadlineCharacters = 80

interface BoardCardProps {
  article: Article
  authorName: string
  column: BoardPosition['column']
  index: number
  count: number
  editable: boolean
  lifted: boolean
  /** Open comment threads of the article. */
  openComments: number
  onMove: (articleId: string, to: BoardPosition) => void
  onHandleKeyDown: (article: Article, event: KeyboardEvent<HTMLButtonElement>) => void
}

/** One article on the board: draggable by mouse, movable by keyboard and by buttons. */
export const BoardCard = memo(function BoardCard({
  article,
  authorName,
  column,
  index,
  count,
  editable,
  lifted,
  openComments,
  onMove,
  onHandleKeyDown,
}: BoardCardProps) {
  const element = useRef<HTMLLIElement>(null)
  const { dragging, edge } = useDraggableCard(element, {
    articleId: article.id,
    column,
    index,
    editable,
  })
  const headline = article.headline || 'Ohne Überschrift'
  const warnings = articleWarnings(article)

  const classes = [
    styles.card,
    dragging && styles.cardDragging,
    lifted && styles.cardLifted,
    edge === 'top' && styles.dropTop,
    edge === 'bottom' && styles.dropBottom,
  ]
  return (
    <li ref={element} className={classes.filter(Boolean).join(' ')} data-article-id={article.id}>
      <div className={styles.cardMain}>
        {editable && (
          <button
            type="button"
            className={styles.dragHandle}
            data-drag-handle={article.id}
            aria-label={`„${headline}“ verschieben`}
            aria-describedby="board-keyboard-help"
            aria-pressed={lifted}
            onKeyDown={(event) => onHandleKeyDown(article, event)}
          >
            <span aria-hidden="true">⠿</span>
          </button>
        )}
        <div>
          {/* The plain class name is how the e2e tests find a card's title. */}
          <Link
            to={`/beitraege/${encodeURIComponent(article.id)}`}
            className={`${styles.cardTitle} board-card-title`}
            draggable={false}
          >
            <ShortenedText text={headline} max={cardHeadlineCharacters} />
          </Link>
          <p className={styles.cardMeta}>
            {authorName} ·{' '}
            <Badge tone={article.status === 'ready' ? 'success' : 'neutral'}>
              {articleStatusLabels[article.status]}
            </Badge>{' '}
            · {article.photos.length} {article.photos.length === 1 ? 'Foto' : 'Fotos'}
            {openComments > 0 && (
              <>
                {' '}
                ·{' '}
                <span className={styles.cardComments}>
                  <span aria-hidden="true">💬 </span>
                  {openComments} {openComments === 1 ? 'offener Kommentar' : 'offene Kommentare'}
                </span>
              </>
            )}
          </p>
          {warnings.length > 0 && (
            <ul className={styles.cardFindings} aria-label="Offene Punkte">
              {warnings.map((warning) => (
                <li
                  key={warning.id}
                  className={
                    warning.severity === 'error' ? styles.findingError : styles.findingWarning
                  }
                >
                  <span aria-hidden="true">{warning.severity === 'error' ? '✗' : '⚠'}</span>{' '}
                  <span className="visually-hidden">
                    {warning.severity === 'error' ? 'Fehler:' : 'Warnung:'}
                  </span>{' '}
                  {warning.label}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
      {editable && (
        <div className={styles.cardActions}>
          {column === 'pool' ? (
            <button
              type="button"
              className="button button-small"
              aria-label={`Zur Ausgabe hinzufügen: „${headline}“`}
              onClick={() =>
                onMove(article.id, { column: 'issue', index: Number.MAX_SAFE_INTEGER })
              }
            >
              Zur Ausgabe hinzufügen
            </button>
          ) : (
            <>
              <button
                type="button"
                className="button button-small button-secondary"
                aria-label={`Nach oben: „${headline}“`}
                disabled={index === 0}
                onClick={() => onMove(article.id, { column: 'issue', index: index - 1 })}
              >
                Nach oben
              </button>
              <button
                type="button"
                className="button button-small button-secondary"
                aria-label={`Nach unten: „${headline}“`}
                disabled={index === count - 1}
                onClick={() => onMove(article.id, { column: 'issue', index: index + 1 })}
              >
                Nach unten
              </button>
              <button
                type="button"
                className="button button-small button-secondary"
                aria-label={`Entfernen: „${headline}“`}
                onClick={() => onMove(article.id, { column: 'pool', index: 0 })}
              >
                Entfernen
              </button>
            </>
          )}
        </div>
      )}
    </li>
  )
})
