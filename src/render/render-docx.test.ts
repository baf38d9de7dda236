import { Packer } from 'docx'
import mammoth from 'mammoth'
import { describe, expect, it } from 'vitest'
import { tinyJpeg } from '../../tests/fixtures/images'
import type { Article } from '../domain/article'
import type { EmbeddedImage } from './embedded-image'
import { renderDocx } from './render-docx'
import { seedRenderModel } from '../../tests/fixtures/render-model'

const formatted: Article['body'] = {
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Ein ' },
        { type: 'text', text: 'fetter', marks: [{ type: 'bold' }] },
        { type: 'text', text: ' und ein ' },
        { type: 'text', text: 'kursiver', marks: [{ type: 'italic' }] },
        { type: 'text', text: ' Satz mit ' },
        {
          type: 'text',
          text: 'Link',
          marks: [{ type: 'link', attrs: { href: 'https://www.gera.de/' } }],
        },
        { type: 'text', text: '.' },
      ],
    },
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Termine' }] },
    {
      type: 'bulletList',
      content: [
        {
          type: 'listItem',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Armutsprävention' }] }],
        },
        {
          type: 'listItem',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Wohnen im Alter' }] }],
        },
      ],
    },
    {
      type: 'orderedList',
      content: [
        {
          type: 'listItem',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Erster Schritt' }] }],
        },
        {
          type: 'listItem',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Zweiter Schritt' }] }],
        },
      ],
    },
  ],
}

describe('Word-Dokument (.docx)', () => {
  it('enthält Kopf, Beiträge mit Formatierung, Listen, Fotos mit Nachweis und Unterschrift und das Impressum', async () => {
    const model = seedRenderModel()
    const first = model.articles[0]!
    model.articles[0] = { ...first, body: formatted }
    const photos = model.articles.flatMap((article) => article.photos)
    expect(photos.length).toBeGreaterThan(0)
    const image: EmbeddedImage = {
      mimeType: 'image/jpeg',
      bytes: tinyJpeg(),
      width: 3,
      height: 2,
    }
    const images = new Map(photos.map((photo) => [photo.mediaId, image]))

    const buffer = await Packer.toBuffer(
      renderDocx(model, { ...model.publication.layout, mastheadIssueLine: false }, images),
    )
    const { value: html } = await mammoth.convertToHtml({ buffer })
    const doc = new DOMParser().parseFromString(html, 'text/html')
    const texts = (selector: string) =>
      [...doc.querySelectorAll(selector)].map((element) => element.textContent?.trim())

    expect(texts('p')[0]).toBe('Kommunale Sozialplanung und Integrationsmanagement')
    expect(texts('h1')).toEqual([...model.articles.map((article) => article.headline), 'Impressum'])
    expect(texts('p')).toContain('- Nachrichten aus dem Dezernat Soziales -')
    expect(texts('p')).toContain('Ausgabe August 2018 · 15. August 2018')
    expect(texts('h2')).toContain('Termine')
    expect(texts('strong')).toContain('fetter')
    expect(doc.querySelector('em')?.textContent).toBe('kursiver')
    expect(doc.querySelector('a[href="https://www.gera.de/"]')?.textContent).toBe('Link')
    expect(texts('ul > li')).toEqual(['Armutsprävention', 'Wohnen im Alter'])
    expect(texts('ol > li')).toEqual(['Erster Schritt', 'Zweiter Schritt'])

    const withPhoto = photos[0]!
    expect(texts('p')).toContain(`Foto: ${withPhoto.credit}`)
    expect(texts('p')).toContain(withPhoto.caption)
    const embedded = [...doc.querySelectorAll('img')]
    expect(embedded).toHaveLength(photos.length)
    expect(embedded.every((img) => img.getAttribute('src')?.startsWith('data:image/jpeg'))).toBe(
      true,
    )
    expect(embedded[0]?.getAttribute('alt')).toBe(withPhoto.alt)

    expect(html).toContain('Redaktionsschluss: 13. August 2018')
    expect(texts('p')).toContain(model.publication.unsubscribeText)
    expect(html.indexOf('Antrittsbesuch')).toBeLessThan(html.indexOf('Impressum'))
  })
})
