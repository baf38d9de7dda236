import type { Article } from '../../domain/article'
import type { Issue } from '../../domain/issue'
import { issueSubject } from '../../domain/issue-subject'
import { mediaFilePath } from '../../domain/media'
import { renderEmail } from '../../render/render-email'
import { orderedArticles, type RenderModel } from '../../render/render-model'
import { renderText } from '../../render/render-text'
import type { StoreTx } from '../store'

/** The articles as the approval saw them: headline, text and photos from the approved copy. */
export function approvedArticles(issue: Issue, articles: readonly Article[]): Article[] {
  const current = new Map(articles.map((article) => [article.id, article]))
  return (issue.approval?.content?.articles ?? []).flatMap((approved) => {
    const article = current.get(approved.id)
    return article
      ? [{ ...article, headline: approved.headline, body: approved.body, photos: approved.photos }]
      : []
  })
}

/**
 * The issue's e-mail as it goes out: HTML and text part, photos by their public address on this
 * server, and the unsubscribe link (for a send the placeholder that each recipient's own link
 * replaces, see compose-issue-message.ts).
 */
export async function renderIssueMail(
  tx: StoreTx,
  issue: Issue,
  articles: readonly Article[],
  options: {
    publicUrl: string
    unsubscribeUrl?: string
    subjectPrefix?: string
    /** The issue's page in the public archive ("Im Browser ansehen"). */
    archiveUrl?: string
  },
) {
  const publication = await tx.getPublication()
  const ordered = orderedArticles(issue, articles)
  const sizes = new Map<string, { width: number; height: number }>()
  for (const photo of ordered.flatMap((article) => article.photos)) {
    const media = await tx.getMedia(photo.mediaId)
    if (media) sizes.set(media.id, { width: media.width, height: media.height })
  }
  // the double size for high-density screens; the e-mail shows it at most 536 px wide
  const photoUrl = (mediaId: string) => `${options.publicUrl}${mediaFilePath(mediaId, 'email2x')}`
  const model: RenderModel = {
    publication,
    issue,
    articles: ordered,
    photoUrl,
    publicPhotoUrl: photoUrl,
    photoSize: (mediaId) => sizes.get(mediaId),
  }
  const delivery = {
    ...(options.unsubscribeUrl ? { unsubscribeUrl: options.unsubscribeUrl } : {}),
    ...(options.archiveUrl ? { archiveUrl: options.archiveUrl } : {}),
  }
  return {
    subject: `${options.subjectPrefix ?? ''}${issueSubject(publication, issue)}`,
    html: renderEmail(model, undefined, delivery),
    text: renderText(model, undefined, delivery),
  }
}
