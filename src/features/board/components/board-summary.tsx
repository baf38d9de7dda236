import { DeadlineLabel } from '../../../components/deadline-label'
import type { Article } from '../../../domain/article'
import { issueReadiness } from '../../../domain/article-warnings'
import type { Issue } from '../../../domain/issue'
import styles from './board.module.css'

/** Stand der Ausgabe: how many articles are ready, open findings, and the deadline. */
export function BoardSummary({ issue, content }: { issue: Issue; content: readonly Article[] }) {
  const readiness = issueReadiness(content)
  return (
    <section className={styles.summary} aria-labelledby="board-summary-heading">
      <h2 id="board-summary-heading" className="visually-hidden">
        Stand der Ausgabe
      </h2>
      <p>
        <strong>
          {readiness.ready} von {readiness.total}
        </strong>{' '}
        Beiträgen fertig
      </p>
      <p
        className={
          readiness.errors > 0
            ? styles.summaryError
            : readiness.warnings > 0
              ? styles.summaryWarning
              : undefined
        }
      >
        <strong>{readiness.errors}</strong> Fehler, <strong>{readiness.warnings}</strong>{' '}
        {readiness.warnings === 1 ? 'Warnung' : 'Warnungen'} in den Beiträgen offen
      </p>
      <p>
        Redaktionsschluss: <DeadlineLabel issue={issue} />
      </p>
    </section>
  )
}
