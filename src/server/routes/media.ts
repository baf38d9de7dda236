import { allowedImageTypes, fileNameSchema, maxUploadBytes, type Media } from '../../domain/media'
import { audit, requirePermission, type HandlerDeps } from '../context'
import { fileTooLarge } from '../body-limits'
import { concatBytes } from '../bytes'
import {
  addDescribedRoute,
  contractRoutes,
  describeRoute,
  forbiddenAnswer,
  idParams,
  invalidAnswer,
  jsonAnswer,
  mediaComponent,
  notFoundAnswer,
  problemAnswer,
  publicRoute,
  unauthenticatedAnswer,
} from '../contract'
import { sniffImage, type SniffedImage } from '../image-sniff'
import {
  MalformedUpload,
  multipartBoundary,
  readUploadedFile,
  UploadTooLarge,
  type StreamedFile,
} from '../multipart-upload'
import { invalid, notFound, ProblemError, problemTypes } from '../problem'

const unsupported = () =>
  new ProblemError(
    415,
    problemTypes.unsupportedType,
    'Dateityp nicht erlaubt',
    'Nur Fotos im Format JPEG, PNG oder WebP können hochgeladen werden.',
  )

const photoNotFound = notFoundAnswer('No such photo (`/probleme/nicht-gefunden`).')

const mediaFileRoute = describeRoute({
  method: 'get',
  path: '/media/{id}/file',
  summary: 'The file of a photo (public, so that `<img>` can load it)',
  ...publicRoute,
  request: { params: idParams },
  responses: {
    200: {
      description: 'The bytes with their MIME type and `X-Content-Type-Options: nosniff`',
      content: Object.fromEntries(
        allowedImageTypes.map((type) => [type, { schema: { type: 'string' as const } }]),
      ),
    },
    ...photoNotFound,
  },
})

const uploadMediaRoute = describeRoute({
  method: 'post',
  path: '/media',
  summary: 'Uploads a photo (JPEG, PNG or WebP by content, at most 10 MB)',
  request: {
    body: {
      required: true,
      content: {
        'multipart/form-data': {
          schema: {
            type: 'object',
            properties: { file: { type: 'string', contentMediaType: 'application/octet-stream' } },
            required: ['file'],
          },
        },
      },
    },
  },
  responses: {
    201: jsonAnswer(mediaComponent, 'The uploaded photo'),
    ...unauthenticatedAnswer,
    ...forbiddenAnswer(),
    413: problemAnswer(
      'The file is larger than 10 MB, checked from `Content-Length` before reading and while reading (`/probleme/datei-zu-gross`).',
    ),
    415: problemAnswer('The file is no JPEG, PNG or WebP (`/probleme/dateityp-nicht-erlaubt`).'),
    ...invalidAnswer('No file in the field `file`, an empty file or an unusable file name.'),
  },
})

const getMediaRoute = describeRoute({
  method: 'get',
  path: '/media/{id}',
  summary: 'The metadata of a photo',
  request: { params: idParams },
  responses: {
    200: jsonAnswer(mediaComponent, 'The photo'),
    ...unauthenticatedAnswer,
    ...photoNotFound,
  },
})

/** The file of a photo; public so that <img> can load it (ids are random UUIDs). */
export function publicMediaRoutes(deps: HandlerDeps) {
  const routes = contractRoutes()
  addDescribedRoute(routes, mediaFileRoute, async (c) => {
    const id = c.req.param('id')
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
  return routes
}

/** Bytes at the start of a photo in which its type and size are looked for first. */
const sniffHeadBytes = 1024 * 1024

/**
 * Type and size from the start of the file; only when they lie further in (a JPEG with large
 * metadata before its frame header) is the whole file put together for it.
 */
function sniffUpload(file: StreamedFile): SniffedImage | null {
  const head: Uint8Array[] = []
  let headBytes = 0
  for (const chunk of file.chunks) {
    if (headBytes >= sniffHeadBytes) break
    head.push(chunk)
    headBytes += chunk.length
  }
  return (
    sniffImage(concatBytes(head)) ??
    (headBytes < file.byteSize ? sniffImage(concatBytes(file.chunks)) : null)
  )
}

/** Upload (multipart field `file`, read as it streams in) and metadata of photos. */
export function mediaRoutes(deps: HandlerDeps) {
  const routes = contractRoutes()
  addDescribedRoute(routes, uploadMediaRoute, async (c) => {
    const user = c.get('user')
    requirePermission(user, 'media.upload')
    const noFile = () =>
      invalid([{ path: 'file', message: 'Bitte eine Datei im Feld „file“ senden.' }])
    const boundary = multipartBoundary(c.req.header('Content-Type') ?? '')
    const body = c.req.raw.body
    if (!boundary || !body) throw noFile()
    let file: StreamedFile | null
    try {
      file = await readUploadedFile(body, boundary, 'file', maxUploadBytes)
    } catch (error) {
      if (error instanceof UploadTooLarge) {
        c.header('Connection', 'close')
        throw fileTooLarge()
      }
      if (error instanceof MalformedUpload) throw noFile()
      throw error
    }
    if (!file || file.byteSize === 0) {
      throw invalid([{ path: 'file', message: 'Bitte eine Datei auswählen.' }])
    }
    const fileName = fileNameSchema.safeParse(file.fileName || 'foto')
    if (!fileName.success) {
      throw invalid(
        fileName.error.issues.map((issue) => ({ path: 'file', message: issue.message })),
      )
    }
    const image = sniffUpload(file)
    if (!image || !(allowedImageTypes as readonly string[]).includes(image.mimeType)) {
      throw unsupported()
    }
    const { chunks } = file
    const id = deps.newId()
    const media: Media = {
      id,
      fileName: fileName.data,
      mimeType: image.mimeType,
      byteSize: file.byteSize,
      width: image.width,
      height: image.height,
      url: `/api/media/${id}/file`,
      createdAt: deps.now().toISOString(),
    }
    await deps.store.transaction(async (tx) => {
      await tx.insertMedia(media, chunks)
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
  addDescribedRoute(routes, getMediaRoute, async (c) => {
    const id = c.req.param('id')
    const media = await deps.store.transaction((tx) => tx.getMedia(id))
    if (!media) throw notFound('Das Foto')
    return c.json(media)
  })
  return routes
}
