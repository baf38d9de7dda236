import { Link } from 'react-router'
import type { CheckResult } from '../../../domain/checks'
import { articleHref } from '../../../lib/article-place-link'
import { classNames } from '../../../lib/class-names'
import styles from './approval-checks.module.css'

/** The severity of a finding as the list writes it before the sentence. */
export const severityLabel = (result: CheckResult) =>
  result.severity === 'error' ? '✗ Fehler:' : '⚠ Warnung:'

interface Acknowledgement {
  acknowledged: string[]
  onAcknowledge: (id: string, value: boolean) => void
}

/**
 * The "Prüfungen" checklist, each finding with a link to its article. With `acknowledgement`
 * (the Dezernentin approving) every warning gets its "Zur Kenntnis genommen" tick.
 */
export function ApprovalChecks({
  results,
  acknowledgement,
}: {
  results: CheckResult[]
  acknowledgement?: Acknowledgement
}) {
  if (results.length === 0) return <p className={styles.ok}>✓ Alle Prüfungen bestanden.</p>
  return (
    <ul className={styles.checks}>
      {results.map((result) => (
        <li key={result.id} className={classNames(styles.check, styles[result.severity])}>
          <span className={styles.label}>{severityLabel(result)}</span> {result.message}
          {result.articleId && (
            <>
              {' '}
              <Link to={articleHref(result.articleId, result.place)}>Zum Beitrag</Link>
            </>
          )}
          {acknowledgement && result.severity === 'warning' && (
            <label className="choice">
              <input
                type="checkbox"
                checked={acknowledgement.acknowledged.includes(result.id)}
                onChange={(event) => acknowledgement.onAcknowledge(result.id, event.target.checked)}
              />
              Zur Kenntnis genommen
            </label>
          )}
        </li>
      ))}
    </ul>
  )
}
