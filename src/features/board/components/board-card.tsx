import { combine } from '@atlaskit/pragmatic-drag-and-drop/combine'
import { draggable, dropTargetForElements } from '@atlaskit/pragmatic-drag-and-drop/element/adapter'
import { attachClosestEdge } from '@atlaskit/pragmatic-drag-and-drop-hitbox/closest-edge/attach-closest-edge'
import { extractClosestEdge } from '@atlaskit/pragmatic-drag-and-drop-hitbox/closest-edge/extract-closest-edge'
import { memo, useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { Link } from 'react-router'
import { ShortenedText } from '../../../components/shortened-text'
import { Badge } from '../../../components/ui/badge'
import { articleStatusLabels, type Article } from '../../../domain/article'
import { articleWarnings } from '../../../domain/article-warnings'
import type { BoardPosition } from '../../../domain/board'
import './board-card.css'

/** Headlines longer than this are cut at a word boundary on a card. */
const cardHeadlineCharacters = 80

/** Data a dragged card or a card under the pointer carries (Pragmatic drag and drop). */
export interface CardData extends Record<string | symbol, unknown> {
  type: 'card'
  articleId: string
  column: BoardPosition['column']
  index: number
}

export const isCardData = (data: Record<string | symbol, unknown>): data is CardData =>
  data.type === 'card'

interface BoardCardProps {
  article: Article
  authorName: string
  column: BoardPosition['column']
  index: number
  count: number
  editable: boolean
  lifted: boolean
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
  onMove,
  onHandleKeyDown,
}: BoardCardProps) {
  const element = useRef<HTMLLIElement>(null)
  const [dragging, setDragging] = useState(false)
  const [edge, setEdge] = useState<'top' | 'bottom' | null>(null)
  const headline = article.headline || 'Ohne Überschrift'
  const warnings = articleWarnings(article)

  useEffect(() => {
    const card = element.current
    if (!card || !editable) return
    const data: CardData = { type: 'card', articleId: article.id, column, index }
    return combine(
      draggable({
        element: card,
        getInitialData: () => data,
        onDragStart: () => setDragging(true),
        onDrop: () => setDragging(false),
      }),
      dropTargetForElements({
        element: card,
        canDrop: ({ source }) => isCardData(source.data) && source.data.articleId !== article.id,
        getData: ({ input }) =>
          attachClosestEdge(data, { input, element: card, allowedEdges: ['top', 'bottom'] }),
        onDrag: ({ self }) => {
          const closest = extractClosestEdge(self.data)
          setEdge(closest === 'top' || closest === 'bottom' ? closest : null)
        },
        onDragLeave: () => setEdge(null),
        onDrop: () => setEdge(null),
      }),
    )
  }, [article.id, column, index, editable])

  const classes = [
    'board-card',
    dragging && 'board-card-dragging',
    lifted && 'board-card-lifted',
    edge && `drop-${edge}`,
  ]
  return (
    <li ref={element} className={classes.filter(Boolean).join(' ')} data-article-id={article.id}>
      <div className="board-card-main">
        {editable && (
          <button
            type="button"
            className="drag-handle"
            data-drag-handle={article.id}
            aria-label={`„${headline}“ verschieben`}
            aria-describedby="board-keyboard-help"
            aria-pressed={lifted}
            onKeyDown={(event) => onHandleKeyDown(article, event)}
          >
            <span aria-hidden="true">⠿</span>
          </button>
        )}
        <div className="board-card-body">
          <Link
            to={`/beitraege/${encodeURIComponent(article.id)}`}
            className="board-card-title"
            draggable={false}
          >
            <ShortenedText text={headline} max={cardHeadlineCharacters} />
          </Link>
          <p className="board-card-meta">
            {authorName} ·{' '}
            <Badge tone={article.status === 'ready' ? 'success' : 'neutral'}>
              {articleStatusLabels[article.status]}
            </Badge>{' '}
            · {article.photos.length} {article.photos.length === 1 ? 'Foto' : 'Fotos'}
          </p>
          {warnings.length > 0 && (
            <ul className="board-card-warnings" aria-label="Offene Punkte">
              {warnings.map((warning) => (
                <li key={warning.id} className={`board-card-finding-${warning.severity}`}>
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
        <div className="board-card-actions">
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
