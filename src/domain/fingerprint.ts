import type { Article } from './article'
import { canonicalJson } from './canonical-json'
import { hasCommentAnchors, withoutCommentAnchors } from './comment-anchor'
import type { Issue } from './issue'
import {
  approvedPublication,
  type ApprovedPublication,
  type Publication,
  type StoredLayout,
} from './publication'

/** The settings as they may be passed in: stored data may lack a layout choice added later. */
type PublicationInput = Omit<ApprovedPublication, 'layout'> & { layout: StoredLayout }

/** The issue's own facts an approval covers: those its outputs show. */
type IssueFacts = Pick<Issue, 'id' | 'articleIds' | 'label' | 'deadline' | 'plannedSendDate'>

/**
 * What the outputs show of the issue itself: its label (the e-mail's subject, the masthead's
 * line), its Redaktionsschluss (printed in the Impressum) and, when the masthead names it, its
 * Erscheinungsdatum. A change of any of them takes an approval back.
 */
export function shownIssueFacts(
  issue: Pick<Issue, 'label' | 'deadline' | 'plannedSendDate'>,
  layout: StoredLayout,
) {
  return {
    label: issue.label,
    deadline: issue.deadline,
    ...(layout.mastheadIssueLine ? { plannedSendDate: issue.plannedSendDate } : {}),
  }
}

/**
 * The exact content that an approval covers: the order, every article's visible content (comment
 * anchors are not visible: a comment neither changes the fingerprint nor the snapshot), the
 * settings the issue is shown with (masthead, Impressum, layout) and what the outputs show of the
 * issue itself. Without `publication` it is the content of approvals given before the settings
 * were covered, whose fingerprints stay valid.
 */
export function approvedContent(
  issue: IssueFacts,
  articles: readonly Article[],
  publication?: PublicationInput,
) {
  const byId = new Map(articles.map((article) => [article.id, article]))
  return {
    issueId: issue.id,
    articles: issue.articleIds.map((id) => {
      const article = byId.get(id)
      if (!article) throw new Error(`Beitrag ${id} fehlt für den Fingerabdruck.`)
      return approvedArticle(article)
    }),
    ...(publication
      ? {
          publication: approvedPublication(publication),
          issue: shownIssueFacts(issue, publication.layout),
        }
      : {}),
  }
}

/**
 * The settings an issue is shown and sent with: those its approval covers, or the current ones
 * (before the approval, and for approvals given before the settings were covered).
 */
export function publicationOfIssue(issue: Pick<Issue, 'approval'>, current: Publication) {
  const approved = issue.approval?.content.publication
  return approved ? { ...current, ...approved } : current
}

function approvedArticle(article: Article) {
  return {
    id: article.id,
    headline: article.headline,
    // a body without anchors stays as it is: approvals given before anchors keep their print
    body: hasCommentAnchors(article.body) ? withoutCommentAnchors(article.body) : article.body,
    photos: article.photos,
  }
}

/** True when a save changed what an approval covers (a comment anchor alone changes nothing). */
export function approvedContentDiffers(before: Article, after: Article): boolean {
  return canonicalJson(approvedArticle(before)) !== canonicalJson(approvedArticle(after))
}

/** SHA-256 (hex) of the approved content; identical on client and server. */
export async function contentFingerprint(
  issue: IssueFacts,
  articles: readonly Article[],
  publication?: PublicationInput,
): Promise<string> {
  const bytes = new TextEncoder().encode(
    canonicalJson(approvedContent(issue, articles, publication)),
  )
  const digest = await crypto.subtle.digest('SHA-256', bytes)
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('')
}
