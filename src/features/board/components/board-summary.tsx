import { useIssueChecks } from '../../../backend/queries/use-issue-checks'
import { DeadlineLabel } from '../../../components/deadline-label'
import type { Article } from '../../../domain/article'
import { issueReadiness } from '../../../domain/article-warnings'
import { countFindings, openFindingsSummary } from '../../../domain/checks'
import type { Issue } from '../../../domain/issue'
import styles from './board.module.css'

/**
 * Stand der Ausgabe: how many articles are ready, what the "Prüfungen" find (counted from the
 * same checks, so the two never disagree: a finding about the whole issue, such as a spelling
 * across articles, counts here too), and the deadline.
 */
export function BoardSummary({ issue, content }: { issue: Issue; content: readonly Article[] }) {
  const { results } = useIssueChecks(issue, true, content)
  const { ready, total } = issueReadiness(content)
  const counts = results && countFindings(results)
  return (
    <section className={styles.summary} aria-labelledby="board-summary-heading">
      <h2 id="board-summary-heading" className="visually-hidden">
        Stand der Ausgabe
      </h2>
      <p>
        <strong>
          {ready} von {total}
        </strong>{' '}
        Beiträgen fertig
      </p>
      {results && counts && (
        <p
          className={
            counts.errors > 0
              ? styles.summaryError
              : counts.warnings > 0
                ? styles.summaryWarning
                : undefined
          }
        >
          Prüfungen: {openFindingsSummary(results) ?? 'Keine Fehler, keine Warnungen'} offen
        </p>
      )}
      <p>
        Redaktionsschluss: <DeadlineLabel issue={issue} />
      </p>
    </section>
  )
}
