import { Link } from 'react-router'
import { errorMessage } from '../../../backend/api-error'
import { useIssue } from '../../../backend/queries/get-issue'
import { useUsers } from '../../../backend/queries/list-users'
import { DeadlineLabel } from '../../../components/deadline-label'
import { ErrorState, Loading } from '../../../components/ui/query-state'
import { formatBerlinDate, formatBerlinDateTime } from '../../../domain/deadline'
import { can } from '../../../domain/permissions'
import { useDisclosure } from '../../../lib/use-disclosure'
import { useCurrentUser } from '../../../lib/session'
import { IssueSettings } from './issue-settings'
import { IssueStatusBadge } from './issue-status-badge'
import { issueTitle } from '../../../domain/issue'
import styles from './issue-header.module.css'

/** The head of one Ausgabe: dates, status, change request, settings; the board goes below it. */
export function IssueHeader({ issueId }: { issueId: string }) {
  const issue = useIssue(issueId)
  const users = useUsers()
  const user = useCurrentUser()
  const {
    open: settingsOpen,
    opener: settingsOpener,
    show: showSettings,
    close: closeSettings,
  } = useDisclosure()

  if (issue.isPending) return <Loading />
  if (!issue.data)
    return <ErrorState message={errorMessage(issue.error)} onRetry={() => issue.refetch()} />

  const userName = (id: string) =>
    users.data?.find((candidate) => candidate.id === id)?.name ?? 'Unbekannt'
  const changeRequest = issue.data.changeRequest
  const canEdit = can(user.role, 'issue.edit') && issue.data.status !== 'published'

  return (
    <>
      <title>{`${issueTitle(issue.data.label)} – Rundbrief`}</title>
      <p className="breadcrumb">
        <Link to="/ausgaben">Ausgaben</Link>
      </p>
      <h1>{issueTitle(issue.data.label)}</h1>
      <dl className={styles.facts}>
        <div>
          <dt>Status</dt>
          <dd>
            <IssueStatusBadge status={issue.data.status} />
          </dd>
        </div>
        <div>
          <dt>Redaktionsschluss</dt>
          <dd>
            <DeadlineLabel issue={issue.data} />
          </dd>
        </div>
        <div>
          <dt>Erscheinungsdatum</dt>
          <dd>{formatBerlinDate(issue.data.plannedSendDate)}</dd>
        </div>
      </dl>
      {changeRequest && (
        <section className="notice notice-warning" aria-labelledby="change-request-heading">
          <h2 id="change-request-heading">Änderungen angefordert</h2>
          <p>{changeRequest.comment}</p>
          <p className="muted">
            {userName(changeRequest.requestedBy)}, {formatBerlinDateTime(changeRequest.requestedAt)}
          </p>
        </section>
      )}
      <div className="actions">
        <Link className="button" to={`/ausgaben/${encodeURIComponent(issueId)}/vorschau`}>
          Vorschau
        </Link>
        {canEdit && !settingsOpen && (
          <button type="button" className="button" ref={settingsOpener} onClick={showSettings}>
            Ausgabe bearbeiten
          </button>
        )}
      </div>
      {settingsOpen && <IssueSettings issue={issue.data} onDone={closeSettings} />}
    </>
  )
}
