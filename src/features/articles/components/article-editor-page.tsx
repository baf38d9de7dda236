import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { Link } from 'react-router'
import { errorMessage } from '../../../backend/api-error'
import { useBackend } from '../../../backend/backend-provider'
import { useArticle } from '../../../backend/queries/get-article'
import { issueQueryOptions } from '../../../backend/queries/get-issue'
import { usePublication } from '../../../backend/queries/get-publication'
import { ErrorState, Loading } from '../../../components/ui/query-state'
import { can } from '../../../domain/permissions'
import { contentLockReason } from '../../../domain/workflow'
import { useCurrentUser } from '../../../lib/session'
import { ArticleEditor } from './article-editor'
import { ArticlePage } from './article-page'
import { issueTitle } from '../../../domain/issue'

/** Whether the issue, approved when this page showed it, has lost its approval since. */
function useApprovalWithdrawnWhileOpen(status: string | undefined): boolean {
  const [seen, setSeen] = useState(status)
  const [withdrawn, setWithdrawn] = useState(false)
  if (status !== seen) {
    setSeen(status)
    setWithdrawn(seen === 'approved' && status !== undefined && status !== 'published')
  }
  return withdrawn
}

/** One article: the editor for those who may change it now, the read-only view for everyone else. */
export function ArticleEditorPage({ articleId }: { articleId: string }) {
  const backend = useBackend()
  const user = useCurrentUser()
  const article = useArticle(articleId)
  const publication = usePublication()
  const issueId = article.data?.issueId ?? null
  const issue = useQuery({
    ...issueQueryOptions(backend, issueId ?? ''),
    enabled: issueId !== null,
  })
  const withdrawnHere = useApprovalWithdrawnWhileOpen(issue.data?.status)

  const failed = [article, publication].find((query) => query.isError && !query.data)
  if (failed)
    return <ErrorState message={errorMessage(failed.error)} onRetry={() => failed.refetch()} />
  if (!article.data || !publication.data || (issueId !== null && !issue.data)) {
    return issue.isError ? (
      <ErrorState message={errorMessage(issue.error)} onRetry={() => issue.refetch()} />
    ) : (
      <Loading />
    )
  }

  const readOnlyReason = !can(user.role, 'article.write')
    ? 'Als Gestaltung können Sie Beiträge lesen, aber nicht bearbeiten.'
    : issue.data
      ? contentLockReason(issue.data.status, user.role)
      : null

  if (readOnlyReason) return <ArticlePage articleId={articleId} notice={readOnlyReason} />

  return (
    <>
      <title>{`${article.data.headline || 'Neuer Beitrag'} bearbeiten – Rundbrief`}</title>
      <p className="breadcrumb">
        <Link to="/beitraege">Beiträge</Link>
        {issue.data && (
          <>
            {' · '}
            <Link to={`/ausgaben/${encodeURIComponent(issue.data.id)}`}>
              {issueTitle(issue.data.label)}
            </Link>
          </>
        )}
      </p>
      <h1>Beitrag bearbeiten</h1>
      {issue.data?.status === 'approved' && (
        <p className="notice notice-warning" role="note">
          Die Ausgabe „{issue.data.label}“ ist freigegeben. Jede Änderung an diesem Beitrag nimmt
          die Freigabe zurück; die Dezernentin muss erneut freigeben.
        </p>
      )}
      {withdrawnHere && issue.data && issue.data.status !== 'approved' && (
        <p className="notice" role="status">
          Die Freigabe der Ausgabe „{issue.data.label}“ ist zurückgenommen.
          {issue.data.status === 'draft' &&
            ' Sie ist wieder in Bearbeitung: Reichen Sie sie erneut zur Freigabe ein, wenn Ihre Änderungen fertig sind.'}
        </p>
      )}
      <ArticleEditor
        key={article.data.id}
        article={article.data}
        wordLimit={publication.data.articleWordLimit}
      />
    </>
  )
}
