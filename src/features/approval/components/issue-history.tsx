import { errorMessage } from '../../../backend/api-error'
import { useIssueHistory } from '../../../backend/queries/get-issue-history'
import { ErrorState, Loading } from '../../../components/ui/query-state'
import { auditActionLabels, groupHistory } from '../../../domain/audit-event'
import { formatBerlinDateTime } from '../../../domain/deadline'
import styles from './issue-history.module.css'

/** The Verlauf: every transition, approval, withdrawal, comment and deadline change. */
export function IssueHistory({
  issueId,
  userName,
}: {
  issueId: string
  userName: (id: string) => string
}) {
  const history = useIssueHistory(issueId)
  return (
    <section aria-labelledby="issue-history-heading">
      <h3 id="issue-history-heading">Verlauf</h3>
      {!history.data ? (
        history.isError ? (
          <ErrorState message={errorMessage(history.error)} onRetry={() => history.refetch()} />
        ) : (
          <Loading />
        )
      ) : (
        <ol className={styles.list}>
          {groupHistory(history.data).map(({ event, count, since }) => (
            <li key={event.id}>
              <time dateTime={event.at}>{formatBerlinDateTime(event.at)}</time> –{' '}
              {userName(event.actorId)}: <strong>{auditActionLabels[event.action]}</strong>
              {count > 1 && (
                <span>
                  {' '}
                  ({count}-mal, seit <time dateTime={since}>{formatBerlinDateTime(since)}</time>)
                </span>
              )}
              {event.detail && <span> – {event.detail}</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
