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
import { ErrorState, Loading } from '../../../components/ui/query-state'
import type { Article } from '../../../domain/article'
import { moveInOrder, type BoardPosition } from '../../../domain/board'
import {
  movedAnnouncement,
  reduceKeyboardMove,
  type LiftedCard,
} from '../../../domain/board-keyboard'
import { can, permissionDeniedMessage } from '../../../domain/permissions'
import { contentLockReason } from '../../../domain/workflow'
import { useCurrentUser } from '../../../lib/session'
import { useArrangeIssue } from '../api/use-arrange-issue'
import { useBoardDrop } from '../hooks/use-board-drag-and-drop'
import { BoardCardList } from './board-card-list'
import { BoardColumn } from './board-column'
import { BoardSummary } from './board-summary'
import styles from './board.module.css'

const columnNames: Record<BoardPosition['column'], string> = {
  pool: 'Themenspeicher',
  issue: 'Inhalt der Ausgabe',
}

const headlineOf = (article: Article | undefined) => article?.headline || 'Ohne Überschrift'

const focusHandleOf = (articleId: string) =>
  document
    .querySelector<HTMLButtonElement>(`[data-drag-handle="${CSS.escape(articleId)}"]`)
    ?.focus()

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
  const [lifted, setLifted] = useState<LiftedCard | null>(null)
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

  // Callbacks handed to every card and to drag and drop stay the same; they read what is current.
  const latest = useRef({ serverOrder, move: arrange.move, byId })
  useLayoutEffect(() => {
    latest.current = { serverOrder, move: arrange.move, byId }
  })
  const currentOrder = useCallback(() => latest.current.serverOrder, [])

  const moveTo = useCallback((articleId: string, to: BoardPosition) => {
    const { serverOrder: current, move, byId: articlesById } = latest.current
    const next = moveInOrder(current, articleId, to)
    if (next.join() === current.join()) return
    move(next)
    setAnnouncement(movedAnnouncement(next, articleId, headlineOf(articlesById.get(articleId))))
  }, [])

  useBoardDrop({ editable, currentOrder, moveTo })

  useEffect(() => {
    if (lifted) focusHandleOf(lifted.articleId)
  }, [lifted])

  // A card moved by its buttons may take the focused button with it (other column, first or last place).
  const [movedByButton, setMovedByButton] = useState<{ articleId: string } | null>(null)
  useEffect(() => {
    if (movedByButton && (!document.activeElement || document.activeElement === document.body))
      focusHandleOf(movedByButton.articleId)
  }, [movedByButton])
  const moveByButton = useCallback(
    (articleId: string, to: BoardPosition) => {
      setMovedByButton({ articleId })
      moveTo(articleId, to)
    },
    [moveTo],
  )

  const liftedRef = useRef<LiftedCard | null>(null)
  const onHandleKeyDown = useCallback(
    (article: Article, event: KeyboardEvent<HTMLButtonElement>) => {
      const outcome = reduceKeyboardMove(liftedRef.current, {
        key: event.key,
        articleId: article.id,
        headline: headlineOf(article),
        order: latest.current.serverOrder,
      })
      if (!outcome) return
      event.preventDefault()
      if (outcome.commit) latest.current.move(outcome.commit)
      setAnnouncement(outcome.announcement)
      liftedRef.current = outcome.lifted
      setLifted(outcome.lifted)
    },
    [],
  )

  if (issue.isError && !issue.data)
    return <ErrorState message={errorMessage(issue.error)} onRetry={() => issue.refetch()} />
  if (articles.isError && !articles.data)
    return <ErrorState message={errorMessage(articles.error)} onRetry={() => articles.refetch()} />
  if (!issue.data || !articles.data) return <Loading label="Board wird geladen …" />

  const authorName = (id: string) =>
    users.data?.find((candidate) => candidate.id === id)?.name ?? 'Unbekannt'
  const cardProps = {
    authorName,
    editable,
    liftedId: lifted?.articleId ?? null,
    onMove: moveByButton,
    onHandleKeyDown,
  }

  return (
    <div>
      <BoardSummary issue={issue.data} content={content} />
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
      {/* The plain class names of both status lines are how the e2e tests find them. */}
      <div className={`${styles.live} board-live`} role="status" aria-live="assertive">
        {announcement}
      </div>
      <p className={`${styles.saveState} board-save-state`} role="status">
        {arrange.pending
          ? 'Reihenfolge wird gespeichert …'
          : arrange.saved
            ? '✓ Reihenfolge gespeichert'
            : ''}
      </p>
      <div className={styles.columns}>
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
          <BoardCardList
            column="pool"
            label={columnNames.pool}
            articles={visiblePool}
            emptyMessage={
              pool.length === 0 ? 'Der Themenspeicher ist leer.' : 'Kein Beitrag passt zur Suche.'
            }
            {...cardProps}
          />
        </BoardColumn>
        <BoardColumn
          column="issue"
          title={`${columnNames.issue} (${content.length})`}
          description="In dieser Reihenfolge erscheinen die Beiträge."
          editable={editable}
        >
          <BoardCardList
            column="issue"
            label={columnNames.issue}
            articles={content}
            emptyMessage="Noch keine Beiträge. Ziehen Sie Beiträge hierher oder nutzen Sie „Zur Ausgabe hinzufügen“."
            {...cardProps}
          />
        </BoardColumn>
      </div>
    </div>
  )
}
