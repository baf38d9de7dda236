import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { WordDiffView } from '../../../components/word-diff-view'
import type { Article } from '../../../domain/article'
import { articleDifferences, blocksText } from '../../../domain/article-merge'
import { usePublication } from '../../../backend/queries/get-publication'
import { contentChanges, settingsChanges, wordDiff } from '../../../domain/content-diff'
import { formatBerlinDateTime } from '../../../domain/deadline'
import type { ApprovedContent, Issue } from '../../../domain/issue'
import styles from './changes-since-approval.module.css'

const sample = (words: string[]) =>
  words.length > 12 ? `${words.slice(0, 12).join(' ')} …` : words.join(' ')

/** The places where an article's text changed, each as a word diff. */
function TextChanges({
  before,
  after,
}: {
  before: ApprovedContent['articles'][number]
  after: Article
}) {
  const parts = articleDifferences(after, before).body.flatMap((part) =>
    part.kind === 'differ' ? [wordDiff(blocksText(part.theirs), blocksText(part.mine))] : [],
  )
  if (before.headline !== after.headline) parts.unshift(wordDiff(before.headline, after.headline))
  if (parts.length === 0) return null
  return (
    <ol
      className={styles.textChanges}
      aria-label={`Änderungen in „${after.headline || 'Ohne Überschrift'}“`}
    >
      {parts.map((changes, index) => (
        <li key={index}>
          <WordDiffView changes={changes} removedLabel="entfernt:" addedLabel="neu:" />
        </li>
      ))}
    </ol>
  )
}

/** What changed since `baseline`, per article: counts, samples and the word diff of each place. */
function ContentChangesSince({
  id,
  title,
  intro,
  baseline,
  issue,
  articles,
  unchanged,
}: {
  id: string
  title: string
  intro: ReactNode
  baseline: ApprovedContent
  issue: Issue
  articles: Article[]
  unchanged: string
}) {
  const changes = contentChanges(baseline, issue.articleIds, articles)
  const publication = usePublication()
  const settings = publication.data ? settingsChanges(baseline.publication, publication.data) : []
  const before = new Map(baseline.articles.map((article) => [article.id, article]))
  const now = new Map(articles.map((article) => [article.id, article]))
  return (
    <section className="notice notice-warning" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      <p>{intro}</p>
      {changes.articles.length === 0 && !changes.orderChanged && settings.length === 0 ? (
        <p>{unchanged}</p>
      ) : (
        <ul>
          {settings.length > 0 && (
            <li>
              Geändert: {settings.join(', ')}. Wie die Ausgabe damit aussieht, zeigt die{' '}
              <Link to={`/ausgaben/${encodeURIComponent(issue.id)}/vorschau`}>Vorschau</Link>.
            </li>
          )}
          {changes.orderChanged && <li>Die Reihenfolge der Beiträge wurde geändert.</li>}
          {changes.articles.map((change) => {
            const then = before.get(change.articleId)
            const current = now.get(change.articleId)
            return (
              <li key={change.articleId}>
                <Link to={`/beitraege/${encodeURIComponent(change.articleId)}`}>
                  „{change.headline || 'Ohne Überschrift'}“
                </Link>
                : {change.kind === 'added' && 'neu in der Ausgabe. '}
                {change.kind === 'removed' && 'aus der Ausgabe genommen. '}
                {change.kind === 'changed' && (
                  <>
                    {change.headlineChanged && 'Überschrift geändert. '}
                    {(change.wordsAdded.length > 0 || change.wordsRemoved.length > 0) &&
                      `${change.wordsAdded.length} ${change.wordsAdded.length === 1 ? 'Wort' : 'Wörter'} hinzugefügt, ${change.wordsRemoved.length} entfernt. `}
                    {change.photosChanged && 'Fotos oder Bildangaben geändert.'}
                  </>
                )}
                {change.wordsAdded.length > 0 && change.kind !== 'added' && (
                  <span className={styles.added}> Neu: „{sample(change.wordsAdded)}“.</span>
                )}
                {change.wordsRemoved.length > 0 && change.kind !== 'removed' && (
                  <span className={styles.removed}>
                    {' '}
                    Entfernt: „{sample(change.wordsRemoved)}“.
                  </span>
                )}
                {change.kind === 'changed' && then && current && (
                  <TextChanges before={then} after={current} />
                )}
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}

/**
 * What changed since the Dezernentin last decided on the content: since her request for
 * changes ("Geändert seit Ihrer Rückgabe", once resubmitted) or since her withdrawn approval
 * ("Seit Freigabe geändert") — whichever came last.
 */
export function ChangesSinceApproval({
  issue,
  articles,
  userName,
}: {
  issue: Issue
  articles: Article[]
  userName: (id: string) => string
}) {
  const withdrawn = issue.withdrawnApproval
  const returned = issue.lastChangeRequest
  if (
    returned &&
    issue.status !== 'changes_requested' &&
    (!withdrawn || returned.requestedAt >= withdrawn.withdrawnAt)
  ) {
    return (
      <ContentChangesSince
        id="changes-since-return"
        title="Geändert seit Ihrer Rückgabe"
        intro={
          <>
            Zurückgegeben von {userName(returned.requestedBy)} am{' '}
            {formatBerlinDateTime(returned.requestedAt)}. Ihr Kommentar: „{returned.comment}“
          </>
        }
        baseline={returned.content}
        issue={issue}
        articles={articles}
        unchanged="Der Inhalt ist unverändert eingereicht worden."
      />
    )
  }
  if (!withdrawn) return null
  return (
    <ContentChangesSince
      id="changes-since-approval"
      title="Seit Freigabe geändert"
      intro={
        <>
          Freigegeben von {userName(withdrawn.approvedBy)} am{' '}
          {formatBerlinDateTime(withdrawn.approvedAt)}; zurückgenommen am{' '}
          {formatBerlinDateTime(withdrawn.withdrawnAt)} ({userName(withdrawn.withdrawnBy)}).
        </>
      }
      baseline={withdrawn.content}
      issue={issue}
      articles={articles}
      unchanged="Der Inhalt entspricht wieder genau dem freigegebenen Stand."
    />
  )
}
