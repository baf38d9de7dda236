import { Link } from 'react-router'
import type { CheckResult } from '../../../domain/checks'

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
  if (results.length === 0) return <p className="check-ok">✓ Alle Prüfungen bestanden.</p>
  return (
    <ul className="checks">
      {results.map((result) => (
        <li key={result.id} className={`check check-${result.severity}`}>
          <span className="check-label">
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
            <label className="choice check-ack">
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
