import type { MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { maxUploadBytes } from '../domain/media'
import { ProblemError, problemTypes } from './problem'

/** Largest JSON request body: a very long article with photos stays far below it. */
export const maxJsonBodyBytes = 2 * 1024 * 1024
/** Room for the multipart envelope around a file of the maximum size. */
const multipartOverhead = 64 * 1024

/** 413 for a photo above the upload limit. */
export const fileTooLarge = () =>
  new ProblemError(
    413,
    problemTypes.tooLarge,
    'Datei zu groß',
    `Die Datei ist zu groß. Erlaubt sind höchstens ${maxUploadBytes / 1024 / 1024} MB.`,
  )

const bodyTooLarge = () =>
  new ProblemError(
    413,
    problemTypes.tooLarge,
    'Anfrage zu groß',
    `Die Anfrage ist zu groß. Erlaubt sind höchstens ${maxJsonBodyBytes / 1024 / 1024} MB.`,
  )

const notJson = () =>
  new ProblemError(
    415,
    problemTypes.unsupportedMediaType,
    'Nur JSON',
    'Diese Schnittstelle nimmt nur JSON an (Content-Type: application/json).',
  )

const isUpload = (method: string, path: string) => method === 'POST' && path === '/api/media'
/** Mail programs unsubscribe with a form body (RFC 8058); the handler does not read it. */
const isOneClickUnsubscribe = (method: string, path: string) =>
  method === 'POST' && path.startsWith('/api/subscription/unsubscribe/')

// The rest of a refused body is never read: the client must not reuse the connection.
const limit = (maxSize: number, refusal: () => ProblemError) =>
  bodyLimit({
    maxSize,
    onError: (c) => {
      c.header('Connection', 'close')
      throw refusal()
    },
  })
const limitJson = limit(maxJsonBodyBytes, bodyTooLarge)
const limitUpload = limit(maxUploadBytes + multipartOverhead, fileTooLarge)

/**
 * Request bodies: JSON only (uploads excepted), and no larger than their limit. The limit is
 * checked against Content-Length first and counted while streaming, so an oversized body is
 * refused before it has been read.
 */
export const requestBodyRules: MiddlewareHandler = async (c, next) => {
  const upload = isUpload(c.req.method, c.req.path)
  const oneClick = isOneClickUnsubscribe(c.req.method, c.req.path)
  if (['POST', 'PUT', 'PATCH'].includes(c.req.method) && !upload && !oneClick && c.req.raw.body) {
    const type = c.req.header('Content-Type') ?? ''
    if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) throw notJson()
  }
  return (upload ? limitUpload : limitJson)(c, next)
}
