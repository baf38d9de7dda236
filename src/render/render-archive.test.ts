import { describe, expect, it } from 'vitest'
import type { Article } from '../domain/article'
import { seedRenderModel } from '../../tests/fixtures/render-model'
import { renderArchiveOverview, renderArchivePage, type ArchiveLinks } from './render-archive'
import { renderEmail } from './render-email'
import { renderText } from './render-text'

const links: ArchiveLinks = {
  overviewUrl: 'https://rundbrief.gera.de/archiv',
  rssUrl: 'https://rundbrief.gera.de/archiv/rss.xml',
  atomUrl: 'https://rundbrief.gera.de/archiv/atom.xml',
}

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html')
const headingLevels = (doc: Document) =>
  [...doc.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((heading) => Number(heading.tagName[1]))

/** An article with a subheading, a dangerous link and markup in its headline. */
const trickyArticle = (base: Article): Article => ({
  ...base,
  id: 'heikel',
  headline: 'Schwarz <script>alert(1)</script> & Weiß',
  body: {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Zwischentitel' }] },
      {
        type: 'paragraph',
        content: [
          {
            type: 'text',
            text: 'Klick',
            marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }],
          },
        ],
      },
    ],
  },
  photos: [],
})

describe('Archivseite', () => {
  it('ist ein vollständiges deutsches Dokument ohne Skript, Überschriften in Reihenfolge', () => {
    const model = seedRenderModel('https://rundbrief.gera.de')
    const first = model.articles[0]
    if (!first) throw new Error('Keine Beiträge')
    model.articles = [...model.articles, trickyArticle(first)]
    const html = renderArchivePage(model, links)
    const doc = parse(html)
    expect(doc.documentElement.lang).toBe('de')
    expect(doc.title).toBe(
      'Kommunale Sozialplanung und Integrationsmanagement – Ausgabe August 2018',
    )
    expect(doc.querySelector('meta[name="viewport"]')).not.toBeNull()
    expect(doc.querySelectorAll('script')).toHaveLength(0)
    expect(html).not.toMatch(/javascript:|<script/i)
    expect(doc.querySelectorAll('style')).toHaveLength(1)
    const levels = headingLevels(doc)
    expect(levels[0]).toBe(1)
    expect(levels.filter((level) => level === 1)).toHaveLength(1)
    levels.slice(1).forEach((level, index) => {
      expect(level - (levels[index] ?? 1), `Überschrift ${index + 2}`).toBeLessThanOrEqual(1)
    })
    const tricky = [...doc.querySelectorAll('h2')].find((h) => h.textContent?.includes('Schwarz'))
    expect(tricky?.textContent).toBe('Schwarz <script>alert(1)</script> & Weiß')
    expect(tricky?.nextElementSibling?.tagName).toBe('H3')
    expect(doc.querySelector(`a[href="${links.overviewUrl}"]`)?.textContent).toBe(
      'Alle Ausgaben im Archiv',
    )
    expect(doc.querySelector(`link[rel="alternate"][href="${links.rssUrl}"]`)).not.toBeNull()
    const figures = [...doc.querySelectorAll('figure')]
    expect(figures.length).toBeGreaterThan(0)
    expect(figures.some((figure) => /^Foto: /.test(figure.textContent ?? ''))).toBe(true)
    for (const image of doc.querySelectorAll('img')) {
      expect(image.getAttribute('src')).toMatch(/^https:\/\/rundbrief\.gera\.de\//)
      expect(image.getAttribute('height')).not.toBeNull()
    }
    expect(doc.querySelector('footer h2')?.textContent).toBe('Impressum')
  })

  it('ist für dieselben Daten Byte für Byte dieselbe', () => {
    const model = seedRenderModel('https://rundbrief.gera.de')
    expect(renderArchivePage(model, links)).toBe(renderArchivePage(model, links))
  })
})

describe('Übersicht des Archivs', () => {
  const { publication } = seedRenderModel()
  const item = (slug: string, label: string, headlines: string[]) => ({
    slug,
    label,
    plannedSendDate: `${slug.slice(0, 7)}-15`,
    publishedAt: `${slug.slice(0, 7)}-15T08:00:00.000Z`,
    headlines,
    url: `https://rundbrief.gera.de/archiv/${slug}`,
  })

  it('listet die Ausgaben in der gegebenen Reihenfolge mit Schlagzeilen und Feeds', () => {
    const doc = parse(
      renderArchiveOverview(
        {
          items: [
            item('2018-09', 'September 2018', ['Neues <b>aus</b> Gera']),
            item('2018-08', 'August 2018', ['Antrittsbesuch', 'OTEGAU']),
          ],
        },
        publication,
        links,
      ),
    )
    expect(doc.documentElement.lang).toBe('de')
    expect(doc.querySelectorAll('script')).toHaveLength(0)
    expect(headingLevels(doc)).toEqual([1, 2, 3, 3])
    expect([...doc.querySelectorAll('.issue h3 a')].map((a) => a.getAttribute('href'))).toEqual([
      'https://rundbrief.gera.de/archiv/2018-09',
      'https://rundbrief.gera.de/archiv/2018-08',
    ])
    expect(doc.querySelector('.headlines li')?.textContent).toBe('Neues <b>aus</b> Gera')
    expect(doc.querySelector(`.feeds a[href="${links.atomUrl}"]`)?.textContent).toBe('Atom')
  })

  it('sagt, wenn noch nichts im Archiv ist', () => {
    const html = renderArchiveOverview({ items: [] }, publication, links)
    expect(html).toContain('Es ist noch keine Ausgabe im Archiv.')
  })
})

describe('„Im Browser ansehen“ in der E-Mail', () => {
  const archiveUrl = 'https://rundbrief.gera.de/archiv/2018-08'

  it('steht oben in HTML und Text, nur wenn eine Adresse gegeben ist', () => {
    const model = seedRenderModel()
    const html = renderEmail(model, undefined, { archiveUrl })
    const link = parse(html).querySelector(`a[href="${archiveUrl}"]`)
    expect(link?.textContent).toBe('Im Browser ansehen')
    expect(html.indexOf(archiveUrl)).toBeLessThan(html.indexOf('<h1'))
    expect(renderText(model, undefined, { archiveUrl }).split('\n')[0]).toBe(
      `Im Browser ansehen: ${archiveUrl}`,
    )
    expect(renderEmail(model)).not.toContain('Im Browser ansehen')
    expect(renderText(model)).not.toContain('Im Browser ansehen')
  })
})
