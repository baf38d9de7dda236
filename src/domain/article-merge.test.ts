import { describe, expect, it } from 'vitest'
import { articleDifferences, blocksText, mergeArticle, type ArticleContent } from './article-merge'
import { docFromParagraphs } from './rich-text'

const version = (headline: string, paragraphs: string[]): ArticleContent => ({
  headline,
  body: docFromParagraphs(paragraphs),
  photos: [],
})

describe('Konflikt: Absätze aus beiden Fassungen', () => {
  const theirs = version('Sozialplan', ['Eins.', 'Zwei vom Server.', 'Drei.', 'Vier.'])
  const mine = version('Sozialplan', ['Eins.', 'Zwei von mir.', 'Drei.', 'Vier.', 'Fünf.'])

  it('findet die Stellen, an denen die Fassungen sich unterscheiden', () => {
    const differences = articleDifferences(mine, theirs)
    expect(differences.headline).toBe(false)
    expect(differences.photos).toBe(false)
    const parts = differences.body.map((part) =>
      part.kind === 'same'
        ? { same: blocksText(part.blocks) }
        : { id: part.id, mine: blocksText(part.mine), theirs: blocksText(part.theirs) },
    )
    expect(parts).toEqual([
      { same: 'Eins.' },
      { id: 'text-1', mine: 'Zwei von mir.', theirs: 'Zwei vom Server.' },
      { same: 'Drei.\nVier.' },
      { id: 'text-2', mine: 'Fünf.', theirs: '' },
    ])
  })

  it('setzt die gewählten Absätze zusammen, ohne Wahl die eigenen', () => {
    const merged = mergeArticle(mine, theirs, { 'text-1': 'theirs' })
    expect(blocksText(merged.body.content)).toBe('Eins.\nZwei vom Server.\nDrei.\nVier.\nFünf.')
    const other = mergeArticle(mine, theirs, { 'text-2': 'theirs' })
    expect(blocksText(other.body.content)).toBe('Eins.\nZwei von mir.\nDrei.\nVier.')
  })

  it('wählt Überschrift und Fotos für sich', () => {
    const photo = {
      mediaId: 'm',
      caption: 'Rathaus',
      credit: 'Stadt Gera',
      alt: 'Rathaus',
      decorative: false,
    }
    const server = { ...version('Neu', ['Text.']), photos: [photo] }
    const local = version('Alt', ['Text.'])
    expect(articleDifferences(local, server)).toMatchObject({ headline: true, photos: true })
    expect(mergeArticle(local, server, { headline: 'theirs' })).toMatchObject({
      headline: 'Neu',
      photos: [],
    })
    expect(mergeArticle(local, server, { photos: 'theirs' })).toMatchObject({
      headline: 'Alt',
      photos: [photo],
    })
  })

  it('lässt nie einen leeren Text zurück', () => {
    const merged = mergeArticle(version('A', ['Nur meins.']), version('A', []), {
      'text-1': 'theirs',
    })
    expect(merged.body).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] })
  })
})
