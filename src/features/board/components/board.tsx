import { monitorForElements } from '@atlaskit/pragmatic-drag-and-drop/element/adapter'
import { extractClosestEdge } from '@atlaskit/pragmatic-drag-and-drop-hitbox/closest-edge/extract-closest-edge'
import { useQuery } from '@tanstack/react-query'
import {
  useCallback,
  useDeferredValue,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react'
import { errorMessage } from '../../../backend/api-error'
import { useBackend } from '../../../backend/backend-provider'
import { issueQueryOptions } from '../../../backend/queries/get-issue'
import { articlesQueryOptions } from '../../../backend/queries/list-articles'
import { useUsers } from '../../../backend/queries/list-users'
import { DeadlineLabel } from '../../../components/deadline-label'
import { ErrorState, Loading } from '../../../components/ui/query-state'
import type { Article } from '../../../domain/article'
import { issueReadiness } from '../../../domain/article-warnings'
import { dropIndex, moveInOrder, type BoardPosition } from '../../../domain/board'
import { can, permissionDeniedMessage } from '../../../domain/permissions'
import { contentLockReason } from '../../../domain/workflow'
import { useCurrentUser } from '../../../lib/session'
import { useArrangeIssue } from '../api/use-arrange-issue'
import { BoardCard, isCardData } from './board-card'
import { BoardColumn, isColumnData } from './board-column'
import './board.css'

const columnNames: Record<BoardPosition['column'], string> = {
  pool: 'Themenspeicher',
  issue: 'Inhalt der Ausgabe',
}

interface Lifted {
  articleId: string
  headline: string
  origin: string[]
  order: string[]
}

/** The board of one issue: Themenspeicher and the ordered content, by mouse, keyboard or buttons. */
export function Board({ issueId }: { issueId: string }) {
  const backend = useBackend()
  const user = useCurrentUser()
  const arrange = useArrangeIssue(issueId)
  const issue = useQuery({
    ...issueQueryOptions(backend, issueId),
    refetchInterval: arrange.pending ? false : 10_000,
    refetchOnWindowFocus: !arrange.pending,
  })
  const articles = useQuery({
    ...articlesQueryOptions(backend),
    refetchInterval: arrange.pending ? false : 20_000,
  })
  const users = useUsers()
  const [lifted, setLifted] = useState<Lifted | null>(null)
  const [announcement, setAnnouncement] = useState('')
  const [poolFilter, setPoolFilter] = useState('')
  const deferredFilter = useDeferredValue(poolFilter.trim().toLocaleLowerCase('de-DE'))

  const serverOrder = useMemo(() => issue.data?.articleIds ?? [], [issue.data?.articleIds])
  const order = lifted?.order ?? serverOrder
  const byId = useMemo(
    () => new Map((articles.data ?? []).map((article) => [article.id, article])),
    [articles.data],
  )
  const content = order.flatMap((id) => byId.get(id) ?? [])
  const pool = useMemo(
    () =>
      (articles.data ?? []).filter(
        (article) =>
          (article.issueId === null || article.issueId === issueId) && !order.includes(article.id),
      ),
    [articles.data, issueId, order],
  )
  const visiblePool = deferredFilter
    ? pool.filter((article) => article.headline.toLocaleLowerCase('de-DE').includes(deferredFilter))
    : pool

  const lockReason = !can(user.role, 'issue.arrange')
    ? permissionDeniedMessage('issue.arrange')
    : issue.data
      ? contentLockReason(issue.data.status, user.role)
      : null
  const editable = lockReason === null

  const headlineOf = useCallback(
    (id: string) => byId.get(id)?.headline || 'Ohne Überschrift',
    [byId],
  )

  const latest = useRef({ serverOrder, move: arrange.move, headlineOf })
  useLayoutEffect(() => {
    latest.current = { serverOrder, move: arrange.move, headlineOf }
  })

  const moveTo = useCallback((articleId: string, to: BoardPosition) => {
    const { serverOrder: current, move, headlineOf: nameOf } = latest.current
    const next = moveInOrder(current, articleId, to)
    if (next.join() === current.join()) return
    move(next)
    const index = next.indexOf(articleId)
    setAnnouncement(
      index === -1
        ? `„${nameOf(articleId)}“ in den Themenspeicher verschoben.`
        : `„${nameOf(articleId)}“ auf Position ${index + 1} von ${next.length} im Inhalt der Ausgabe verschoben.`,
    )
  }, [])

  useEffect(() => {
    if (!editable) return
    return monitorForElements({
      canMonitor: ({ source }) => isCardData(source.data),
      onDrop: ({ source, location }) => {
        const target = location.current.dropTargets[0]
        if (!target || !isCardData(source.data)) return
        const articleId = source.data.articleId
        const current = latest.current.serverOrder
        if (isCardData(target.data)) {
          if (target.data.column === 'pool') return moveTo(articleId, { column: 'pool', index: 0 })
          const edge = extractClosestEdge(target.data) === 'bottom' ? 'bottom' : 'top'
          return moveTo(articleId, {
            column: 'issue',
            index: dropIndex(current.indexOf(articleId), target.data.index, edge),
          })
        }
        if (isColumnData(target.data)) {
          if (target.data.column === 'pool') return moveTo(articleId, { column: 'pool', index: 0 })
          if (!current.includes(articleId))
            moveTo(articleId, { column: 'issue', index: current.length })
        }
      },
    })
  }, [editable, moveTo])

  useEffect(() => {
    if (lifted)
      document
        .querySelector<HTMLButtonElement>(`[data-drag-handle="${CSS.escape(lifted.articleId)}"]`)
        ?.focus()
  }, [lifted])

  // A card moved by its buttons may take the focused button with it (other column, first or last place).
  const [movedByButton, setMovedByButton] = useState<{ articleId: string } | null>(null)
  useEffect(() => {
    if (movedByButton && (!document.activeElement || document.activeElement === document.body))
      document
        .querySelector<HTMLButtonElement>(
          `[data-drag-handle="${CSS.escape(movedByButton.articleId)}"]`,
        )
        ?.focus()
  }, [movedByButton])
  const moveByButton = useCallback(
    (articleId: string, to: BoardPosition) => {
      setMovedByButton({ articleId })
      moveTo(articleId, to)
    },
    [moveTo],
  )

  const liftedRef = useRef<Lifted | null>(null)
  const lift = useCallback((next: Lifted | null) => {
    liftedRef.current = next
    setLifted(next)
  }, [])

  const onHandleKeyDown = useCallback(
    (article: Article, event: KeyboardEvent<HTMLButtonElement>) => {
      const headline = article.headline || 'Ohne Überschrift'
      const current = liftedRef.current
      const key = event.key
      const isToggle = key === ' ' || key === 'Enter'
      if (!current || current.articleId !== article.id) {
        if (!isToggle) return
        event.preventDefault()
        const origin = latest.current.serverOrder
        setAnnouncement(
          `„${headline}“ aufgenommen, ${describePositionOf(origin, article.id)}. Mit den Pfeiltasten verschieben, mit der Leertaste ablegen, mit Escape abbrechen.`,
        )
        lift({ articleId: article.id, headline, origin, order: origin })
        return
      }
      const index = current.order.indexOf(article.id)
      let next: string[] | null = null
      if (key === 'ArrowUp' && index > 0)
        next = moveInOrder(current.order, article.id, { column: 'issue', index: index - 1 })
      else if (key === 'ArrowDown' && index !== -1 && index < current.order.length - 1)
        next = moveInOrder(current.order, article.id, { column: 'issue', index: index + 1 })
      else if (key === 'ArrowLeft' && index !== -1)
        next = moveInOrder(current.order, article.id, { column: 'pool', index: 0 })
      else if (key === 'ArrowRight' && index === -1)
        next = moveInOrder(current.order, article.id, {
          column: 'issue',
          index: current.order.length,
        })

      if (next) {
        event.preventDefault()
        setAnnouncement(`${describePositionOf(next, article.id)}.`)
        lift({ ...current, order: next })
      } else if (isToggle) {
        event.preventDefault()
        if (current.order.join() !== current.origin.join()) latest.current.move(current.order)
        setAnnouncement(`„${headline}“ abgelegt, ${describePositionOf(current.order, article.id)}.`)
        lift(null)
      } else if (key === 'Escape') {
        event.preventDefault()
        setAnnouncement(
          `Verschieben abgebrochen. „${headline}“ bleibt ${describePositionOf(current.origin, article.id)}.`,
        )
        lift(null)
      } else if (key.startsWith('Arrow')) {
        event.preventDefault()
        setAnnouncement(
          index === -1
            ? 'Im Themenspeicher gibt es keine Reihenfolge. Pfeil nach rechts nimmt den Beitrag in die Ausgabe auf.'
            : 'Weiter geht es in diese Richtung nicht.',
        )
      }
    },
    [lift],
  )

  if (issue.isError && !issue.data)
    return <ErrorState message={errorMessage(issue.error)} onRetry={() => issue.refetch()} />
  if (articles.isError && !articles.data)
    return <ErrorState message={errorMessage(articles.error)} onRetry={() => articles.refetch()} />
  if (!issue.data || !articles.data) return <Loading label="Board wird geladen …" />

  const readiness = issueReadiness(content)
  const authorName = (id: string) =>
    users.data?.find((candidate) => candidate.id === id)?.name ?? 'Unbekannt'

  return (
    <div className="board">
      <section className="board-summary" aria-labelledby="board-summary-heading">
        <h2 id="board-summary-heading" className="visually-hidden">
          Stand der Ausgabe
        </h2>
        <p>
          <strong>
            {readiness.ready} von {readiness.total}
          </strong>{' '}
          Beiträgen fertig
        </p>
        <p
          className={
            readiness.errors > 0
              ? 'summary-error'
              : readiness.warnings > 0
                ? 'summary-warning'
                : undefined
          }
        >
          <strong>{readiness.errors}</strong> Fehler, <strong>{readiness.warnings}</strong>{' '}
          {readiness.warnings === 1 ? 'Warnung' : 'Warnungen'} offen
        </p>
        <p>
          Redaktionsschluss: <DeadlineLabel issue={issue.data} />
        </p>
      </section>
      {editable && issue.data.status === 'approved' && (
        <p className="notice notice-warning" role="note">
          Die Ausgabe ist freigegeben. Jede Änderung an Auswahl oder Reihenfolge nimmt die Freigabe
          zurück.
        </p>
      )}
      {lockReason && (
        <p className="notice" role="note">
          {lockReason}
        </p>
      )}
      {arrange.error && (
        <div className="error-state" role="alert">
          <p>{arrange.error}</p>
          <button type="button" className="button button-small" onClick={arrange.dismissError}>
            Verstanden
          </button>
        </div>
      )}
      <p id="board-keyboard-help" className="visually-hidden">
        Leertaste nimmt den Beitrag auf. Pfeiltasten nach oben und unten ändern die Reihenfolge,
        nach links in den Themenspeicher, nach rechts in die Ausgabe. Leertaste legt ab, Escape
        bricht ab.
      </p>
      <div className="board-live" role="status" aria-live="assertive">
        {announcement}
      </div>
      <p className="board-save-state" role="status">
        {arrange.pending
          ? 'Reihenfolge wird gespeichert …'
          : arrange.saved
            ? '✓ Reihenfolge gespeichert'
            : ''}
      </p>
      <div className="board-columns">
        <BoardColumn
          column="pool"
          title={`${columnNames.pool} (${pool.length})`}
          description="Beiträge ohne Ausgabe."
          editable={editable}
          tools={
            <div className="field">
              <label htmlFor="pool-filter">Themenspeicher durchsuchen</label>
              <input
                id="pool-filter"
                type="search"
                value={poolFilter}
                onChange={(event) => setPoolFilter(event.target.value)}
              />
            </div>
          }
        >
          {visiblePool.length === 0 ? (
            <p className="empty">
              {pool.length === 0 ? 'Der Themenspeicher ist leer.' : 'Kein Beitrag passt zur Suche.'}
            </p>
          ) : (
            <ul className="board-list" aria-label={columnNames.pool}>
              {visiblePool.map((article, index) => (
                <BoardCard
                  key={article.id}
                  article={article}
                  authorName={authorName(article.authorId)}
                  column="pool"
                  index={index}
                  count={visiblePool.length}
                  editable={editable}
                  lifted={lifted?.articleId === article.id}
                  onMove={moveByButton}
                  onHandleKeyDown={onHandleKeyDown}
                />
              ))}
            </ul>
          )}
        </BoardColumn>
        <BoardColumn
          column="issue"
          title={`${columnNames.issue} (${content.length})`}
          description="In dieser Reihenfolge erscheinen die Beiträge."
          editable={editable}
        >
          {content.length === 0 ? (
            <p className="empty">
              Noch keine Beiträge. Ziehen Sie Beiträge hierher oder nutzen Sie „Zur Ausgabe
              hinzufügen“.
            </p>
          ) : (
            <ol className="board-list" aria-label={columnNames.issue}>
              {content.map((article, index) => (
                <BoardCard
                  key={article.id}
                  article={article}
                  authorName={authorName(article.authorId)}
                  column="issue"
                  index={index}
                  count={content.length}
                  editable={editable}
                  lifted={lifted?.articleId === article.id}
                  onMove={moveByButton}
                  onHandleKeyDown={onHandleKeyDown}
                />
              ))}
            </ol>
          )}
        </BoardColumn>
      </div>
    </div>
  )
}

function describePositionOf(ids: string[], articleId: string): string {
  const index = ids.indexOf(articleId)
  return index === -1
    ? 'im Themenspeicher'
    : `Position ${index + 1} von ${ids.length} im Inhalt der Ausgabe`
}
