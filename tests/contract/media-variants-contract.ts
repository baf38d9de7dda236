import sharp from 'sharp'
import { beforeAll, expect, it } from 'vitest'
import type { Backend } from '../../src/backend/backend'
import {
  emailVariantMaxBytes,
  mediaFilePath,
  mediaVariantNames,
  type Media,
  type MediaVariantName,
} from '../../src/domain/media'
import {
  exifTags,
  gpsLatitudeTag,
  orientationTag,
  portraitPhonePhoto,
} from '../fixtures/phone-photos'
import { tinyPng } from '../fixtures/images'
import type { MailTarget } from './versand-contract'
import { rejection } from './rejection'

export interface MediaVariantsContext {
  editor: () => Backend
  head: () => Backend
  designer: () => Backend
  /** The API's base URL (ends in /api), for the public file addresses. */
  baseUrl: () => string
  fetch: typeof fetch
  mail: MailTarget
  /** Approves the seed issue (deadline moved, alt texts written, warning acknowledged). */
  approveSeedIssue: () => Promise<{ id: string; version: number; fingerprint: string }>
}

/** The upright phone photo is 2400×3200: each variant fitted inside its square. */
const expectedSizes: Record<MediaVariantName, { width: number; height: number }> = {
  email: { width: 450, height: 600 },
  email2x: { width: 900, height: 1200 },
  web: { width: 1200, height: 1600 },
  print: { width: 2250, height: 3000 },
}

/** The article of the seed issue that gets the phone photo (it has none and needs no alt texts). */
const articleId = 'beitrag-02-sozialplan'

/**
 * The sizes made of each photo (docs/decisions/0011): upright, without metadata, fitted and never
 * enlarged, served publicly, and the ones the e-mail uses.
 */
