import { describe, expect, it } from 'vitest'
import type { Article } from './article'
import { withCommentAnchors } from '../../tests/fixtures/comment-anchors'
import { createSeedState } from '../../mocks/seed/august-2018'
import { contentChanges, settingsChanges, wordChanges, wordDiff } from './content-diff'
import { approvedPublication } from './publication'
import { docFromParagraphs } from './rich-text'

const article = (id: string, headline: string, text: string): Article => ({
  id,
  headline,
  body: docFromParagraphs([text]),
  photos: [],
  authorId: 'u',
  status: 'ready',
  issueId: 'i',
  version: 1,
  createdAt: '2026-11-25T10:00:00.000Z',
  updatedAt: '2026-11-25T10:00:00.000Z',
  updatedBy: 'u',
})

describe('Seit Freigabe geändert', () => {
  it('zählt hinzugefügte und entfernte Wörter', () => {
    expect(wordChanges('die OTEAU GmbH hat', 'die OTEGAU GmbH hat heute')).toEqual({
      added: ['OTEGAU', 'heute'],
      removed: ['OTEAU'],
    })
  })

  it('nennt geänderte, neue und entfernte Beiträge und eine geänderte Reihenfolge', () => {
    const a = article('a', 'Eins', 'Erster Text')
    const b = article('b', 'Zwei', 'Zweiter Text')
    const approved = {
      articles: [a, b].map(({ id, headline, body, photos }) => ({ id, headline, body, photos })),
    }
    const c = article('c', 'Drei', 'Neu')
    const changes = contentChanges(
      approved,
      ['c', 'a'],
      [{ ...a, body: docFromParagraphs(['Erster geänderter Text']) }, c],
    )
    expect(changes.orderChanged).toBe(false)
    expect(changes.articles).toEqual([
      expect.objectContaining({ articleId: 'c', kind: 'added', wordsAdded: ['Drei', 'Neu'] }),
      expect.objectContaining({
        articleId: 'a',
        kind: 'changed',
        wordsAdded: ['geänderter'],
        wordsRemoved: [],
      }),
      expect.objectContaining({
        articleId: 'b',
        kind: 'removed',
        wordsRemoved: ['Zwei', 'Zweiter', 'Text'],
      }),
    ])
    expect(contentChanges(approved, ['b', 'a'], [a, b])).toEqual({
      orderChanged: true,
      articles: [],
    })
  })
})

describe('Seit Freigabe geändert, mit Kommentaren', () => {
  it('zählt einen Beitrag nicht als geändert, an dessen Text nur Kommentare hängen', () => {
    const a = article('a', 'Eins', 'Das Sommerfest beginnt um 15 Uhr.')
    const approved = { articles: [{ id: a.id, headline: a.headline, body: a.body, photos: [] }] }
    const commented = { ...a, body: withCommentAnchors(a.body) }
    expect(JSON.stringify(commented.body)).toContain('commentAnchor')
    expect(contentChanges(approved, ['a'], [commented]).articles).toEqual([])
    const edited = { ...commented, body: withCommentAnchors(docFromParagraphs(['Das Fest.'])) }
    expect(contentChanges(approved, ['a'], [edited]).articles).toHaveLength(1)
  })
})

describe('Wortgenauer Vergleich', () => {
  it('markiert entfernte und hinzugefügte Wörter in der Reihenfolge des Textes', () => {
    expect(wordDiff('Die OTEAU GmbH hat', 'Die OTEGAU GmbH hat heute')).toEqual([
      { kind: 'same', text: 'Die ' },
      { kind: 'removed', text: 'OTEAU ' },
      { kind: 'added', text: 'OTEGAU ' },
      { kind: 'same', text: 'GmbH hat ' },
      { kind: 'added', text: 'heute' },
    ])
  })

  it('fasst benachbarte Änderungen zusammen und trennt Gelöschtes von Neuem', () => {
    expect(wordDiff('eins zwei drei', 'eins vier')).toEqual([
      { kind: 'same', text: 'eins ' },
      { kind: 'removed', text: 'zwei drei' },
      { kind: 'added', text: 'vier' },
    ])
  })

  it('bleibt bei sehr langen, völlig verschiedenen Texten schnell', () => {
    const long = (word: string) => Array.from({ length: 3000 }, (_, i) => `${word}${i}`).join(' ')
    const started = performance.now()
    const runs = wordDiff(long('a'), long('b'))
    expect(runs.map((run) => run.kind)).toEqual(['removed', 'added'])
    expect(performance.now() - started).toBeLessThan(2000)
  })
})

describe('Seit Freigabe geänderte Einstellungen', () => {
  const { publication } = createSeedState()
  const approved = approvedPublication(publication)

  it('nennt, was sich geändert hat, vom Kopf abwärts, und nichts ohne Kopie der Freigabe', () => {
    expect(settingsChanges(approved, { ...publication, articleWordLimit: 99, version: 9 })).toEqual(
      [],
    )
    expect(
      settingsChanges(approved, {
        ...publication,
        layout: { ...publication.layout, headingFont: 'serif' },
        title: 'Neuer Titel',
        impressum: { ...publication.impressum, phone: '0365/1' },
      }),
    ).toEqual(['Titel', 'Impressum', 'Layout'])
    expect(settingsChanges(undefined, { ...publication, title: 'Neuer Titel' })).toEqual([])
  })
})
