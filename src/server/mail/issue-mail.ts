import type { Article } from '../../domain/article'
import type { Issue } from '../../domain/issue'
import { issueSubject } from '../../domain/issue-subject'
import { renderEmail } from '../../render/render-email'
import { renderText } from '../../render/render-text'
import { publicRenderModel } from '../public-render-model'
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
  // the double size for high-density screens; the e-mail shows it at most 536 px wide
  const model = await publicRenderModel(tx, issue, articles, options.publicUrl, 'email2x')
  const delivery = {
    ...(options.unsubscribeUrl ? { unsubscribeUrl: options.unsubscribeUrl } : {}),
    ...(options.archiveUrl ? { archiveUrl: options.archiveUrl } : {}),
  }
  return {
    subject: `${options.subjectPrefix ?? ''}${issueSubject(model.publication, issue)}`,
    html: renderEmail(model, undefined, delivery),
    text: renderText(model, undefined, delivery),
  }
}
