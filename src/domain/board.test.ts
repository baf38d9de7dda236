import { testArticle } from '../../tests/fixtures/article'
import { describe, expect, it } from 'vitest'
import { createSeedState } from '../../mocks/seed/august-2018'
import { countFindings, runChecks } from './checks'
import { articleWarnings as findingsOnCard, issueReadiness } from './article-warnings'
import type { Article } from './article'
import { dropIndex, moveInOrder } from './board'
import { docFromParagraphs, emptyDoc } from './rich-text'

describe('Reihenfolge auf dem Board', () => {
  const order = ['a', 'b', 'c', 'd']
  it('verschiebt innerhalb der Ausgabe, nimmt auf und entfernt', () => {
    expect(moveInOrder(order, 'a', { column: 'issue', index: 2 })).toEqual(['b', 'c', 'a', 'd'])
    expect(moveInOrder(order, 'd', { column: 'issue', index: 0 })).toEqual(['d', 'a', 'b', 'c'])
    expect(moveInOrder(order, 'x', { column: 'issue', index: 1 })).toEqual([
      'a',
      'x',
      'b',
      'c',
      'd',
    ])
    expect(moveInOrder(order, 'x', { column: 'issue', index: 99 })).toEqual([...order, 'x'])
    expect(moveInOrder(order, 'c', { column: 'pool', index: 0 })).toEqual(['a', 'b', 'd'])
  })

  it('berechnet die Einfügestelle beim Ablegen auf der oberen oder unteren Kartenhälfte', () => {
    expect(dropIndex(0, 2, 'top')).toBe(1)
    expect(dropIndex(0, 2, 'bottom')).toBe(2)
    expect(dropIndex(3, 1, 'top')).toBe(1)
    expect(dropIndex(-1, 1, 'bottom')).toBe(2)
  })
})

describe('Warnungen auf Karten', () => {
  const base: Article = {
    id: 'a',
    headline: 'Titel',
    body: docFromParagraphs(['Text']),
    photos: [],
    authorId: 'u',
    status: 'ready',
    issueId: null,
    version: 1,
    createdAt: '2026-11-25T10:00:00.000Z',
    updatedAt: '2026-11-25T10:00:00.000Z',
    updatedBy: 'u',
  }
  const articleWarnings = (article: Article) => findingsOnCard(article).map((item) => item.label)

  it('nennt fehlende Alternativtexte, Fotonachweise, Überschriften und Texte', () => {
    const photo = { mediaId: 'm', caption: '', credit: '', alt: '', decorative: false }
    expect(articleWarnings({ ...base, photos: [photo] })).toEqual([
      'Alternativtext fehlt',
      'Fotonachweis fehlt',
    ])
    expect(
      articleWarnings({ ...base, photos: [{ ...photo, decorative: true, credit: 'x' }, photo] }),
    ).toEqual(['Alternativtext fehlt (Foto 2)', 'Fotonachweis fehlt (Foto 2)'])
    expect(articleWarnings({ ...base, headline: '', body: emptyDoc() })).toEqual([
      'Überschrift fehlt',
      'Text fehlt',
    ])
    expect(issueReadiness([base, { ...base, status: 'draft', photos: [photo] }])).toEqual({
      ready: 1,
      total: 2,
    })
  })
})

describe('Ein Schweregrad überall', () => {
  it('zeigt auf der Karte jeden Befund mit dem Schweregrad der Prüfungen', () => {
    const article = testArticle({
      headline: '"Wohnen im Alter" -- ab Montag',
      photos: [
        { mediaId: 'm', caption: 'Die "Alte Mühle"', credit: '', alt: 'Mühle', decorative: false },
      ],
    })
    const onCard = findingsOnCard(article)
    const inChecks = runChecks(
      { articleIds: ['a'] },
      [article],
      createSeedState().publication,
      30 * 1024,
    )
    expect(onCard.map((item) => [item.id, item.severity])).toEqual([
      ['credit:a:m', 'error'],
      ['straight-quotes:a', 'warning'],
      ['double-hyphen:a', 'warning'],
    ])
    for (const item of onCard) {
      expect(inChecks.find((result) => result.id === item.id)?.severity).toBe(item.severity)
    }
    expect(countFindings(inChecks)).toEqual({ errors: 1, warnings: 2 })
  })
})
