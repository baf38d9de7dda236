import { sanitizeDocument } from '../../../lib/sanitize-html'
import { exportModel, imagesToEmbed, type EmbeddedImage } from '../../../render/embedded-image'
import type { LayoutSettings } from '../../../render/layout'
import type { RenderModel } from '../../../render/render-model'
import { renderEmail } from '../../../render/render-email'
import { renderWeb } from '../../../render/render-web'
import type { ScaleImage } from './scale-image-in-canvas'

/** The downloads that the browser builds and that carry photos. */
export type ExportKind = 'email' | 'web' | 'docx'

interface ExportDeps {
  /** The original file of a photo or logo. */
  getFile: (mediaId: string) => Promise<Blob>
  scale: ScaleImage
}

/**
 * The photos an export shows, fetched and scaled to the size they are shown (nothing when the
 * model has a public address for photos: then the export links them there).
 */
async function embeddedImages(
  model: RenderModel,
  layout: LayoutSettings,
  kind: ExportKind,
  deps: ExportDeps,
): Promise<Map<string, EmbeddedImage>> {
  if (model.publicPhotoUrl && kind !== 'docx') return new Map()
  const requests = imagesToEmbed(model, layout, kind)
  const entries = await Promise.all(
    requests.map(
      async (request) =>
        [request.mediaId, await deps.scale(await deps.getFile(request.mediaId), request)] as const,
    ),
  )
  return new Map(entries)
}

/**
 * A download that stands on its own: the e-mail or web page as sanitised HTML with its photos
 * embedded (or linked at the public address), or the Word document. (The draft for Outlook is
 * rendered by the server: `Backend.downloadIssueEmail`.)
 */
export async function buildExport(
  kind: ExportKind,
  model: RenderModel,
  layout: LayoutSettings,
  deps: ExportDeps,
): Promise<Blob> {
  const images = await embeddedImages(model, layout, kind, deps)
  const standalone = exportModel(model, images)
  if (kind === 'docx') {
    const [{ renderDocx }, { Packer }] = await Promise.all([
      import('../../../render/render-docx'),
      import('docx'),
    ])
    return Packer.toBlob(renderDocx(standalone, layout, images))
  }
  const html = sanitizeDocument(
    kind === 'email' ? renderEmail(standalone, layout) : renderWeb(standalone, layout),
  )
  return new Blob([html], { type: 'text/html;charset=utf-8' })
}
