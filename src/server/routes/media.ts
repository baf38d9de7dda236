import { z } from 'zod'
import {
  allowedImageTypes,
  fileNameSchema,
  isMediaVariantName,
  maxUploadBytes,
  mediaFilePath,
  mediaVariantNames,
  type ImageType,
  type Media,
} from '../../domain/media'
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
import { maxImagePixels, UnreadableImage, type ImagePort, type MadeVariants } from '../image-port'
import { listedVariant } from '../store'
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

/** Makes the variants; a file that cannot be decoded is bad input (422), not a server error. */
async function makeVariants(
  images: ImagePort,
  bytes: Uint8Array,
  mimeType: ImageType,
): Promise<MadeVariants> {
  try {
    return await images.makeVariants(bytes, mimeType)
  } catch (error) {
    if (!(error instanceof UnreadableImage)) throw error
    const message =
      error.reason === 'too-many-pixels'
        ? `Das Foto hat zu viele Bildpunkte (höchstens ${maxImagePixels / 1_000_000} Megapixel). Bitte verkleinern Sie es vor dem Hochladen.`
        : 'Das Foto lässt sich nicht lesen; die Datei ist vermutlich beschädigt. Bitte speichern Sie es neu als JPEG oder PNG und laden Sie es erneut hoch.'
    throw invalid([{ path: 'file', message }])
  }
}

const mediaVariantRoute = describeRoute({
  method: 'get',
  path: '/media/{id}/file/{variant}',
  summary:
    'A size of a photo (public): upright, without metadata, fitted inside a square (`email` 600, `email2x` 1200, `web` 1600, `print` 3000 px), never enlarged',
  ...publicRoute,
  request: {
    params: idParams.extend({ variant: z.string().meta({ enum: mediaVariantNames }) }),
  },
  responses: {
    200: {
      description:
        'JPEG, or PNG for an image with transparency; `email` and `email2x` at most 150 KB. Cached for a year (`immutable`), with `X-Content-Type-Options: nosniff`. A photo stored before variants existed gets them on this first request.',
      content: {
        'image/jpeg': { schema: { type: 'string' as const } },
        'image/png': { schema: { type: 'string' as const } },
      },
    },
    ...notFoundAnswer('No such photo, or no such variant name (`/probleme/nicht-gefunden`).'),
  },
})

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
  addDescribedRoute(routes, mediaVariantRoute, async (c) => {
    const id = c.req.param('id')
    const name = c.req.param('variant')
    if (!isMediaVariantName(name)) throw notFound('Diese Größe des Fotos')
    let file = await deps.store.transaction((tx) => tx.getMediaVariant(id, name))
    if (!file) {
      // A photo stored before variants existed: made now, outside the transaction, and stored
      // (a concurrent first request stores the same and keeps whichever came first).
      const [media, bytes] = await deps.store.transaction(
        async (tx) => [await tx.getMedia(id), await tx.getMediaBytes(id)] as const,
      )
      if (!media || !bytes) throw notFound('Das Foto')
      const made = await deps.images.makeVariants(bytes, media.mimeType).catch((error) => {
        if (error instanceof UnreadableImage) throw notFound('Diese Größe des Fotos')
        throw error
      })
      file = await deps.store.transaction(async (tx) => {
        if (!(await tx.getMedia(id))) return null
        await tx.addMediaVariants(id, made, made.variants)
        return tx.getMediaVariant(id, name)
      })
      if (!file) throw notFound('Das Foto')
    }
    return c.body(file.bytes.slice().buffer, 200, {
      'Content-Type': file.mimeType,
      'Content-Length': String(file.bytes.byteLength),
      'Cache-Control': 'public, max-age=31536000, immutable',
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
    // One buffer for the decoder, which is also what is stored: the pieces as they arrived are
    // let go, so that an upload waiting for its turn at the decoder holds its file only once.
    const bytes = concatBytes(file.chunks)
    file.chunks.length = 0
    const made = await makeVariants(deps.images, bytes, image.mimeType)
    const id = deps.newId()
    const media: Media = {
      id,
      fileName: fileName.data,
      mimeType: image.mimeType,
      byteSize: bytes.byteLength,
      width: made.width,
      height: made.height,
      url: mediaFilePath(id),
      createdAt: deps.now().toISOString(),
      variants: made.variants.map(({ name, width, height, bytes }) =>
        listedVariant(id, { name, width, height, byteSize: bytes.byteLength }),
      ),
    }
    await deps.store.transaction(async (tx) => {
      await tx.insertMedia(media, [bytes], made.variants)
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
