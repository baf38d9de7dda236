import { Link } from 'react-router'
import type { Article } from '../../../domain/article'
import { contentChanges } from '../../../domain/content-diff'
import { formatBerlinDateTime } from '../../../domain/deadline'
import type { Issue } from '../../../domain/issue'

const sample = (words: string[]) =>
  words.length > 12 ? `${words.slice(0, 12).join(' ')} …` : words.join(' ')

/** "Seit Freigabe geändert": what changed since the withdrawn approval, per article. */
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
  if (!withdrawn) return null
  const changes = contentChanges(withdrawn.content, issue.articleIds, articles)
  return (
    <section className="notice notice-warning" aria-labelledby="changes-since-approval">
      <h3 id="changes-since-approval">Seit Freigabe geändert</h3>
      <p>
        Freigegeben von {userName(withdrawn.approvedBy)} am{' '}
        {formatBerlinDateTime(withdrawn.approvedAt)}; zurückgenommen am{' '}
        {formatBerlinDateTime(withdrawn.withdrawnAt)} ({userName(withdrawn.withdrawnBy)}).
      </p>
      {changes.articles.length === 0 && !changes.orderChanged ? (
        <p>Der Inhalt entspricht wieder genau dem freigegebenen Stand.</p>
      ) : (
        <ul>
          {changes.orderChanged && <li>Die Reihenfolge der Beiträge wurde geändert.</li>}
          {changes.articles.map((change) => (
            <li key={change.articleId}>
              <Link to={`/beitraege/${encodeURIComponent(change.articleId)}`}>
                „{change.headline || 'Ohne Überschrift'}“
              </Link>
              : {change.kind === 'added' && 'neu in der Ausgabe. '}
              {change.kind === 'removed' && 'aus der Ausgabe genommen. '}
              {change.kind === 'changed' && (
                <>
                  {change.headlineChanged && 'Überschrift geändert. '}
                  {change.wordsAdded.length} {change.wordsAdded.length === 1 ? 'Wort' : 'Wörter'}{' '}
                  hinzugefügt, {change.wordsRemoved.length} entfernt.
                  {change.photosChanged && ' Fotos oder Bildangaben geändert.'}
                </>
              )}
              {change.wordsAdded.length > 0 && change.kind !== 'added' && (
                <span className="diff-added"> Neu: „{sample(change.wordsAdded)}“.</span>
              )}
              {change.wordsRemoved.length > 0 && change.kind !== 'removed' && (
                <span className="diff-removed"> Entfernt: „{sample(change.wordsRemoved)}“.</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
