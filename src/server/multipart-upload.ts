import { concatBytes } from './bytes'

/** One file of a multipart upload, kept as the pieces in which it arrived (never copied whole). */
export interface StreamedFile {
  fileName: string
  chunks: Uint8Array[]
  byteSize: number
}

/** The file is larger than allowed; the rest of the body was not read. */
export class UploadTooLarge extends Error {}
/** The body is not multipart/form-data as declared. */
export class MalformedUpload extends Error {}

const encoder = new TextEncoder()
const decoder = new TextDecoder()
const headerEnd = encoder.encode('\r\n\r\n')
/** Headers of one part, and the fields other than the file, are small. */
const maxSmallPartBytes = 64 * 1024

function indexOf(haystack: Uint8Array, needle: Uint8Array, from = 0): number {
  const first = needle[0]
  const last = haystack.length - needle.length
  outer: for (
    let index = haystack.indexOf(first ?? 0, from);
    index !== -1 && index <= last;
    index = haystack.indexOf(first ?? 0, index + 1)
  ) {
    for (let offset = 1; offset < needle.length; offset++) {
      if (haystack[index + offset] !== needle[offset]) continue outer
    }
    return index
  }
  return -1
}

/** The boundary of a multipart/form-data Content-Type, or null. */
export function multipartBoundary(contentType: string): string | null {
  if (!/^multipart\/form-data\s*;/i.test(contentType)) return null
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType)
  return match?.[1] ?? match?.[2] ?? null
}

function partHeaders(bytes: Uint8Array): { name: string | null; fileName: string | null } {
  const disposition = decoder
    .decode(bytes)
    .split('\r\n')
    .find((line) => /^content-disposition:/i.test(line))
  if (!disposition) return { name: null, fileName: null }
  const parameter = (key: string) =>
    new RegExp(`;\\s*${key}="([^"]*)"`, 'i').exec(disposition)?.[1] ??
    new RegExp(`;\\s*${key}=([^;\\s]+)`, 'i').exec(disposition)?.[1] ??
    null
  return { name: parameter('name'), fileName: parameter('filename') }
}

/**
 * Reads the file field `field` from a multipart/form-data body as it streams in: each piece is
 * kept as it arrived (the file is never copied into one buffer), the size is counted on the way,
 * and reading stops as soon as it exceeds `maxBytes`. Other fields are read and dropped.
 * Returns null when there is no such file field.
 */
export async function readUploadedFile(
  body: ReadableStream<Uint8Array>,
  boundary: string,
  field: string,
  maxBytes: number,
): Promise<StreamedFile | null> {
  // Seen with a leading CRLF, the first delimiter looks like every other one.
  const delimiter = encoder.encode(`\r\n--${boundary}`)
  const reader = body.getReader()
  let pending: Uint8Array = encoder.encode('\r\n')
  let state: 'preamble' | 'after-delimiter' | 'headers' | 'data' = 'preamble'
  let finished = false
  let current: { isFile: boolean; fileName: string; size: number } | null = null
  let found: StreamedFile | null = null
  let ended = false

  const emit = (bytes: Uint8Array) => {
    if (!current || bytes.length === 0) return
    current.size += bytes.length
    if (current.isFile) {
      if (current.size > maxBytes) throw new UploadTooLarge()
      found?.chunks.push(bytes)
    } else if (current.size > maxSmallPartBytes) {
      throw new MalformedUpload('Feld zu groß')
    }
  }

  try {
    while (!finished) {
      let progressed = true
      while (progressed && !finished) {
        progressed = false
        if (state === 'preamble' || state === 'data') {
          const at = indexOf(pending, delimiter)
          if (at === -1) {
            // Keep what could be the start of a delimiter split across two reads.
            const safe = Math.max(0, pending.length - delimiter.length + 1)
            if (state === 'data') emit(pending.subarray(0, safe))
            pending = pending.slice(safe)
            if (state === 'preamble' && pending.length > maxSmallPartBytes) {
              throw new MalformedUpload('Kein Anfang gefunden')
            }
          } else {
            if (state === 'data') {
              emit(pending.subarray(0, at))
              if (current?.isFile && found) found.byteSize = current.size
            }
            current = null
            pending = pending.slice(at + delimiter.length)
            state = 'after-delimiter'
            progressed = true
          }
        } else if (state === 'after-delimiter') {
          if (pending.length < 2) break
          if (pending[0] === 0x2d && pending[1] === 0x2d) finished = true
          else {
            const lineEnd = indexOf(pending, encoder.encode('\r\n'))
            if (lineEnd === -1) break
            pending = pending.slice(lineEnd + 2)
            state = 'headers'
          }
          progressed = true
        } else if (state === 'headers') {
          const at = indexOf(pending, headerEnd)
          if (at === -1) {
            if (pending.length > maxSmallPartBytes) throw new MalformedUpload('Kopf zu groß')
            break
          }
          const headers = partHeaders(pending.subarray(0, at))
          pending = pending.slice(at + headerEnd.length)
          const isFile = headers.name === field && headers.fileName !== null && found === null
          current = { isFile, fileName: headers.fileName ?? '', size: 0 }
          if (isFile) found = { fileName: headers.fileName ?? '', chunks: [], byteSize: 0 }
          state = 'data'
          progressed = true
        }
      }
      if (finished) break
      if (ended) throw new MalformedUpload('Vorzeitiges Ende')
      const { done, value } = await reader.read()
      if (done) ended = true
      else pending = pending.length === 0 ? value : concatBytes([pending, value])
    }
  } finally {
    await reader.cancel().catch(() => undefined)
  }
  return found
}
