import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { blockTexts } from '../../src/domain/rich-text'
import { sniffImage } from '../../src/server/image-sniff'
import { createSeedMedia, createSeedState } from './august-2018'
import { sharpImagePort } from '../../src/server/node/sharp-image-port'
import type { ImagePort } from '../../src/server/image-port'
import { MemoryStore } from '../memory-store'

const original = readFileSync(
  new URL('./nachrichten-dezernat-soziales-2018-08.txt', import.meta.url),
  'utf8',
)

describe('Demo-Daten August 2018', () => {
  it('enthalten jede Zeile der versendeten Ausgabe wörtlich und in Reihenfolge', () => {
    const state = createSeedState()
    const [issue] = state.issues
    const byId = new Map(state.articles.map((article) => [article.id, article]))
    const lines = issue!.articleIds.flatMap((id) => {
      const article = byId.get(id)!
      return [
        article.headline,
        ...blockTexts(article.body),
        ...article.photos.flatMap((photo) =>
          [`Foto: ${photo.credit}`, photo.caption].filter((line) => line !== ''),
        ),
      ]
    })
    const originalBody = original
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '')
    const start = originalBody.indexOf('- Nachrichten aus dem Dezernat Soziales -') + 1
    const end = originalBody.indexOf('Impressum')
    expect(lines).toEqual(originalBody.slice(start, end))
    expect(lines).toHaveLength(29)
  })

  it('tragen das Impressum und den Redaktionsschluss der Vorlage', () => {
    const { publication, issues } = createSeedState()
    const impressum = publication.impressum
    for (const text of [
      impressum.publisher,
      impressum.department,
      impressum.street,
      impressum.postalCodeCity,
      `Tel. ${impressum.phone} | E-Mail: ${impressum.email}`,
      `Redaktion: ${impressum.editorialStaff}`,
      `Verantwortlich: ${impressum.responsibleName}, ${impressum.responsibleFunction}`,
      publication.unsubscribeText,
    ]) {
      expect(original).toContain(text)
    }
    expect(issues[0]?.deadline).toBe('2018-08-13T10:00:00.000Z')
  })

  it('erzeugen gültige Platzhalterfotos', async () => {
    const state = createSeedState()
    const bytes = await createSeedMedia(state, sharpImagePort)
    expect(state.media).toHaveLength(3)
    for (const media of state.media) {
      expect(sniffImage(bytes.get(media.id)!)).toEqual({
        mimeType: 'image/png',
        width: 960,
        height: 640,
      })
      expect(media.byteSize).toBe(bytes.get(media.id)!.byteLength)
    }
    const sizes = (state.mediaVariants ?? []).map(({ mediaId, name, width, height }) => ({
      key: `${mediaId}/${name}`,
      name,
      width,
      height,
    }))
    expect(sizes).toHaveLength(12)
    for (const { key, name, width, height } of sizes) {
      expect(sniffImage(bytes.get(key)!)).toEqual({ mimeType: 'image/jpeg', width, height })
      expect({ width, height }).toEqual(
        name === 'email' ? { width: 600, height: 400 } : { width: 960, height: 640 },
      )
    }
  })
})

/** A fresh image port (the seed remembers variants per port) that counts the photos it is given. */
function countingPort() {
  const calls = { count: 0 }
  const port: ImagePort = {
    makeVariants: (bytes, mimeType) => {
      calls.count++
      return sharpImagePort.makeVariants(bytes, mimeType)
    },
  }
  return { port, calls }
}

describe('seed photos on a reset of the demo', () => {
  it('take the variants the demo data already has instead of making them again', async () => {
    const first = countingPort()
    const before = createSeedState()
    const beforeBytes = await createSeedMedia(before, first.port)
    const photos = before.media.length
    expect(first.calls.count).toBe(photos)
    const current = new MemoryStore(before, beforeBytes)

    const reset = countingPort()
    const after = createSeedState()
    const afterBytes = await createSeedMedia(after, reset.port, (id) => current.variantsOf(id))
    expect(reset.calls.count).toBe(0)
    expect(after.mediaVariants).toEqual(before.mediaVariants)
    expect([...afterBytes.keys()].sort()).toEqual([...beforeBytes.keys()].sort())
  })

  it('make the variants of a photo whose variants are not all there', async () => {
    const first = countingPort()
    const before = createSeedState()
    const current = new MemoryStore(before, await createSeedMedia(before, first.port))
    const [missing] = before.media
    const reset = countingPort()
    const after = createSeedState()
    await createSeedMedia(after, reset.port, (id) =>
      id === missing?.id ? current.variantsOf(id).slice(1) : current.variantsOf(id),
    )
    expect(reset.calls.count).toBe(1)
    expect(after.mediaVariants).toEqual(before.mediaVariants)
  })
})
