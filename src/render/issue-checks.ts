import type { Article } from '../domain/article'
import { runChecks, type CheckResult } from '../domain/checks'
import type { Issue } from '../domain/issue'
import type { Publication } from '../domain/publication'
import { byteSize, renderEmail } from './render-email'
import { orderedArticles } from './render-model'

type CheckedIssue = Pick<Issue, 'label' | 'deadline' | 'articleIds'> &
  Partial<Pick<Issue, 'plannedSendDate'>>

/**
 * The size in bytes of the issue's e-mail HTML as the renderer writes it with the saved layout.
 * Photos are addressed by the path the API serves them at, so that the browser and the server
 * measure the same; an absolute address adds only a few bytes per photo.
 */
export function renderedEmailBytes(
  issue: CheckedIssue,
  articles: readonly Article[],
  publication: Publication,
): number {
  return byteSize(
    renderEmail({
      publication,
      issue,
      articles: orderedArticles(issue, articles),
      photoUrl: (mediaId) => `/api/media/${encodeURIComponent(mediaId)}/file`,
    }),
  )
}

/** The pre-approval checks with the e-mail measured as rendered; used by the approval UI and the server. */
export function issueChecks(
  issue: CheckedIssue,
  articles: readonly Article[],
  publication: Publication,
): CheckResult[] {
  return runChecks(issue, articles, publication, renderedEmailBytes(issue, articles, publication))
}
