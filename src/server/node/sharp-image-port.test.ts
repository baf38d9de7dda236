import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { emailVariantMaxBytes } from '../../domain/media'
import { portraitPhonePhoto } from '../../../tests/fixtures/phone-photos'
import { tinyJpeg } from '../../../tests/fixtures/images'
import { UnreadableImage } from '../image-port'
import { sharpImagePort } from './sharp-image-port'

const sizes = (made: { variants: { name: string; width: number; height: number }[] }) =>
  Object.fromEntries(made.variants.map(({ name, width, height }) => [name, [width, height]]))

/** Noise compresses badly: the worst case for the e-mail budget. */
async function noisyJpeg(width: number, height: number): Promise<Uint8Array> {
  const pixels = Buffer.alloc(width * height * 3)
  let seed = 1
  for (let index = 0; index < pixels.length; index++) {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0
    pixels[index] = seed >>> 24
  }
  return new Uint8Array(
    await sharp(pixels, { raw: { width, height, channels: 3 } })
      .jpeg({ quality: 95 })
      .toBuffer(),
  )
}

describe('sharp als Bild-Port', () => {
  it('dreht nach der EXIF-Orientierung aufrecht und passt jede Größe in ihr Quadrat ein', async () => {
    const made = await sharpImagePort.makeVariants(
      await portraitPhonePhoto(1600, 1200),
      'image/jpeg',
    )
    expect({ width: made.width, height: made.height }).toEqual({ width: 1200, height: 1600 })
    expect(sizes(made)).toEqual({
      email: [450, 600],
      email2x: [900, 1200],
      web: [1200, 1600],
      print: [1200, 1600],
    })
    for (const variant of made.variants) {
      const metadata = await sharp(variant.bytes).metadata()
      expect(metadata).toMatchObject({
        format: 'jpeg',
        width: variant.width,
        height: variant.height,
      })
      expect(metadata.exif).toBeUndefined()
    }
  })

  it('vergrößert nie', async () => {
    const made = await sharpImagePort.makeVariants(tinyJpeg(), 'image/jpeg')
    expect(Object.values(sizes(made))).toEqual(Array(4).fill([3, 2]))
  })

  it('lässt ein PNG mit Transparenz PNG und macht ein deckendes PNG zum JPEG', async () => {
    const png = (alpha: number) =>
      sharp({
        create: {
          width: 800,
          height: 200,
          channels: 4,
          background: { r: 9, g: 80, b: 160, alpha },
        },
      })
        .png()
        .toBuffer()
    const logo = await sharpImagePort.makeVariants(await png(0.5), 'image/png')
    expect(new Set(logo.variants.map((variant) => variant.mimeType))).toEqual(
      new Set(['image/png']),
    )
    expect((await sharp(logo.variants[0]!.bytes).metadata()).hasAlpha).toBe(true)
    expect(sizes(logo).email).toEqual([600, 150])
    const opaque = await sharpImagePort.makeVariants(await png(1), 'image/png')
    expect(new Set(opaque.variants.map((variant) => variant.mimeType))).toEqual(
      new Set(['image/jpeg']),
    )
  })

  it('hält die E-Mail-Größen auch bei Rauschen unter 150 KB', async () => {
    const made = await sharpImagePort.makeVariants(await noisyJpeg(1200, 900), 'image/jpeg')
    const email = made.variants.filter((variant) => variant.name.startsWith('email'))
    expect(email).toHaveLength(2)
    for (const variant of email)
      expect(variant.bytes.byteLength).toBeLessThanOrEqual(emailVariantMaxBytes)
    // stepping down the quality was not enough for noise: the double size shrank too
    expect(made.variants.find((variant) => variant.name === 'email2x')!.width).toBeLessThan(1200)
  })

  it('meldet kaputte Dateien als nicht lesbar', async () => {
    const broken = (await portraitPhonePhoto(1600, 1200)).slice(0, 2000)
    await expect(sharpImagePort.makeVariants(broken, 'image/jpeg')).rejects.toBeInstanceOf(
      UnreadableImage,
    )
    await expect(
      sharpImagePort.makeVariants(new TextEncoder().encode('kein Bild'), 'image/png'),
    ).rejects.toBeInstanceOf(UnreadableImage)
  })
})
