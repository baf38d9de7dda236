import { useParams } from 'react-router'
import { errorMessage } from '../../backend/api-error'
import { useIssue } from '../../backend/queries/get-issue'
import { ErrorState } from '../../components/ui/query-state'
import { ArchiveSection } from '../../features/archive/components/archive-section'
import { WorkflowPanel } from '../../features/approval/components/workflow-panel'
import { Board } from '../../features/board/components/board'
import { IssueHeader } from '../../features/issues/components/issue-header'
import { SendPanel } from '../../features/sending/components/send-panel'

/** Loaded lazily: the board carries drag and drop. */
export default function IssueRoute() {
  const { issueId = '' } = useParams()
  const issue = useIssue(issueId)
  // one message for the whole page instead of one from the header and one from the board
  if (issue.isError && !issue.data)
    return <ErrorState message={errorMessage(issue.error)} onRetry={() => issue.refetch()} />
  return (
    <div key={issueId}>
      <IssueHeader issueId={issueId} />
      <WorkflowPanel issueId={issueId} />
      <SendPanel issueId={issueId} />
      <ArchiveSection issueId={issueId} />
      <Board issueId={issueId} />
    </div>
  )
}