export function defineMediaVariantsContract(context: () => MediaVariantsContext) {
  let c: MediaVariantsContext
  let phonePhoto: Uint8Array
  beforeAll(async () => {
    phonePhoto = await portraitPhonePhoto()
    const metadata = await sharp(phonePhoto).metadata()
    // the fixture really is what a phone writes: stored landscape, turned by EXIF, with a location
    expect(metadata).toMatchObject({ width: 3200, height: 2400, orientation: 6 })
    expect(exifTags(metadata.exif!).main).toContain(orientationTag)
    expect(exifTags(metadata.exif!).gps).toContain(gpsLatitudeTag)
  })

  /** An address as `Media` gives it (absolute, see HttpBackend) or a path on the API's origin. */
  const fileAt = (address: string) => c.fetch(new URL(address, c.baseUrl()).href)
  const upload = () => c.editor().uploadMedia(new Blob([phonePhoto.slice()]), 'handy.jpg')

  /** Puts the photo into an article of the seed issue, with an Alternativtext. */
  const showInSeedIssue = async (media: Media) => {
    const article = await c.editor().getArticle(articleId)
    await c.editor().updateArticle(articleId, {
      version: article.version,
      photos: [
        ...article.photos,
        {
          mediaId: media.id,
          caption: 'Hochkant',
          credit: 'Stadt Gera',
          alt: 'Ein Foto',
          decorative: false,
        },
      ],
    })
  }

  /** The `<img>` of the photo in an e-mail: its address and its width and height attributes. */
  const imageIn = (html: string, mediaId: string) => {
    const tag = html.match(new RegExp(`<img[^>]*${mediaId}[^>]*>`))?.[0] ?? ''
    return {
      src: /src="([^"]*)"/.exec(tag)?.[1],
      width: Number(/width="(\d+)"/.exec(tag)?.[1]),
      height: Number(/height="(\d+)"/.exec(tag)?.[1]),
    }
  }

  beforeAll(() => {
    c = context()
  })

  it('macht beim Hochladen aufrechte Größen ohne Metadaten und gibt die aufrechte Größe an', async () => {
    const media = await upload()
    expect(media).toMatchObject({ width: 2400, height: 3200, mimeType: 'image/jpeg' })
    expect(media.variants.map((variant) => variant.name)).toEqual(mediaVariantNames)
    expect(await c.editor().getMedia(media.id)).toEqual(media)
    for (const variant of media.variants) {
      expect(variant).toMatchObject({
        ...expectedSizes[variant.name],
        url: new URL(mediaFilePath(media.id, variant.name), c.baseUrl()).href,
      })
      const response = await fileAt(variant.url)
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toBe('image/jpeg')
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
      const bytes = new Uint8Array(await response.arrayBuffer())
      expect(bytes.byteLength).toBe(variant.byteSize)
      const metadata = await sharp(bytes).metadata()
      expect(metadata).toMatchObject({ format: 'jpeg', ...expectedSizes[variant.name] })
      expect(metadata.exif).toBeUndefined()
      expect(metadata.orientation).toBeUndefined()
      if (variant.name === 'email' || variant.name === 'email2x') {
        expect(bytes.byteLength).toBeLessThanOrEqual(emailVariantMaxBytes)
      }
      // the red mark of the stored top left corner is top right once upright
      const { data } = await sharp(bytes)
        .extract({ left: variant.width - 8, top: 4, width: 4, height: 4 })
        .raw()
        .toBuffer({ resolveWithObject: true })
      expect(data[0]).toBeGreaterThan(180)
      expect(data[2]).toBeLessThan(80)
    }
    // the original stays as uploaded, metadata and all
    const original = await fileAt(media.url)
    expect(new Uint8Array(await original.arrayBuffer())).toEqual(phonePhoto)
  })

  it('vergrößert nie und lässt ein Logo mit Transparenz PNG', async () => {
    const logo = await sharp({
      create: {
        width: 300,
        height: 120,
        channels: 4,
        background: { r: 0, g: 90, b: 160, alpha: 0 },
      },
    })
      .png()
      .toBuffer()
    const media = await c.designer().uploadMedia(new Blob([new Uint8Array(logo)]), 'logo.png')
    expect(media.variants).toHaveLength(4)
    for (const variant of media.variants) {
      expect(variant).toMatchObject({ width: 300, height: 120 })
      const response = await fileAt(variant.url)
      expect(response.headers.get('content-type')).toBe('image/png')
      expect((await sharp(new Uint8Array(await response.arrayBuffer())).metadata()).hasAlpha).toBe(
        true,
      )
    }
    const tiny = await c.editor().uploadMedia(new Blob([tinyPng()]), 'winzig.png')
    expect(tiny.variants.map(({ width, height }) => ({ width, height }))).toEqual(
      Array(4).fill({ width: 3, height: 2 }),
    )
  })

  it('kennt keine anderen Größen und keine unbekannten Fotos (404) und lehnt kaputte Fotos ab (422)', async () => {
    const media = await c.editor().uploadMedia(new Blob([tinyPng()]), 'klein.png')
    for (const path of [
      `${mediaFilePath(media.id)}/riesig`,
      `${mediaFilePath(media.id)}/__proto__`,
      mediaFilePath('gibt-es-nicht', 'email'),
    ]) {
      const response = await fileAt(path)
      expect(response.status).toBe(404)
      expect((await response.json()) as { detail: string }).toMatchObject({
        detail: expect.stringMatching(/nicht gefunden\.$/),
      })
    }
    const broken = phonePhoto.slice(0, 4096)
    const error = await rejection(c.editor().uploadMedia(new Blob([broken]), 'kaputt.jpg'), 422)
    expect(error.message).toMatch(/lässt sich nicht lesen/)
  })

  it('zeigt das Foto im Testversand und im Versand in der E-Mail-Größe, mit dem Seitenverhältnis des aufrechten Fotos', async () => {
    const media = await upload()
    await showInSeedIssue(media)
    const publicAddress = (html: string) => imageIn(html, media.id)

    await c.designer().testSendIssue('ausgabe-2018-08', { addresses: ['gestaltung@gera.de'] })
    const test = (await c.mail.received()).at(-1)
    const tested = publicAddress(test?.html ?? '')
    expect(tested.src).toMatch(new RegExp(`^https?://[^/]+${mediaFilePath(media.id, 'email2x')}$`))
    expect(tested.height).toBe(Math.round((tested.width * 3200) / 2400))

    await c.editor().addRecipient({ email: 'leserin@gera.de' })
    const { id, version, fingerprint } = await c.approveSeedIssue()
    const send = await c.head().startSend(id, { version, fingerprint })
    await c.mail.settle(async () => (await c.head().getSend(send.id)).status === 'done')
    const sent = (await c.mail.received()).find((mail) => mail.to === 'leserin@gera.de')
    expect(publicAddress(sent?.html ?? '')).toEqual(tested)
  })
}
