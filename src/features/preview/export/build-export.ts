import { sanitizeDocument } from '../../../lib/sanitize-html'
import { exportModel, imagesToEmbed, type EmbeddedImage } from '../../../render/embedded-image'
import type { LayoutSettings } from '../../../render/layout'
import type { RenderModel } from '../../../render/render-model'
import { issueSubject } from '../../../domain/issue-subject'
import { renderEmail } from '../../../render/render-email'
import { renderEml, type InlineImage } from '../../../render/render-eml'
import { renderText } from '../../../render/render-text'
import { renderWeb } from '../../../render/render-web'
import type { ScaleImage } from './scale-image-in-canvas'

/** The downloads that carry photos. */
export type ExportKind = 'email' | 'eml' | 'web' | 'docx'

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
  const requests = imagesToEmbed(model, layout, kind === 'eml' ? 'email' : kind)
  const entries = await Promise.all(
    requests.map(
      async (request) =>
        [request.mediaId, await deps.scale(await deps.getFile(request.mediaId), request)] as const,
    ),
  )
  return new Map(entries)
}

/**
 * The e-mail as an unsent draft (.eml) for Outlook: the photos travel as parts of the message and
 * the HTML shows them by cid:, because Outlook shows no data: images.
 */
function outlookDraft(
  model: RenderModel,
  layout: LayoutSettings,
  images: ReadonlyMap<string, EmbeddedImage>,
): Blob {
  const inline = new Map<string, InlineImage>()
  for (const [mediaId, image] of images) {
    const name = `bild-${inline.size + 1}`
    inline.set(mediaId, {
      contentId: `${name}@rundbrief`,
      mimeType: image.mimeType,
      fileName: `${name}.${image.mimeType === 'image/png' ? 'png' : 'jpg'}`,
      bytes: image.bytes,
    })
  }
  const standalone = exportModel(
    model,
    images,
    (_image, mediaId) => `cid:${inline.get(mediaId)?.contentId ?? ''}`,
  )
  const eml = renderEml({
    subject: issueSubject(model.publication, model.issue),
    html: sanitizeDocument(renderEmail(standalone, layout), { contentIdImages: true }),
    text: renderText(standalone, layout),
    images: [...inline.values()],
  })
  return new Blob([eml], { type: 'message/rfc822' })
}

/**
 * A download that stands on its own: the e-mail or web page as sanitised HTML with its photos
 * embedded (or linked at the public address), the e-mail as a draft for Outlook, or the Word
 * document.
 */
export async function buildExport(
  kind: ExportKind,
  model: RenderModel,
  layout: LayoutSettings,
  deps: ExportDeps,
): Promise<Blob> {
  const images = await embeddedImages(model, layout, kind, deps)
  if (kind === 'eml') return outlookDraft(model, layout, images)
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
