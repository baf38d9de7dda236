import { describe, expect, it } from 'vitest'
import { docFromParagraphs, isAllowedHref, plainText, richTextDocSchema } from './rich-text'

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

  it('baut Absätze aus Text', () => {
    expect(docFromParagraphs(['a', '', 'b']).content).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: 'a' }] },
      { type: 'paragraph' },
      { type: 'paragraph', content: [{ type: 'text', text: 'b' }] },
    ])
  })
})
