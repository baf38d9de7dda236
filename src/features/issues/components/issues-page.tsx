import { Link } from 'react-router'
import { useIssues } from '../../../backend/queries/list-issues'
import { DeadlineLabel } from '../../../components/deadline-label'
import { ErrorState, Loading } from '../../../components/ui/query-state'
import { formatBerlinDate } from '../../../domain/deadline'
import { IssueStatusBadge } from './issue-status-badge'

/** "Ausgaben": every issue with status, Redaktionsschluss and time left. */
export function IssuesPage() {
  const issues = useIssues()
  return (
    <>
      <title>Ausgaben – Rundbrief</title>
      <h1>Ausgaben</h1>
      {issues.isPending ? (
        <Loading />
      ) : issues.isError ? (
        <ErrorState error={issues.error} onRetry={() => issues.refetch()} />
      ) : issues.data.length === 0 ? (
        <p className="empty">Es gibt noch keine Ausgaben.</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">
              Alle Ausgaben mit Status und Redaktionsschluss
            </caption>
            <thead>
              <tr>
                <th scope="col">Ausgabe</th>
                <th scope="col">Status</th>
                <th scope="col">Redaktionsschluss</th>
                <th scope="col">Erscheinungsdatum</th>
                <th scope="col">Beiträge</th>
              </tr>
            </thead>
            <tbody>
              {issues.data.map((issue) => (
                <tr key={issue.id}>
                  <th scope="row">
                    <Link to={`/ausgaben/${encodeURIComponent(issue.id)}`}>{issue.label}</Link>
                  </th>
                  <td>
                    <IssueStatusBadge status={issue.status} />
                  </td>
                  <td>
                    <DeadlineLabel deadline={issue.deadline} />
                  </td>
                  <td>{formatBerlinDate(issue.plannedSendDate)}</td>
                  <td>{issue.articleIds.length}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  )
}
