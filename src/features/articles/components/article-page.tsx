import { useState } from 'react'
import { Link } from 'react-router'
import { errorMessage } from '../../../backend/api-error'
import { useBackend } from '../../../backend/backend-provider'
import { useArticle } from '../../../backend/queries/get-article'
import { useIssue } from '../../../backend/queries/get-issue'
import { useUsers } from '../../../backend/queries/list-users'
import { PhotoFigure } from '../../../components/photo-figure'
import { ErrorState, Loading } from '../../../components/ui/query-state'
import { formatBerlinDateTime } from '../../../domain/deadline'
import { CommentableText } from '../comments/commentable-text'
import { ArticleStatusBadge } from './article-status-badge'
import { ArticleVersionsDialog } from './article-versions-dialog'
import styles from './article-page.module.css'

function IssueLink({ issueId }: { issueId: string }) {
  const issue = useIssue(issueId)
  return (
    <Link to={`/ausgaben/${encodeURIComponent(issueId)}`}>{issue.data?.label ?? 'Ausgabe'}</Link>
  )
}

/** One article as it reads: headline, text and photos with credit and caption. */
export function ArticlePage({ articleId, notice }: { articleId: string; notice?: string }) {
  const backend = useBackend()
  const article = useArticle(articleId)
  const users = useUsers()
  const [versionsOpen, setVersionsOpen] = useState(false)
  if (article.isPending) return <Loading />
  if (!article.data)
    return <ErrorState message={errorMessage(article.error)} onRetry={() => article.refetch()} />
  const { data } = article
  const userName = (id: string) => users.data?.find((user) => user.id === id)?.name ?? 'Unbekannt'

  return (
    <article className={styles.articleView}>
      <title>{`${data.headline || 'Beitrag ohne Überschrift'} – Rundbrief`}</title>
      <p className="breadcrumb">
        <Link to="/beitraege">Beiträge</Link>
      </p>
      <h1>{data.headline || 'Ohne Überschrift'}</h1>
      <p className={styles.meta}>
        <ArticleStatusBadge status={data.status} /> · {userName(data.authorId)} · zuletzt geändert{' '}
        {formatBerlinDateTime(data.updatedAt)} von {userName(data.updatedBy)} ·{' '}
        {data.issueId ? <IssueLink issueId={data.issueId} /> : 'Themenspeicher'}
      </p>
      {notice && (
        <p className="notice" role="note">
          {notice}
        </p>
      )}
      <p>
        <button
          type="button"
          className="button button-small button-secondary"
          onClick={() => setVersionsOpen(true)}
        >
          Versionen
        </button>
      </p>
      {versionsOpen && (
        <ArticleVersionsDialog
          articleId={articleId}
          current={data}
          onClose={() => setVersionsOpen(false)}
        />
      )}
      <CommentableText article={data} />
      {data.photos.map((photo) => (
        <PhotoFigure key={photo.mediaId} photo={photo} src={backend.mediaFileUrl(photo.mediaId)} />
      ))}
    </article>
  )
}
