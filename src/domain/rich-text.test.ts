import { describe, expect, it } from 'vitest'
import {
  docFromParagraphs,
  isAllowedHref,
  maxRichTextDepth,
  nestsDeeperThan,
  normaliseHref,
  plainText,
  richTextDocSchema,
  richTextTooDeepMessage,
} from './rich-text'

/** A body of `levels` blockquotes inside each other: depth `levels + 2` with paragraph and text. */
function nestedQuotes(levels: number): unknown {
  let block: unknown = { type: 'paragraph', content: [{ type: 'text', text: 'innen' }] }
  for (let level = 0; level < levels; level++) block = { type: 'blockquote', content: [block] }
  return { type: 'doc', content: [block] }
}

describe('Beitragstext als Tiptap-JSON', () => {
  it('nimmt Absätze, Listen, Zitate, Zwischenüberschriften und Links an', () => {
    const doc = {
      type: 'doc',
      content: [
        {
          type: 'heading',
          attrs: { level: 2 },
          content: [{ type: 'text', text: 'Zwischentitel' }],
        },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'fett', marks: [{ type: 'bold' }, { type: 'italic' }] },
            { type: 'hardBreak' },
            {
              type: 'text',
              text: 'Mail',
              marks: [
                {
                  type: 'link',
                  attrs: { href: 'mailto:jugend.soziales@gera.de', target: '_blank' },
                },
              ],
            },
          ],
        },
        {
          type: 'bulletList',
          content: [
            {
              type: 'listItem',
              content: [{ type: 'paragraph', content: [{ type: 'text', text: 'eins' }] }],
            },
          ],
        },
        {
          type: 'blockquote',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Zitat' }] }],
        },
      ],
    }
    expect(richTextDocSchema.safeParse(doc).success).toBe(true)
    expect(plainText(richTextDocSchema.parse(doc))).toBe(
      'Zwischentitel\n\nfett\nMail\n\neins\n\nZitat',
    )
  })

  it.each([
    ['unbekannter Knoten', { type: 'doc', content: [{ type: 'script', text: 'x' }] }],
    ['Bild als Knoten', { type: 'doc', content: [{ type: 'image', attrs: { src: 'data:x' } }] }],
    [
      'Ereignis-Attribut',
      { type: 'doc', content: [{ type: 'paragraph', attrs: { onclick: 'x' } }] },
    ],
    ['Überschrift Ebene 1', { type: 'doc', content: [{ type: 'heading', attrs: { level: 1 } }] }],
    [
      'javascript:-Link',
      {
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [
              {
                type: 'text',
                text: 'x',
                marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }],
              },
            ],
          },
        ],
      },
    ],
    [
      'leerer Textknoten',
      { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '' }] }] },
    ],
  ])('lehnt ab: %s', (_name, doc) => {
    expect(richTextDocSchema.safeParse(doc).success).toBe(false)
  })

  it('erlaubt nur http, https und mailto', () => {
    expect(isAllowedHref('https://www.gera.de')).toBe(true)
    expect(isAllowedHref('mailto:a@b.de')).toBe(true)
    for (const href of [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'data:text/html,x',
      'vbscript:x',
      '/relativ',
      'ftp://x',
    ]) {
      expect(isAllowedHref(href), href).toBe(false)
    }
  })

  it('ergänzt bei Links ohne Protokoll https:// oder mailto:', () => {
    expect(normaliseHref(' www.gera.de ')).toBe('https://www.gera.de')
    expect(normaliseHref('sozialamt@gera.de')).toBe('mailto:sozialamt@gera.de')
    expect(normaliseHref('http://gera.de')).toBe('http://gera.de')
    expect(normaliseHref('mailto:a@b.de')).toBe('mailto:a@b.de')
  })

  it('baut Absätze aus Text', () => {
    expect(docFromParagraphs(['a', '', 'b']).content).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: 'a' }] },
      { type: 'paragraph' },
      { type: 'paragraph', content: [{ type: 'text', text: 'b' }] },
    ])
  })

  it('nimmt verschachtelte Listen und Zitate bis zur Tiefengrenze an', () => {
    expect(richTextDocSchema.safeParse(nestedQuotes(maxRichTextDepth - 2)).success).toBe(true)
  })

  it.each([maxRichTextDepth - 1, 700, 100_000])(
    'lehnt %i verschachtelte Zitate mit deutscher Meldung ab, ohne den Stack zu sprengen',
    (levels) => {
      const result = richTextDocSchema.safeParse(nestedQuotes(levels))
      expect(result.success).toBe(false)
      expect(result.error?.issues.map((issue) => issue.message)).toEqual([richTextTooDeepMessage])
    },
  )

  it('misst die Tiefe über die content-Listen', () => {
    const list = (inner: unknown) => ({
      type: 'bulletList',
      content: [{ type: 'listItem', content: [inner] }],
    })
    const doc = { type: 'doc', content: [list(list({ type: 'paragraph' }))] }
    expect(nestsDeeperThan(doc, 5)).toBe(false)
    expect(nestsDeeperThan(doc, 4)).toBe(true)
    expect(nestsDeeperThan('kein Objekt', 0)).toBe(false)
  })
})
