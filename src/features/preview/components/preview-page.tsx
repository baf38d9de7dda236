import { Link } from 'react-router'
import { useIssue } from '../../../backend/queries/get-issue'
import { useArticles } from '../../../backend/queries/list-articles'
import { usePublication } from '../../../backend/queries/get-publication'
import { PhotoFigure } from '../../../components/photo-figure'
import { ErrorState, Loading } from '../../../components/ui/query-state'
import { RichTextView } from '../../../components/rich-text-view'
import { formatBerlinDate } from '../../../domain/deadline'

/** Web preview of an issue as readers will see it: masthead, articles in order, Impressum. */
export function PreviewPage({ issueId }: { issueId: string }) {
  const issue = useIssue(issueId)
  const articles = useArticles({ issueId })
  const publication = usePublication()

  const failed = [issue, articles, publication].find((query) => query.isError && !query.data)
  if (failed) return <ErrorState error={failed.error} onRetry={() => failed.refetch()} />
  if (!issue.data || !articles.data || !publication.data)
    return <Loading label="Vorschau wird erstellt …" />

  const byId = new Map(articles.data.map((article) => [article.id, article]))
  const ordered = issue.data.articleIds.flatMap((id) => byId.get(id) ?? [])
  const { impressum } = publication.data

  return (
    <>
      <title>{`Vorschau ${issue.data.label} – Rundbrief`}</title>
      <p className="breadcrumb">
        <Link to={`/ausgaben/${encodeURIComponent(issueId)}`}>Ausgabe {issue.data.label}</Link>
      </p>
      <h1 className="visually-hidden">Vorschau der Ausgabe {issue.data.label}</h1>
      <div className="newsletter" lang="de">
        <header className="newsletter-masthead">
          <p className="newsletter-title">{publication.data.title}</p>
          <p className="newsletter-subtitle">- {publication.data.subtitle} -</p>
        </header>
        {ordered.map((article) => (
          <article key={article.id} className="newsletter-article">
            <h2>{article.headline}</h2>
            <RichTextView doc={article.body} headingOffset={1} />
            {article.photos.map((photo) => (
              <PhotoFigure key={photo.mediaId} photo={photo} />
            ))}
          </article>
        ))}
        <footer className="newsletter-impressum">
          <h2>Impressum</h2>
          <p>
            {impressum.publisher}
            <br />
            {impressum.department}
            <br />
            {impressum.street}
            <br />
            {impressum.postalCodeCity}
            <br />
            Tel. {impressum.phone} | E-Mail: {impressum.email}
          </p>
          <p>
            Redaktion: {impressum.editorialStaff}
            <br />
            Verantwortlich: {impressum.responsibleName}, {impressum.responsibleFunction}
            <br />
            Redaktionsschluss: {formatBerlinDate(issue.data.deadline)}
          </p>
          <p>{publication.data.unsubscribeText}</p>
        </footer>
      </div>
    </>
  )
}
