import { useParams } from 'react-router'
import { IssuePage } from '../../features/issues/components/issue-page'

export function IssueRoute() {
  const { issueId = '' } = useParams()
  return <IssuePage key={issueId} issueId={issueId} />
}
