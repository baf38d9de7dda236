import { describe, expect, it } from 'vitest'
import { articlesWithCommentAnchors } from '../../tests/fixtures/comment-anchors'
import { createSeedState } from '../../mocks/seed/august-2018'
import type { Article } from './article'
import { canonicalJson } from './canonical-json'
import { approvedContent, contentFingerprint, publicationOfIssue } from './fingerprint'
import type { Issue } from './issue'
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

const facts = (articleIds: string[]) => ({
  id: 'i',
  articleIds,
  label: 'August 2018',
  deadline: '2018-08-13T10:00:00.000Z',
  plannedSendDate: '2018-08-15',
})

describe('Fingerabdruck des freigegebenen Inhalts', () => {
  it('ordnet Schlüssel stabil', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: undefined }] })).toBe('{"a":[{"d":2}],"b":1}')
  })

  it('ist gleich für gleichen Inhalt und ändert sich mit Reihenfolge, Text und Fotonachweis', async () => {
    const a = article('a', 'eins')
    const b = article('b', 'zwei')
    const base = await contentFingerprint(facts(['a', 'b']), [a, b])
    expect(base).toMatch(/^[0-9a-f]{64}$/)
    expect(await contentFingerprint(facts(['a', 'b']), [b, { ...a, version: 7 }])).toBe(base)
    expect(await contentFingerprint(facts(['b', 'a']), [a, b])).not.toBe(base)
    expect(await contentFingerprint(facts(['a', 'b']), [article('a', 'eins!'), b])).not.toBe(base)
    const otherCredit = { ...a, photos: [{ ...a.photos[0]!, credit: 'OTEGAU GmbH' }] }
    expect(await contentFingerprint(facts(['a', 'b']), [otherCredit, b])).not.toBe(base)
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
    expect(approvedContent({ ...issue, articleIds: [split.id] }, [split]).articles[0]?.body).toBe(
      split.body,
    )
  })

  describe('Kopf, Impressum und Layout', () => {
    const { issues, articles: stored, publication } = createSeedState()
    const issue = issues[0]!
    const articles = stored.map((article) => ({ ...article, issueId: issue.id }))

    it('gehören zum Fingerabdruck; ohne sie bleibt er, wie ihn frühere Freigaben haben', async () => {
      const base = await contentFingerprint(issue, articles, publication)
      const other = (change: Partial<typeof publication>) =>
        contentFingerprint(issue, articles, { ...publication, ...change })
      expect(await other({ layout: { ...publication.layout, accentColor: '#8a1538' } })).not.toBe(
        base,
      )
      expect(
        await other({ impressum: { ...publication.impressum, phone: '0365/838-9999' } }),
      ).not.toBe(base)
      expect(await other({ subtitle: 'Anderer Untertitel' })).not.toBe(base)
      // what the outputs show of the issue itself: the label and the Redaktionsschluss always,
      // the Erscheinungsdatum only when the masthead names it
      const print = (changes: object, line = false) =>
        contentFingerprint({ ...issue, ...changes }, articles, {
          ...publication,
          layout: { ...publication.layout, mastheadIssueLine: line },
        })
      expect(await print({})).toBe(base)
      expect(await print({ label: 'August 2018 (neu)' })).not.toBe(base)
      expect(await print({ deadline: '2018-08-14T10:00:00.000Z' })).not.toBe(base)
      expect(await print({ plannedSendDate: '2018-08-20' })).toBe(base)
      expect(await print({ plannedSendDate: '2018-08-20' }, true)).not.toBe(await print({}, true))
      // the word limit only guides the editor, and the version is not content
      expect(await other({ articleWordLimit: 999, version: 42 })).toBe(base)
      // without the settings: the print of approvals given before they were covered
      const legacy = await contentFingerprint(issue, articles)
      expect(legacy).not.toBe(base)
      expect(canonicalJson(approvedContent(issue, articles))).not.toMatch(/impressum/)
    })

    it('gibt einem gespeicherten Layout ohne spätere Auswahl den Fingerabdruck, den der Browser rechnet', async () => {
      const { mastheadIssueLine: _line, ...storedLayout } = { ...publication.layout }
      expect(
        await contentFingerprint(issue, articles, { ...publication, layout: storedLayout }),
      ).toBe(
        await contentFingerprint(issue, articles, {
          ...publication,
          layout: { ...storedLayout, mastheadIssueLine: false },
        }),
      )
    })

    it('zeigt eine freigegebene Ausgabe mit den freigegebenen Einstellungen, sonst mit den aktuellen', () => {
      const current = { ...publication, subtitle: 'Aktuell' }
      const approval = (content: Issue['approval']) => ({ approval: content })
      expect(publicationOfIssue(approval(null), current)).toBe(current)
      const legacy = {
        approvedBy: 'sandra-wanzar',
        approvedAt: '2018-08-13T15:00:00.000Z',
        fingerprint: 'f',
        content: { articles: [] },
      }
      expect(publicationOfIssue(approval(legacy), current)).toBe(current)
      const covered = approvedContent(issue, articles, publication).publication!
      const shown = publicationOfIssue(
        approval({ ...legacy, content: { articles: [], publication: covered } }),
        current,
      )
      expect(shown.subtitle).toBe(publication.subtitle)
      expect(shown.version).toBe(current.version)
    })
  })
})
