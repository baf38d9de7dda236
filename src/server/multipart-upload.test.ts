import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { concatBytes } from './bytes'
import {
  MalformedUpload,
  multipartBoundary,
  readUploadedFile,
  UploadTooLarge,
} from './multipart-upload'

/** The body a browser would send for this form, cut into pieces of the given sizes. */
async function formBody(form: FormData, pieceSizes: number[] = [65536]) {
  const response = new Response(form)
  const boundary = multipartBoundary(response.headers.get('Content-Type') ?? '')
  const bytes = new Uint8Array(await response.arrayBuffer())
  let reads = 0
  let offset = 0
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.length) return controller.close()
      const size = pieceSizes[reads % pieceSizes.length] ?? 1
      controller.enqueue(bytes.slice(offset, offset + size))
      offset += size
      reads++
    },
  })
  return { stream, boundary: boundary ?? '', length: bytes.length, reads: () => reads }
}

describe('Foto-Upload als Datenstrom', () => {
  it('liest die Boundary aus dem Content-Type', () => {
    expect(multipartBoundary('multipart/form-data; boundary=abc')).toBe('abc')
    expect(multipartBoundary('Multipart/Form-Data; charset=utf-8; boundary="a b"')).toBe('a b')
    expect(multipartBoundary('application/json')).toBeNull()
    expect(multipartBoundary('multipart/form-data')).toBeNull()
  })

  it('setzt die Datei aus beliebig zerschnittenen Stücken genau wieder zusammen', async () => {
    // Contents that look like delimiters, cut at every possible place.
    const tricky = fc.uint8Array({ minLength: 0, maxLength: 3000 }).map((random) => {
      const near = new TextEncoder().encode('\r\n--\r\n-\r\n\r\n--')
      const bytes = new Uint8Array(random.length + near.length * 2)
      bytes.set(near)
      bytes.set(random, near.length)
      bytes.set(near, near.length + random.length)
      return bytes
    })
    await fc.assert(
      fc.asyncProperty(
        tricky,
        fc.array(fc.integer({ min: 1, max: 700 }), { minLength: 1, maxLength: 8 }),
        async (content, pieceSizes) => {
          const form = new FormData()
          form.set('vorher', 'ein Feld davor')
          form.set('file', new Blob([content], { type: 'image/png' }), 'Sitzung äöü.png')
          form.set('nachher', 'und eins danach')
          const { stream, boundary } = await formBody(form, pieceSizes)
          const file = await readUploadedFile(stream, boundary, 'file', 10_000)
          expect(file?.fileName).toBe('Sitzung äöü.png')
          expect(file?.byteSize).toBe(content.length)
          expect(concatBytes(file?.chunks ?? [])).toEqual(content)
        },
      ),
      { seed: 20181204, numRuns: 200 },
    )
  })

  it('bricht ab, sobald die Datei zu groß ist, ohne den Rest zu lesen', async () => {
    const form = new FormData()
    form.set('file', new Blob([new Uint8Array(5 * 1024 * 1024)]), 'gross.jpg')
    const body = await formBody(form, [64 * 1024])
    await expect(
      readUploadedFile(body.stream, body.boundary, 'file', 1024 * 1024),
    ).rejects.toBeInstanceOf(UploadTooLarge)
    expect(body.reads()).toBeLessThan(20)
  })

  it('meldet ein fehlendes Feld mit null und einen kaputten Körper als MalformedUpload', async () => {
    const form = new FormData()
    form.set('anderes', new Blob([new Uint8Array([1, 2, 3])]), 'x.png')
    const missing = await formBody(form)
    expect(await readUploadedFile(missing.stream, missing.boundary, 'file', 100)).toBeNull()
    const cut = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(
          new TextEncoder().encode(
            '--b\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\nabc',
          ),
        )
        controller.close()
      },
    })
    await expect(readUploadedFile(cut, 'b', 'file', 100)).rejects.toBeInstanceOf(MalformedUpload)
  })
})
