import { Packer } from 'docx'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { articlesWithCommentAnchors } from '../../tests/fixtures/comment-anchors'
import { tinyJpeg } from '../../tests/fixtures/images'
import { seedRenderModel } from '../../tests/fixtures/render-model'
import { commentAnchorTexts, withoutCommentAnchors } from '../domain/comment-anchor'
import { richTextDocSchema, type RichTextDoc } from '../domain/rich-text'
import { sanitizeDocument } from '../lib/sanitize-html'
import type { EmbeddedImage } from './embedded-image'
import { renderArchivePage } from './render-archive'
import { renderDocx } from './render-docx'
import { renderEmail } from './render-email'
import { renderEml } from './render-eml'
import type { RenderModel } from './render-model'
import { renderPrint } from './render-print'
import { renderText } from './render-text'
import { renderWeb } from './render-web'

const seed = seedRenderModel()
const [firstArticle] = seed.articles
if (!firstArticle) throw new Error('Die Demo-Ausgabe hat keine Beiträge.')
/** Formatting that anchors split: bold, italic, a link, a list, a quote and a subheading. */
const formattedBody: RichTextDoc = {
  type: 'doc',
  content: [
    {
      type: 'heading',
      attrs: { level: 2 },
      content: [{ type: 'text', text: 'Termine im September' }],
    },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Das Sommerfest der ' },
        { type: 'text', text: 'Gemeinschaftsunterkunft', marks: [{ type: 'bold' }] },
        { type: 'text', text: ' beginnt ' },
        {
          type: 'text',
          text: 'pünktlich um 15 Uhr',
          marks: [{ type: 'bold' }, { type: 'italic' }],
        },
        { type: 'text', text: ', mehr unter ' },
        {
          type: 'text',
          text: 'www.gera.de/sommerfest',
          marks: [{ type: 'link', attrs: { href: 'https://www.gera.de/sommerfest' } }],
        },
        { type: 'hardBreak' },
        { type: 'text', text: 'und in der Bürgerzeitung.', marks: [{ type: 'underline' }] },
      ],
    },
    {
      type: 'bulletList',
      content: [
        {
          type: 'listItem',
          content: [
            {
              type: 'paragraph',
              content: [
                { type: 'text', text: 'Kulinarische Spezialitäten', marks: [{ type: 'italic' }] },
              ],
            },
          ],
        },
      ],
    },
    {
      type: 'blockquote',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Alle sind herzlich eingeladen.' }] },
      ],
    },
  ],
}
const plain: RenderModel = {
  ...seed,
  articles: [...seed.articles, { ...firstArticle, id: 'formatiert', body: formattedBody }],
}
const anchored: RenderModel = { ...plain, articles: articlesWithCommentAnchors(plain.articles) }
const links = {
  overviewUrl: 'https://rundbrief.gera.de/archiv',
  rssUrl: 'https://rundbrief.gera.de/archiv/rss.xml',
  atomUrl: 'https://rundbrief.gera.de/archiv/atom.xml',
}
const delivery = {
  archiveUrl: 'https://rundbrief.gera.de/archiv/2018-08',
  unsubscribeUrl: 'https://rundbrief.gera.de/abmelden/x',
}
const traces = /data-comment-thread|comment-anchor|commentAnchor/i

const renderers: [string, (model: RenderModel) => string][] = [
  ['Web', (model) => renderWeb(model)],
  ['Druck', (model) => renderPrint(model)],
  ['E-Mail (HTML)', (model) => renderEmail(model, undefined, delivery)],
  ['E-Mail (Text)', (model) => renderText(model, undefined, delivery)],
  ['Archivseite', (model) => renderArchivePage(model, links)],
  ['Vorschau und HTML-Download (bereinigt)', (model) => sanitizeDocument(renderWeb(model))],
  ['E-Mail-Download (bereinigt)', (model) => sanitizeDocument(renderEmail(model))],
  [
    'Outlook-Entwurf (.eml)',
    (model) =>
      renderEml({
        subject: 'Rundbrief August 2018',
        html: renderEmail(model, undefined, delivery),
        text: renderText(model, undefined, delivery),
        date: new Date('2018-08-15T08:00:00Z'),
        uniqueId: 'fest',
      }),
  ],
]

/** Every part of a .docx (a zip) by name, as text. */
async function docxParts(model: RenderModel): Promise<Record<string, string>> {
  const photo: EmbeddedImage = { mimeType: 'image/jpeg', bytes: tinyJpeg(), width: 3, height: 2 }
  const images = new Map(
    model.articles.flatMap((article) => article.photos.map((p) => [p.mediaId, photo] as const)),
  )
  const zip = await JSZip.loadAsync(await Packer.toBuffer(renderDocx(model, undefined, images)))
  const parts: Record<string, string> = {}
  for (const [name, file] of Object.entries(zip.files)) {
    // the package's creation and change time is the moment of packing
    if (name !== 'docProps/core.xml') parts[name] = await file.async('string')
  }
  // the docx library names each link's relationship at random: number them in order instead
  const relationships = parts['word/_rels/document.xml.rels'] ?? ''
  const linkIds = [...relationships.matchAll(/Id="([^"]+)" Type="[^"]*\/hyperlink"/g)].map(
    (match) => match[1] ?? '',
  )
  expect(linkIds.length).toBeGreaterThan(0)
  return Object.fromEntries(
    Object.entries(parts).map(([name, text]) => [
      name,
      linkIds.reduce((result, id, index) => result.replaceAll(`"${id}"`, `"link${index}"`), text),
    ]),
  )
}

describe('Kommentar-Anker erreichen keine Ausgabe', () => {
  it('die Beiträge der Probe tragen viele, sich überlappende Anker über Formatierungen hinweg', () => {
    const bodies = anchored.articles.map((article) => article.body)
    for (const body of bodies) expect(richTextDocSchema.safeParse(body).success).toBe(true)
    const threads = bodies.flatMap((body) => [...commentAnchorTexts(body).keys()])
    expect(threads.length).toBeGreaterThan(20)
    expect(bodies.map(withoutCommentAnchors)).toEqual(plain.articles.map((a) => a.body))
  })

  it.each(renderers)('%s: dieselben Bytes mit und ohne Anker, keine Spur davon', (_, render) => {
    const withAnchors = render(anchored)
    expect(withAnchors).toBe(render(plain))
    expect(withAnchors).not.toMatch(traces)
  })

  it('Word-Dokument (.docx): dieselben Teile mit und ohne Anker, keine Spur davon', async () => {
    const withAnchors = await docxParts(anchored)
    expect(withAnchors).toEqual(await docxParts(plain))
    expect(Object.values(withAnchors).join('\n')).not.toMatch(traces)
  })
})
