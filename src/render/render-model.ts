import type { Article } from '../domain/article'
import type { Issue } from '../domain/issue'
import type { Publication } from '../domain/publication'

/** Everything a renderer needs: the issue, its articles in order, the publication, photo addresses. */
export interface RenderModel {
  publication: Publication
  issue: Pick<Issue, 'label' | 'deadline' | 'articleIds'> & Partial<Pick<Issue, 'plannedSendDate'>>
  /** The issue's articles in the issue's order. */
  articles: Article[]
  /** Absolute address of a photo's file. */
  photoUrl: (mediaId: string) => string
  /** Pixel size of a photo, for width/height attributes; unknown photos default to 3:2. */
  photoSize?: (mediaId: string) => { width: number; height: number } | undefined
  /**
   * A public address of a photo's file for exports that leave the app. Without it, downloads embed
   * their photos (scaled to the size shown) so that they do not depend on the editorial server.
   */
  publicPhotoUrl?: (mediaId: string) => string
}

/** Orders articles as the issue does; articles not in the issue are left out. */
export function orderedArticles(
  issue: Pick<Issue, 'articleIds'>,
  articles: readonly Article[],
): Article[] {
  const byId = new Map(articles.map((article) => [article.id, article]))
  return issue.articleIds.flatMap((id) => byId.get(id) ?? [])
}
