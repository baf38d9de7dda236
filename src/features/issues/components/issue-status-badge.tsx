import { Badge, type BadgeTone } from '../../../components/ui/badge'
import { issueStatusLabels, type IssueStatus } from '../../../domain/issue'

const tones: Record<IssueStatus, BadgeTone> = {
  draft: 'neutral',
  in_review: 'info',
  changes_requested: 'warning',
  approved: 'success',
  published: 'success',
}

/** The workflow status of an issue in words. */
export function IssueStatusBadge({ status }: { status: IssueStatus }) {
  return <Badge tone={tones[status]}>{issueStatusLabels[status]}</Badge>
}
