import { useDeferredValue, useEffect, useRef, useState } from 'react'
import { Link, useNavigate } from 'react-router'
import { errorMessage } from '../../../backend/api-error'
import type { ArticleQuery } from '../../../backend/backend'
import { useIssues } from '../../../backend/queries/list-issues'
import { useArticles } from '../../../backend/queries/list-articles'
import { ShortenedText } from '../../../components/shortened-text'
import { ErrorState, Loading } from '../../../components/ui/query-state'
import { articleStatusSchema, type Article } from '../../../domain/article'
import { formatBerlinDateTime } from '../../../domain/deadline'
import { can } from '../../../domain/permissions'
import { useCurrentUser } from '../../../lib/session'
import { useCreateArticle } from '../api/create-article'
import { useRestoreArticle } from '../api/trash'
import { DeleteArticleButton } from './delete-article-button'
import { classNames } from '../../../lib/class-names'
import tableStyles from '../../../components/ui/table.module.css'
import styles from './articles-page.module.css'
import { MarkReadyButton } from './mark-ready-button'
import { ArticleStatusBadge } from './article-status-badge'
import { useFilterParams } from '../../../lib/use-filter-params'

/** "Beiträge": all articles, searchable by headline and text, filterable by status and issue. */
export function ArticlesPage() {
  const [params, update] = useFilterParams()
  const q = params.get('q') ?? ''
  const status = articleStatusSchema.safeParse(params.get('status')).data
  const issueId = params.get('ausgabe') ?? ''
  const deferredQ = useDeferredValue(q)
  const query: ArticleQuery = {
    ...(deferredQ.trim() && { q: deferredQ.trim() }),
    ...(status && { status }),
    ...(issueId && { issueId }),
  }
  const articles = useArticles(query)
  const user = useCurrentUser()
  const canWrite = can(user.role, 'article.write')
  const canDelete = can(user.role, 'article.delete')
  const createArticle = useCreateArticle()
  // A double click must not create two articles: the second click can come after the answer
  // but before the editor has replaced this page.
  const creating = useRef(false)
  const [deleted, setDeleted] = useState<{ article: Article; discarded: boolean } | null>(null)
  const deletedNotice = useRef<HTMLParagraphElement>(null)
  const restore = useRestoreArticle()
  useEffect(() => {
    if (deleted) deletedNotice.current?.focus()
  }, [deleted])
  const navigate = useNavigate()
  const issues = useIssues()
  const issueLabel = (id: string | null) =>
    id === null ? 'Themenspeicher' : (issues.data?.find((issue) => issue.id === id)?.label ?? '…')

  return (
    <>
      <title>Beiträge – Rundbrief</title>
      <div className="page-heading">
        <h1>Beiträge</h1>
        <div className={styles.headingActions}>
          {canDelete && (
            <Link to="/beitraege/papierkorb" className="button button-secondary">
              Papierkorb
            </Link>
          )}
          {canWrite && (
            <button
              type="button"
              className="button button-primary"
              disabled={createArticle.isPending}
              onClick={() => {
                if (creating.current) return
                creating.current = true
                createArticle.mutate(
                  { headline: '' },
                  {
                    // stays blocked until the editor has replaced this page
                    onSuccess: (article) =>
                      navigate(`/beitraege/${encodeURIComponent(article.id)}`),
                    onError: () => {
                      creating.current = false
                    },
                  },
                )
              }}
            >
              Neuer Beitrag
            </button>
          )}
        </div>
      </div>
      {deleted && (
        <div className={classNames('notice', styles.deletedNotice)}>
          <p ref={deletedNotice} tabIndex={-1}>
            {deleted.discarded
              ? 'Der leere Beitrag ist endgültig entfernt.'
              : restore.isSuccess
                ? `„${deleted.article.headline || 'Ohne Überschrift'}“ ist wiederhergestellt.`
                : `„${deleted.article.headline || 'Ohne Überschrift'}“ liegt jetzt im Papierkorb.`}
          </p>
          {!deleted.discarded && !restore.isSuccess && (
            <button
              type="button"
              className="button button-small"
              disabled={restore.isPending}
              onClick={() => restore.mutate(deleted.article.id)}
            >
              Rückgängig
            </button>
          )}
          {restore.isError && (
            <p className="field-error" role="alert">
              {errorMessage(restore.error)}
            </p>
          )}
        </div>
      )}
      {createArticle.isError && (
        <p className="field-error" role="alert">
          {errorMessage(createArticle.error)}
        </p>
      )}
      <form className={styles.filters} role="search" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor="article-search">Suche in Überschrift und Text</label>
          <input
            id="article-search"
            type="search"
            value={q}
            onChange={(event) => update('q', event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="article-status">Status</label>
          <select
            id="article-status"
            value={status ?? ''}
            onChange={(event) => update('status', event.target.value)}
          >
            <option value="">Alle</option>
            <option value="draft">Entwurf</option>
            <option value="ready">Fertig</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="article-issue">Ausgabe</label>
          <select
            id="article-issue"
            value={issueId}
            onChange={(event) => update('ausgabe', event.target.value)}
          >
            <option value="">Alle</option>
            <option value="none">Themenspeicher (ohne Ausgabe)</option>
            {issues.data?.map((issue) => (
              <option key={issue.id} value={issue.id}>
                {issue.label}
              </option>
            ))}
          </select>
        </div>
      </form>
      {articles.isPending ? (
        <Loading />
      ) : !articles.data ? (
        <ErrorState message={errorMessage(articles.error)} onRetry={() => articles.refetch()} />
      ) : articles.data.length === 0 ? (
        <p className="empty" role="status">
          Keine Beiträge gefunden.
        </p>
      ) : (
        <div className={tableStyles.wrap}>
          <table className={classNames(tableStyles.table, tableStyles.cards)}>
            <caption className="visually-hidden">
              {articles.data.length} {articles.data.length === 1 ? 'Beitrag' : 'Beiträge'}
            </caption>
            <thead>
              <tr>
                <th scope="col">Überschrift</th>
                <th scope="col">Status</th>
                <th scope="col">Ausgabe</th>
                <th scope="col">Zuletzt geändert</th>
                {canWrite && <th scope="col">Aktion</th>}
              </tr>
            </thead>
            <tbody>
              {articles.data.map((article) => (
                <tr key={article.id}>
                  <th scope="row">
                    <Link to={`/beitraege/${encodeURIComponent(article.id)}`}>
                      <ShortenedText text={article.headline || 'Ohne Überschrift'} max={100} />
                    </Link>
                  </th>
                  <td data-label="Status">
                    <ArticleStatusBadge status={article.status} />
                  </td>
                  <td data-label="Ausgabe">{issueLabel(article.issueId)}</td>
                  <td data-label="Zuletzt geändert">{formatBerlinDateTime(article.updatedAt)}</td>
                  {canWrite && (
                    <td>
                      <div className={styles.rowActions}>
                        {article.status === 'draft' && <MarkReadyButton article={article} />}
                        {canDelete && article.issueId === null && (
                          <DeleteArticleButton
                            article={article}
                            onDeleted={(gone, discarded) => {
                              restore.reset()
                              setDeleted({ article: gone, discarded })
                            }}
                          />
                        )}
                      </div>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  )
}
