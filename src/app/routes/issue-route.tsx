import { useParams } from 'react-router'
import { WorkflowPanel } from '../../features/approval/components/workflow-panel'
import { Board } from '../../features/board/components/board'
import { IssueHeader } from '../../features/issues/components/issue-header'

/** Loaded lazily: the board carries drag and drop. */
export default function IssueRoute() {
  const { issueId = '' } = useParams()
  return (
    <div key={issueId}>
      <IssueHeader issueId={issueId} />
      <WorkflowPanel issueId={issueId} />
      <Board issueId={issueId} />
    </div>
  )
}
