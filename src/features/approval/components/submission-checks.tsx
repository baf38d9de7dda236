import { errorMessage } from '../../../backend/api-error'
import { ErrorState } from '../../../components/ui/query-state'
import type { useIssueChecks } from '../../../backend/queries/use-issue-checks'
import { openFindingsSummary } from '../../../domain/checks'
import { ApprovalChecks } from './approval-checks'
import styles from './workflow-panel.module.css'

/**
 * The "Prüfungen" before submission: what the Dezernentin will see, so that the Redaktion can
 * fix it first. Errors block the approval, warnings she acknowledges; submitting is possible
 * with both.
 */
export function SubmissionChecks({
  checks,
  ownApproval,
}: {
  checks: ReturnType<typeof useIssueChecks>
  /** The reader approves herself (the Dezernentin): the hint speaks to her. */
  ownApproval: boolean
}) {
  const { results, failed } = checks
  const summary = results && openFindingsSummary(results)
  return (
    <section aria-labelledby="submission-checks-heading" className={styles.checksArea}>
      <h3 id="submission-checks-heading">Prüfungen</h3>
      {failed ? (
        <ErrorState message={errorMessage(failed.error)} onRetry={() => failed.refetch()} />
      ) : !results ? (
        <p role="status">Prüfungen laufen …</p>
      ) : (
        <>
          {summary && (
            <p className="hint">
              {summary} offen. Fehler verhindern die Freigabe; Warnungen{' '}
              {ownApproval ? 'nehmen Sie' : 'nimmt die Dezernentin'} bei der Freigabe zur Kenntnis.
            </p>
          )}
          <ApprovalChecks results={results} />
        </>
      )}
    </section>
  )
}
