import { Hono } from 'hono'
import { allowedImageTypes, fileNameSchema, maxUploadBytes, type Media } from '../../domain/media'
import { audit, requirePermission, type AppEnv, type HandlerDeps } from '../context'
import { fileTooLarge } from '../body-limits'
import { sniffImage } from '../image-sniff'
import { isUsablePathSegment } from '../input-rules'
import { fieldErrors, invalid, notFound, ProblemError, problemTypes } from '../problem'

const unsupported = () =>
  new ProblemError(
    415,
    problemTypes.unsupportedType,
    'Dateityp nicht erlaubt',
    'Nur Fotos im Format JPEG, PNG oder WebP können hochgeladen werden.',
  )

/** The file of a photo; public so that <img> can load it (ids are random UUIDs). */
export function publicMediaRoutes(deps: HandlerDeps) {
  return new Hono<AppEnv>().get('/media/:id/file', async (c) => {
    const id = c.req.param('id')
    if (!isUsablePathSegment(id)) throw notFound('Das Foto')
    const [media, bytes] = await deps.store.transaction(
      async (tx) => [await tx.getMedia(id), await tx.getMediaBytes(id)] as const,
    )
    if (!media || !bytes) throw notFound('Das Foto')
    return c.body(bytes.slice().buffer, 200, {
      'Content-Type': media.mimeType,
      'Content-Length': String(bytes.byteLength),
      'Cache-Control': 'private, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
    })
  })
}

/** Upload (multipart field `file`) and metadata of photos. */
export function mediaRoutes(deps: HandlerDeps) {
  return new Hono<AppEnv>()
    .post('/media', async (c) => {
      const user = c.get('user')
      requirePermission(user, 'media.upload')
      let form: FormData
      try {
        form = await c.req.formData()
      } catch {
        throw invalid([{ path: 'file', message: 'Bitte eine Datei im Feld „file“ senden.' }])
      }
      const file = form.get('file')
      if (!(file instanceof File) || file.size === 0) {
        throw invalid([{ path: 'file', message: 'Bitte eine Datei auswählen.' }])
      }
      if (file.size > maxUploadBytes) throw fileTooLarge()
      const fileName = fileNameSchema.safeParse(file.name || 'foto')
      if (!fileName.success) {
        throw invalid(fieldErrors(fileName.error).map((error) => ({ ...error, path: 'file' })))
      }
      const bytes = new Uint8Array(await file.arrayBuffer())
      const image = sniffImage(bytes)
      if (!image || !(allowedImageTypes as readonly string[]).includes(image.mimeType)) {
        throw unsupported()
      }
      const id = deps.newId()
      const media: Media = {
        id,
        fileName: fileName.data,
        mimeType: image.mimeType,
        byteSize: bytes.byteLength,
        width: image.width,
        height: image.height,
        url: `/api/media/${id}/file`,
        createdAt: deps.now().toISOString(),
      }
      await deps.store.transaction(async (tx) => {
        await tx.insertMedia(media, bytes)
        await audit(deps, tx, {
          actorId: user.id,
          action: 'media.uploaded',
          resourceType: 'media',
          resourceId: id,
          detail: media.fileName,
        })
      })
      return c.json(media, 201)
    })
    .get('/media/:id', async (c) => {
      const id = c.req.param('id')
      if (!isUsablePathSegment(id)) throw notFound('Das Foto')
      const media = await deps.store.transaction((tx) => tx.getMedia(id))
      if (!media) throw notFound('Das Foto')
      return c.json(media)
    })
}
