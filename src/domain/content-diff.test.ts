import { describe, expect, it } from 'vitest'
import type { Article } from './article'
import { contentChanges, wordChanges } from './content-diff'
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
