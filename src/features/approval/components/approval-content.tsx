import { Link } from 'react-router'
import { useBackend } from '../../../backend/backend-provider'
import { PhotoFigure } from '../../../components/photo-figure'
import { RichTextView } from '../../../components/rich-text-view'
import type { Article } from '../../../domain/article'
import type { Issue } from '../../../domain/issue'
import type { Publication } from '../../../domain/publication'
import { impressumParagraphs } from '../../../render/impressum'
import { orderedArticles } from '../../../render/render-model'
import styles from './approval-content.module.css'

const fontNames = { sans: 'serifenlos (Arial)', serif: 'mit Serifen (Georgia)' }
const placementNames = {
  full: 'in voller Breite',
  left: 'links neben dem Text',
  right: 'rechts neben dem Text',
}

/** What the approval covers besides the articles: masthead, Impressum, unsubscribe note, layout. */
function ApprovedSettings({ issue, publication }: { issue: Issue; publication: Publication }) {
  const { layout } = publication
  return (
    <section aria-labelledby="approval-settings-heading" className={styles.article}>
      <h4 id="approval-settings-heading">Kopf, Impressum und Layout</h4>
      <dl className={styles.settings}>
        <dt>Kopf</dt>
        <dd>
          {publication.title} – {publication.subtitle}
        </dd>
        <dt>Impressum</dt>
        <dd>
          {impressumParagraphs({ publication, issue }).map((lines, index) => (
            <p key={index}>
              {lines.map((line, lineIndex) => (
                <span key={lineIndex} className={styles.line}>
                  {line}
                </span>
              ))}
            </p>
          ))}
        </dd>
        <dt>Abmeldehinweis</dt>
        <dd>{publication.unsubscribeText}</dd>
        <dt>Layout</dt>
        <dd>
          <span className={styles.swatch} style={{ background: layout.accentColor }} />
          Akzentfarbe {layout.accentColor}; Überschriften {fontNames[layout.headingFont]}, Text{' '}
          {fontNames[layout.bodyFont]}; Fotos {placementNames[layout.photoPlacement]};{' '}
          {layout.logoMediaId ? 'mit Logo' : 'ohne Logo'}.
        </dd>
      </dl>
    </section>
  )
}

/**
 * The content the Dezernentin approves, exactly as the approval covers it: every article of
 * the issue in its order, in full, with its photos, captions and credits, and the masthead,
 * Impressum and layout it goes out with.
 */
export function ApprovalContent({
  issue,
  articles,
  publication,
}: {
  issue: Issue
  articles: readonly Article[]
  publication: Publication
}) {
  const backend = useBackend()
  const shown = orderedArticles(issue, articles)
  return (
    <section aria-labelledby="approval-content-heading" className={styles.content}>
      <h3 id="approval-content-heading">Inhalt zur Freigabe</h3>
      <p className="hint">
        {shown.length === 1 ? 'Der Beitrag' : `Alle ${shown.length} Beiträge`} in der Reihenfolge
        der Ausgabe, mit Fotos, Bildunterschriften und Fotonachweisen, danach Kopf, Impressum und
        Layout. Wie Druck, E-Mail und Webseite damit aussehen, zeigt die{' '}
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
      <ApprovedSettings issue={issue} publication={publication} />
    </section>
  )
}
