import { Badge } from '../../../components/ui/badge'
import { articleStatusLabels, type ArticleStatus } from '../../../domain/article'

/** "Entwurf" or "Fertig". */
export function ArticleStatusBadge({ status }: { status: ArticleStatus }) {
  return (
    <Badge tone={status === 'ready' ? 'success' : 'neutral'}>{articleStatusLabels[status]}</Badge>
  )
}
