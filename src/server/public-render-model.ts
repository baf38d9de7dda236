import type { Article } from '../domain/article'
import { publicationOfIssue } from '../domain/fingerprint'
import type { Issue } from '../domain/issue'
import { mediaFilePath, type MediaVariantName } from '../domain/media'
import { orderedArticles, type RenderModel } from '../render/render-model'
import type { StoreTx } from './store'

/**
 * The render model of what leaves the server (e-mail, archive page): the issue's articles in its
 * order, photos in one variant by absolute address below `publicUrl`, with their upright size,
 * and the settings its approval covers.
 */
export async function publicRenderModel(
  tx: StoreTx,
  issue: Issue,
  articles: readonly Article[],
  publicUrl: string,
  variant: MediaVariantName,
): Promise<RenderModel> {
  const ordered = orderedArticles(issue, articles)
  const sizes = new Map<string, { width: number; height: number }>()
  for (const photo of ordered.flatMap((article) => article.photos)) {
    const media = await tx.getMedia(photo.mediaId)
    if (media) sizes.set(media.id, { width: media.width, height: media.height })
  }
  const photoUrl = (mediaId: string) => `${publicUrl}${mediaFilePath(mediaId, variant)}`
  return {
    publication: publicationOfIssue(issue, await tx.getPublication()),
    issue,
    articles: ordered,
    photoUrl,
    publicPhotoUrl: photoUrl,
    photoSize: (mediaId) => sizes.get(mediaId),
  }
}
