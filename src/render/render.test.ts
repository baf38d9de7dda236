import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Article } from '../domain/article'
import { sanitizeDocument } from '../lib/sanitize-html'
import { byteSize, renderEmail } from './render-email'
import type { RenderModel } from './render-model'
import { safeImageUrl } from './photo-html'
import { renderPrint } from './render-print'
import { renderText } from './render-text'
import { renderWeb } from './render-web'
import { seedRenderModel } from '../../tests/fixtures/render-model'

const original = readFileSync(
  resolve('mocks/seed/nachrichten-dezernat-soziales-2018-08.txt'),
  'utf8',
)
const originalLines = original
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line !== '')

/** The visible text of an HTML document as trimmed, non-empty lines in reading order. */
function htmlLines(html: string): string[] {
  const doc = new DOMParser().parseFromString(html, 'text/html')
  doc
    .querySelectorAll('style, title, [style*="display:none"]')
    .forEach((element) => element.remove())
  doc.querySelectorAll('br').forEach((br) => br.replaceWith('\n'))
  const lines: string[] = []
  doc.body.querySelectorAll('h1, h2, h3, h4, p, li').forEach((element) => {
    if (element.querySelector('p, li')) return
    lines.push(...(element.textContent ?? '').split('\n'))
  })
  return lines.map((line) => line.trim()).filter((line) => line !== '')
}

