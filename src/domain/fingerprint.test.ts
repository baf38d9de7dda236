import { describe, expect, it } from 'vitest'
import { articlesWithCommentAnchors } from '../../tests/fixtures/comment-anchors'
import { createSeedState } from '../../mocks/seed/august-2018'
import type { Article } from './article'
import { canonicalJson } from './canonical-json'
import { approvedContent, contentFingerprint } from './fingerprint'
import { docFromParagraphs } from './rich-text'

const article = (id: string, text: string): Article => ({
  id,
  headline: `Überschrift ${id}`,
  body: docFromParagraphs([text]),
  photos: [
    { mediaId: 'm', caption: 'c', credit: 'Stadtverwaltung Gera', alt: 'a', decorative: false },
  ],
  authorId: 'u',
  status: 'ready',
  issueId: 'i',
  version: 1,
  createdAt: '2018-08-01T00:00:00.000Z',
  updatedAt: '2018-08-01T00:00:00.000Z',
  updatedBy: 'u',
})

describe('Fingerabdruck des freigegebenen Inhalts', () => {
  it('ordnet Schlüssel stabil', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: undefined }] })).toBe('{"a":[{"d":2}],"b":1}')
  })

  it('ist gleich für gleichen Inhalt und ändert sich mit Reihenfolge, Text und Fotonachweis', async () => {
    const a = article('a', 'eins')
    const b = article('b', 'zwei')
    const base = await contentFingerprint({ id: 'i', articleIds: ['a', 'b'] }, [a, b])
    expect(base).toMatch(/^[0-9a-f]{64}$/)
    expect(
      await contentFingerprint({ id: 'i', articleIds: ['a', 'b'] }, [b, { ...a, version: 7 }]),
    ).toBe(base)
    expect(await contentFingerprint({ id: 'i', articleIds: ['b', 'a'] }, [a, b])).not.toBe(base)
    expect(
      await contentFingerprint({ id: 'i', articleIds: ['a', 'b'] }, [article('a', 'eins!'), b]),
    ).not.toBe(base)
    const otherCredit = { ...a, photos: [{ ...a.photos[0]!, credit: 'OTEGAU GmbH' }] }
    expect(
      await contentFingerprint({ id: 'i', articleIds: ['a', 'b'] }, [otherCredit, b]),
    ).not.toBe(base)
  })

  it('übersieht Kommentar-Anker: gleicher Fingerabdruck, keine Anker in der freigegebenen Fassung', async () => {
    const { issues, articles: stored } = createSeedState()
    const issue = issues[0]!
    const articles = stored.map((article) => ({ ...article, issueId: issue.id }))
    const commented = articlesWithCommentAnchors(articles)
    expect(JSON.stringify(commented)).toContain('commentAnchor')
    expect(canonicalJson(approvedContent(issue, commented))).toBe(
      canonicalJson(approvedContent(issue, articles)),
    )
    expect(JSON.stringify(approvedContent(issue, commented))).not.toMatch(/commentAnchor/)
    expect(await contentFingerprint(issue, commented)).toBe(
      await contentFingerprint(issue, articles),
    )
    // bodies without anchors go in unchanged, however their text is split
    const split = {
      ...articles[0]!,
      body: {
        type: 'doc' as const,
        content: [
          {
            type: 'paragraph' as const,
            content: [
              { type: 'text' as const, text: 'ge', marks: [] },
              { type: 'text' as const, text: 'teilt' },
            ],
          },
        ],
      },
    }
    expect(
      approvedContent({ id: issue.id, articleIds: [split.id] }, [split]).articles[0]?.body,
    ).toBe(split.body)
  })
})
