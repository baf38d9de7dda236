import { Link } from 'react-router'
import { errorMessage } from '../../../backend/api-error'
import { useArticles } from '../../../backend/queries/list-articles'
import { useIssues } from '../../../backend/queries/list-issues'
import { DeadlineLabel } from '../../../components/deadline-label'
import { ErrorState, Loading } from '../../../components/ui/query-state'
import { issueReadiness } from '../../../domain/article-warnings'
import { formatBerlinDate } from '../../../domain/deadline'
import { can } from '../../../domain/permissions'
import { useDisclosure } from '../../../lib/use-disclosure'
import { useCurrentUser } from '../../../lib/session'
import { IssueStatusBadge } from './issue-status-badge'
import { NewIssueForm } from './new-issue-form'
import tableStyles from '../../../components/ui/table.module.css'
import { classNames } from '../../../lib/class-names'

/** "Ausgaben": every issue with status, Redaktionsschluss and time left. */
export function IssuesPage() {
  const issues = useIssues()
  const articles = useArticles()
  const user = useCurrentUser()
  const {
    open: newIssueOpen,
    opener: newIssueOpener,
    show: showNewIssue,
    close: closeNewIssue,
  } = useDisclosure()
  const readinessOf = (issueId: string) =>
    articles.data
      ? issueReadiness(articles.data.filter((article) => article.issueId === issueId))
      : null
  return (
    <>
      <title>Ausgaben – Rundbrief</title>
      <div className="page-heading">
        <h1>Ausgaben</h1>
        {can(user.role, 'issue.create') && !newIssueOpen && (
          <button
            type="button"
            className="button button-primary"
            ref={newIssueOpener}
            onClick={showNewIssue}
          >
            Neue Ausgabe
          </button>
        )}
      </div>
      <p>
        <Link to="/einstellungen/impressum">Kopf und Impressum</Link>{' '}
        <span className="muted">
          {can(user.role, 'publication.edit')
            ? '– Titel, Impressum und Abmeldehinweis für alle Ausgaben ändern'
            : '– Titel, Impressum und Abmeldehinweis aller Ausgaben'}
        </span>
      </p>
      {newIssueOpen && <NewIssueForm onCancel={closeNewIssue} />}
      {issues.isPending ? (
        <Loading />
      ) : !issues.data ? (
        <ErrorState message={errorMessage(issues.error)} onRetry={() => issues.refetch()} />
      ) : issues.data.length === 0 ? (
        <p className="empty">Es gibt noch keine Ausgaben.</p>
      ) : (
        <div className={tableStyles.wrap}>
          <table className={classNames(tableStyles.table, tableStyles.cards)}>
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
                <th scope="col">Fertig</th>
              </tr>
            </thead>
            <tbody>
              {issues.data.map((issue) => {
                const readiness = readinessOf(issue.id)
                return (
                  <tr key={issue.id}>
                    <th scope="row">
                      <Link to={`/ausgaben/${encodeURIComponent(issue.id)}`}>{issue.label}</Link>
                    </th>
                    <td data-label="Status">
                      <IssueStatusBadge status={issue.status} />
                    </td>
                    <td data-label="Redaktionsschluss">
                      <DeadlineLabel issue={issue} />
                    </td>
                    <td data-label="Erscheinungsdatum">
                      {formatBerlinDate(issue.plannedSendDate)}
                    </td>
                    <td data-label="Beiträge">{issue.articleIds.length}</td>
                    <td data-label="Fertig">
                      {readiness ? `${readiness.ready} von ${readiness.total}` : '…'}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  )
}
