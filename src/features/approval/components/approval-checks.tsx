import { Link } from 'react-router'
import type { CheckResult } from '../../../domain/checks'
import { classNames } from '../../../lib/class-names'
import styles from './approval-checks.module.css'

/** The "Prüfungen" checklist: errors block, warnings need a tick; each links to its article. */
export function ApprovalChecks({
  results,
  acknowledged,
  onAcknowledge,
}: {
  results: CheckResult[]
  acknowledged: string[]
  onAcknowledge: (id: string, value: boolean) => void
}) {
  if (results.length === 0) return <p className={styles.ok}>✓ Alle Prüfungen bestanden.</p>
  return (
    <ul className={styles.checks}>
      {results.map((result) => (
        <li key={result.id} className={classNames(styles.check, styles[result.severity])}>
          <span className={styles.label}>
            {result.severity === 'error' ? '✗ Fehler:' : '⚠ Warnung:'}
          </span>{' '}
          {result.message}
          {result.articleId && (
            <>
              {' '}
              <Link to={`/beitraege/${encodeURIComponent(result.articleId)}`}>Zum Beitrag</Link>
            </>
          )}
          {result.severity === 'warning' && (
            <label className="choice">
              <input
                type="checkbox"
                checked={acknowledged.includes(result.id)}
                onChange={(event) => onAcknowledge(result.id, event.target.checked)}
              />
              Zur Kenntnis genommen
            </label>
          )}
        </li>
      ))}
    </ul>
  )
}
