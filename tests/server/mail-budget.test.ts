import sharp from 'sharp'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestServer } from '../../mocks/node'
import { createHttpBackend } from '../../src/backend/http-backend'
import { emailVariantMaxBytes } from '../../src/domain/media'
import { byteSize } from '../../src/render/render-email'

/** What a newsletter may weigh: the HTML of the seed issue, and each photo it loads. */
const seedHtmlMaxBytes = 24 * 1024

const testServer = createTestServer({ mail: true })
beforeAll(() => testServer.server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => testServer.server.close())

const backendAs = async (userId: string) => {
  let token: string | null = null
  const backend = createHttpBackend({ baseUrl: testServer.apiBaseUrl, getToken: () => token })
  token = (await backend.login(userId)).token
  return backend
}

/**
 * Ten different 8-megapixel photos with grain, as a camera saves them (noise is what JPEG
 * compresses worst); made once, from one set of noisy pixels, turned and tinted ten ways.
 */
async function grainyPhotos(count: number): Promise<Uint8Array[]> {
  const width = 3264
  const height = 2448
  const pixels = Buffer.alloc(width * height * 3)
  let seed = 7
  for (let index = 0; index < pixels.length; index++) {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0
    pixels[index] = (index % 3) * 40 + (seed >>> 26) * 3 + ((index / 3 / width) % 90)
  }
  const grain = await sharp(pixels, { raw: { width, height, channels: 3 } })
    .blur(0.6)
    .png({ compressionLevel: 1 })
    .toBuffer()
  return Promise.all(
    Array.from(
      { length: count },
      async (_, index) =>
        new Uint8Array(
          await sharp(grain)
            .rotate(index % 2 ? 180 : 0)
            .modulate({ hue: index * 36 })
            .jpeg({ quality: 92 })
            .toBuffer(),
        ),
    ),
  )
}

/** The addresses of every image an e-mail loads. */
const imageSources = (html: string) =>
  [...html.matchAll(/<img[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]!)

describe('Gewicht der E-Mail', () => {
  beforeEach(() => testServer.reset())

  it(`hält das HTML der Beispielausgabe unter ${seedHtmlMaxBytes / 1024} KB`, async () => {
    const designer = await backendAs('jana-krause')
    await designer.testSendIssue('ausgabe-2018-08', { addresses: ['gestaltung@gera.de'] })
    const [mail] = await testServer.outbox()
    expect(imageSources(mail!.html).length).toBeGreaterThan(0)
    expect(byteSize(mail!.html)).toBeLessThanOrEqual(seedHtmlMaxBytes)
  })

  it('lädt mit zehn 8-Megapixel-Fotos kein Bild über 150 KB', async () => {
    const editor = await backendAs('frank-ruehling')
    const photos = await grainyPhotos(10)
    const uploaded = []
    for (const [index, photo] of photos.entries()) {
      uploaded.push(await editor.uploadMedia(new Blob([photo.slice()]), `foto-${index}.jpg`))
    }
    expect(uploaded.every((media) => media.width * media.height > 7_900_000)).toBe(true)
    const article = await editor.getArticle('beitrag-02-sozialplan')
    await editor.updateArticle(article.id, {
      version: article.version,
      photos: uploaded.map((media, index) => ({
        mediaId: media.id,
        caption: `Foto ${index + 1}`,
        credit: 'Stadt Gera',
        alt: `Foto ${index + 1}`,
        decorative: false,
      })),
    })
    await editor.testSendIssue('ausgabe-2018-08', { addresses: ['redaktion@gera.de'] })
    const [mail] = await testServer.outbox()
    const sources = imageSources(mail!.html)
    for (const media of uploaded) expect(sources.some((src) => src.includes(media.id))).toBe(true)
    const weights = await Promise.all(
      sources.map(async (src) => {
        const response = await fetch(src)
        expect(response.status, src).toBe(200)
        return { src, bytes: (await response.arrayBuffer()).byteLength }
      }),
    )
    console.info(
      `E-Mail mit zehn 8-MP-Fotos: ${weights.length} Bilder, größtes ${Math.max(...weights.map((w) => w.bytes))} Bytes, zusammen ${weights.reduce((sum, w) => sum + w.bytes, 0)} Bytes`,
    )
    for (const { src, bytes } of weights)
      expect(bytes, src).toBeLessThanOrEqual(emailVariantMaxBytes)
  }, 240_000)
})
