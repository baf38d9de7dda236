import { Link } from 'react-router'
import { useIssue } from '../../../backend/queries/get-issue'
import { useArticles } from '../../../backend/queries/list-articles'
import { useUsers } from '../../../backend/queries/list-users'
import { DeadlineLabel } from '../../../components/deadline-label'
import { Badge } from '../../../components/ui/badge'
import { ErrorState, Loading } from '../../../components/ui/query-state'
import { articleStatusLabels } from '../../../domain/article'
import { formatBerlinDate, formatBerlinDateTime } from '../../../domain/deadline'
import { IssueStatusBadge } from './issue-status-badge'

/** One Ausgabe: its dates, status and articles in order. */
export function IssuePage({ issueId }: { issueId: string }) {
  const issue = useIssue(issueId)
  const articles = useArticles({ issueId })
  const users = useUsers()

  if (issue.isPending) return <Loading />
  if (issue.isError) return <ErrorState error={issue.error} onRetry={() => issue.refetch()} />

  const byId = new Map((articles.data ?? []).map((article) => [article.id, article]))
  const userName = (id: string) => users.data?.find((user) => user.id === id)?.name ?? 'Unbekannt'
  const changeRequest = issue.data.changeRequest

  return (
    <>
      <title>{`Ausgabe ${issue.data.label} – Rundbrief`}</title>
      <p className="breadcrumb">
        <Link to="/ausgaben">Ausgaben</Link>
      </p>
      <h1>Ausgabe {issue.data.label}</h1>
      <dl className="facts">
        <div>
          <dt>Status</dt>
          <dd>
            <IssueStatusBadge status={issue.data.status} />
          </dd>
        </div>
        <div>
          <dt>Redaktionsschluss</dt>
          <dd>
            <DeadlineLabel deadline={issue.data.deadline} />
          </dd>
        </div>
        <div>
          <dt>Erscheinungsdatum</dt>
          <dd>{formatBerlinDate(issue.data.plannedSendDate)}</dd>
        </div>
      </dl>
      {changeRequest && (
        <section className="notice notice-warning" aria-labelledby="change-request-heading">
          <h2 id="change-request-heading">Änderungen angefordert</h2>
          <p>{changeRequest.comment}</p>
          <p className="muted">
            {userName(changeRequest.requestedBy)}, {formatBerlinDateTime(changeRequest.requestedAt)}
          </p>
        </section>
      )}
      <p>
        <Link className="button" to={`/ausgaben/${encodeURIComponent(issueId)}/vorschau`}>
          Vorschau
        </Link>
      </p>
      <h2 id="issue-content-heading">Inhalt der Ausgabe</h2>
      {articles.isPending ? (
        <Loading label="Beiträge werden geladen …" />
      ) : articles.isError ? (
        <ErrorState error={articles.error} onRetry={() => articles.refetch()} />
      ) : issue.data.articleIds.length === 0 ? (
        <p className="empty">Diese Ausgabe enthält noch keine Beiträge.</p>
      ) : (
        <ol className="article-list" aria-labelledby="issue-content-heading">
          {issue.data.articleIds.map((id) => {
            const article = byId.get(id)
            if (!article) return null
            return (
              <li key={id} className="article-card">
                <Link to={`/beitraege/${encodeURIComponent(id)}`} className="article-card-title">
                  {article.headline || 'Ohne Überschrift'}
                </Link>
                <span className="article-card-meta">
                  {userName(article.authorId)} ·{' '}
                  <Badge tone={article.status === 'ready' ? 'success' : 'neutral'}>
                    {articleStatusLabels[article.status]}
                  </Badge>
                  {article.photos.length > 0 &&
                    ` · ${article.photos.length} ${article.photos.length === 1 ? 'Foto' : 'Fotos'}`}
                </span>
              </li>
            )
          })}
        </ol>
      )}
    </>
  )
}