describe('Renderer', () => {
  it('die Textfassung gibt die versendete Ausgabe zeilengenau wieder', () => {
    const lines = renderText(seedRenderModel())
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '')
    expect(lines).toEqual(originalLines)
  })

  it.each([
    ['Web', renderWeb],
    ['E-Mail', renderEmail],
    ['Druck', renderPrint],
  ] as const)('%s gibt den Text der versendeten Ausgabe genau wieder', (_name, render) => {
    expect(htmlLines(sanitizeDocument(render(seedRenderModel())))).toEqual(originalLines)
  })

  it('die E-Mail ist 600 px breit, mit Layouttabellen, Bildgrößen, Alternativtexten und unter 102 KB', () => {
    const html = renderEmail(seedRenderModel())
    const doc = new DOMParser().parseFromString(sanitizeDocument(html), 'text/html')
    expect(doc.documentElement.lang).toBe('de')
    const tables = [...doc.querySelectorAll('table')]
    expect(tables.length).toBeGreaterThan(2)
    expect(tables.every((table) => table.getAttribute('role') === 'presentation')).toBe(true)
    expect(doc.querySelector('table.container')?.getAttribute('width')).toBe('600')
    const images = [...doc.querySelectorAll('img')]
    expect(images).toHaveLength(3)
    expect(images.map((img) => [img.getAttribute('width'), img.getAttribute('height')])).toEqual([
      ['536', '357'],
      ['536', '357'],
      ['536', '357'],
    ])
    expect(images[0]?.getAttribute('alt')).toMatch(/^Gruppenfoto/)
    expect(html).toContain(
      'Antrittsbesuch des Oberbürgermeisters im Dezernat Soziales · Beschlussvorlage',
    )
    expect(byteSize(html)).toBeLessThan(102 * 1024)
  })

  it('druckt einen eingetippten „Foto:“-Vorsatz nicht doppelt, in keinem Format', () => {
    const model = seedRenderModel()
    const first = model.articles.find((article) => article.photos.length > 0)!
    first.photos[0] = { ...first.photos[0]!, credit: 'Foto: Stadt Gera' }
    for (const output of [
      renderWeb(model),
      renderEmail(model),
      renderPrint(model),
      renderText(model),
    ]) {
      expect(output).toContain('Foto: Stadt Gera')
      expect(output).not.toMatch(/Foto: Foto:/)
    }
  })

  it('die Webseite nutzt Überschriften und figure/figcaption', () => {
    const doc = new DOMParser().parseFromString(renderWeb(seedRenderModel()), 'text/html')
    expect(doc.querySelectorAll('h1')).toHaveLength(1)
    expect(doc.querySelectorAll('main article > h2')).toHaveLength(10)
    expect(doc.querySelector('figure figcaption .credit')?.textContent).toBe(
      'Foto: Stadtverwaltung Gera (Steffen Weiß)',
    )
  })

  it('übernimmt die Layout-Einstellungen: Akzentfarbe, Schriften, Fotoplatzierung, Logo', () => {
    const model = seedRenderModel()
    const layout = {
      accentColor: '#8a1538',
      headingFont: 'serif',
      bodyFont: 'sans',
      photoPlacement: 'right',
      logoMediaId: 'logo',
    } as const
    const web = renderWeb(model, layout)
    expect(web).toContain('color: #8a1538')
    expect(web).toMatch(/h1, h2, h3, h4, h5 \{ font-family: Georgia/)
    expect(web).toContain('float: right')
    expect(web).toContain(
      '<img class="logo" src="https://rundbrief.example/api/media/logo/file" alt="Stadt Gera" height="64">',
    )
    const email = renderEmail(model, layout)
    expect(email).toContain(
      'src="https://rundbrief.example/api/media/logo/file" height="64" alt="Stadt Gera"',
    )
    expect(email).toContain('border-bottom:4px solid #8a1538')
    expect(renderWeb(model)).not.toContain('class="logo"')
  })

  it('zeigt „Ausgabe … · Erscheinungsdatum“ im Kopf nur, wenn die Gestaltung es wählt', () => {
    const model = seedRenderModel()
    const layout = { ...model.publication.layout, mastheadIssueLine: true }
    for (const output of [
      renderWeb(model, layout),
      renderEmail(model, layout),
      renderPrint(model, layout),
      renderText(model, layout),
    ]) {
      expect(output).toContain('Ausgabe August 2018 · 15. August 2018')
    }
    for (const output of [renderWeb(model), renderEmail(model), renderText(model)]) {
      expect(output).not.toContain('Ausgabe August 2018')
    }
  })

  it.each(['left', 'right'] as const)(
    'Fotos %s neben dem Text: Web und Druck setzen das Foto vor den Text, die E-Mail in eine eigene Spalte',
    (side) => {
      const model = seedRenderModel()
      const layout = { ...model.publication.layout, photoPlacement: side }
      for (const html of [renderWeb(model, layout), renderPrint(model, layout)]) {
        const doc = new DOMParser().parseFromString(sanitizeDocument(html), 'text/html')
        const article = [...doc.querySelectorAll('article')].find((a) => a.querySelector('figure'))
        expect(article?.children[1]?.tagName).toBe('FIGURE')
        expect(html).toContain(`float: ${side}`)
      }
      const email = new DOMParser().parseFromString(
        sanitizeDocument(renderEmail(model, layout)),
        'text/html',
      )
      const columns = email.querySelector('table.columns')
      expect(columns?.getAttribute('dir')).toBe(side === 'right' ? 'rtl' : null)
      const cells = [...(columns?.querySelectorAll(':scope > tbody > tr > td') ?? [])]
      expect(cells.map((cell) => cell.className)).toEqual([
        'column photo-column',
        'column text-column',
      ])
      expect(cells[0]?.querySelector('img')?.getAttribute('width')).toBe('232')
      expect(cells[1]?.textContent).toContain('Oberbürgermeister Julian Vonarb')
    },
  )

  it('bettet Fotos als data:-Adresse ein, aber keine anderen data:-Adressen', () => {
    const model = seedRenderModel()
    const embedded = 'data:image/jpeg;base64,/9j/4AAQSkZJRg=='
    const html = sanitizeDocument(renderWeb({ ...model, photoUrl: () => embedded }))
    expect(html).toContain(`src="${embedded}"`)
    const hostile = sanitizeDocument(
      renderWeb({ ...model, photoUrl: () => 'data:text/html;base64,PHNjcmlwdD4=' }),
    )
    expect(hostile).not.toContain('data:text/html')
  })

  it('das Druckbild setzt A4, Seitenzahlen und verbietet Trennungen von Foto und Bildunterschrift', () => {
    const html = renderPrint(seedRenderModel())
    expect(html).toContain('size: A4')
    expect(html).toContain('counter(page)')
    expect(html).toMatch(/figure \{ break-inside: avoid/)
    expect(html).toMatch(/h2 \{[^}]*break-after: avoid/)
  })
})

describe('Feindliche Inhalte', () => {
  const evil = '<script>alert(1)</script><img src=x onerror=alert(2)><svg onload=alert(3)>'
  function hostileModel(): RenderModel {
    const model = seedRenderModel()
    const first = model.articles[0]!
    const hostile: Article = {
      ...first,
      headline: `Titel ${evil}`,
      body: {
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: evil },
              {
                type: 'text',
                text: 'Link',
                marks: [{ type: 'link', attrs: { href: 'javascript:alert(4)' } }],
              },
              {
                type: 'text',
                text: 'Daten',
                marks: [
                  { type: 'link', attrs: { href: 'data:text/html,<script>alert(5)</script>' } },
                ],
              },
            ],
          },
        ],
      },
      photos: [
        {
          mediaId: 'x" onerror="alert(6)',
          caption: `"><script>alert(7)</script>`,
          credit: "' onmouseover='alert(8)",
          alt: '"><img src=x onerror=alert(9)>',
          decorative: false,
        },
      ],
    }
    return {
      ...model,
      publication: {
        ...model.publication,
        title: '</style><script>alert(10)</script>',
        unsubscribeText: 'javascript:alert(11)',
      },
      articles: [hostile],
      photoUrl: (id) =>
        id.startsWith('x') ? 'javascript:alert(12)' : `https://rundbrief.example/${id}`,
    }
  }

  it.each([
    [
      'Web',
      (model: RenderModel) =>
        renderWeb(model, {
          accentColor: 'red;background:url(javascript:alert(13))',
          headingFont: 'sans',
          bodyFont: 'serif',
          photoPlacement: 'left',
          logoMediaId: 'x" onerror="alert(15)',
        }),
    ],
    [
      'E-Mail',
      (model: RenderModel) =>
        renderEmail(model, {
          accentColor: 'expression(alert(14))',
          headingFont: 'serif',
          bodyFont: 'sans',
          photoPlacement: 'full',
          logoMediaId: 'x-logo',
        }),
    ],
    ['Druck', (model: RenderModel) => renderPrint(model)],
  ] as const)('%s: nichts Ausführbares erreicht die Ausgabe', (_name, render) => {
    const html = sanitizeDocument(render(hostileModel()))
    expect(html).not.toMatch(
      /<script|<svg|<iframe|<img[^>]+onerror|(?:href|src)="(?:javascript|data):|expression\(/i,
    )
    const doc = new DOMParser().parseFromString(html, 'text/html')
    expect(doc.querySelectorAll('script, svg, iframe')).toHaveLength(0)
    expect(
      [...doc.querySelectorAll('*')]
        .flatMap((element) => element.getAttributeNames())
        .filter((name) => name.startsWith('on')),
    ).toEqual([])
    expect([...doc.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([])
    expect(doc.body.textContent).toContain('<script>alert(1)</script>')
  })

  it('die Textfassung nennt nur erlaubte Linkziele', () => {
    const text = renderText(hostileModel())
    expect(text).toContain('Link')
    expect(text).not.toMatch(/<javascript:|<data:/)
  })
})

describe('cid:-Adressen', () => {
  const mail =
    '<body><img src="cid:bild-1@rundbrief"><a href="cid:bild-1@rundbrief">Bild</a></body>'
  const sources = (html: string) =>
    [...new DOMParser().parseFromString(html, 'text/html').querySelectorAll('img, a')].map(
      (element) => element.getAttribute('src') ?? element.getAttribute('href'),
    )

  it('entfernt der Sanitizer der Vorschau und der Downloads (die .eml rendert der Server)', () => {
    expect(sources(sanitizeDocument(mail))).toEqual([null, null])
  })

  it('der Renderer nimmt sie nicht als Bildadresse', () => {
    expect(safeImageUrl('cid:bild-1@rundbrief')).toBeNull()
  })
})
