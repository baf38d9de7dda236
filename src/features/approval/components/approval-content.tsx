import { Link } from 'react-router'
import { useBackend } from '../../../backend/backend-provider'
import { PhotoFigure } from '../../../components/photo-figure'
import { RichTextView } from '../../../components/rich-text-view'
import type { Article } from '../../../domain/article'
import type { Issue } from '../../../domain/issue'
import { orderedArticles } from '../../../render/render-model'
import styles from './approval-content.module.css'

/**
 * The content the Dezernentin approves, exactly as the approval covers it: every article of
 * the issue in its order, in full, with its photos, captions and credits.
 */
export function ApprovalContent({
  issue,
  articles,
}: {
  issue: Issue
  articles: readonly Article[]
}) {
  const backend = useBackend()
  const shown = orderedArticles(issue, articles)
  return (
    <section aria-labelledby="approval-content-heading" className={styles.content}>
      <h3 id="approval-content-heading">Inhalt zur Freigabe</h3>
      <p className="hint">
        {shown.length === 1 ? 'Der Beitrag' : `Alle ${shown.length} Beiträge`} in der Reihenfolge
        der Ausgabe, mit Fotos, Bildunterschriften und Fotonachweisen. Wie Druck, E-Mail und
        Webseite aussehen, zeigt die{' '}
        <Link to={`/ausgaben/${encodeURIComponent(issue.id)}/vorschau`}>Vorschau</Link>.
      </p>
      {shown.length === 0 && <p>Die Ausgabe enthält keine Beiträge.</p>}
      {shown.map((article, index) => (
        <article
          key={article.id}
          className={styles.article}
          aria-labelledby={`approval-article-${index}`}
        >
          <h4 id={`approval-article-${index}`}>{article.headline || 'Ohne Überschrift'}</h4>
          <RichTextView doc={article.body} headingOffset={3} />
          {article.photos.map((photo) => (
            <PhotoFigure
              key={photo.mediaId}
              photo={photo}
              src={backend.mediaFileUrl(photo.mediaId)}
            />
          ))}
        </article>
      ))}
    </section>
  )
}
