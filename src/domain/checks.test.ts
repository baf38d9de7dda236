import { describe, expect, it } from 'vitest'
import { createSeedState } from '../../mocks/seed/august-2018'
import type { Article } from './article'
import { approvalBlockers, nearDuplicateNames, runChecks } from './checks'
import { docFromParagraphs } from './rich-text'

const seed = () => {
  const state = createSeedState()
  const issue = state.issues[0]!
  const articles: Article[] = state.articles.map((article) => ({ ...article, issueId: issue.id }))
  return { issue, articles, publication: state.publication }
}

describe('Prüfungen vor der Freigabe', () => {
  it('findet in der Vorlage „OTEAU“ neben „OTEGAU“ und sonst keine Schreibvarianten', () => {
    const { articles } = seed()
    expect(nearDuplicateNames(articles)).toEqual([
      { rare: 'OTEAU', common: 'OTEGAU', commonCount: 4, articleIds: ['beitrag-07-ministerin'] },
    ])
  })

  it('meldet für die Vorlage die fehlenden Alternativtexte als Fehler und die Schreibweise als Warnung', () => {
    const { issue, articles, publication } = seed()
    const results = runChecks(issue, articles, publication)
    expect(results.map((result) => [result.severity, result.id])).toEqual([
      ['error', 'alt:beitrag-03-behoerdennetzwerk:foto-2'],
      ['error', 'alt:beitrag-07-ministerin:foto-3'],
      ['warning', 'spelling:OTEAU:OTEGAU'],
    ])
    expect(results[2]?.message).toBe(
      '„OTEAU“ ähnelt „OTEGAU“ (4× in dieser Ausgabe) – Schreibweise prüfen.',
    )
    expect(approvalBlockers(results, ['spelling:OTEAU:OTEGAU']).map((result) => result.id)).toEqual(
      ['alt:beitrag-03-behoerdennetzwerk:foto-2', 'alt:beitrag-07-ministerin:foto-3'],
    )
  })

  it('prüft leere Beiträge, lange Überschriften, gerade Anführungszeichen, E-Mail-Größe und Impressum', () => {
    const { issue, articles, publication } = seed()
    const first = articles[0]!
    const changed: Article[] = [
      { ...first, headline: 'x'.repeat(95), body: docFromParagraphs(['Er sagte "Hallo".']) },
      { ...articles[1]!, body: docFromParagraphs(['']) },
      { ...articles[2]!, body: docFromParagraphs(['Wort '.repeat(25_000)]), photos: [] },
    ]
    const results = runChecks({ articleIds: changed.map((article) => article.id) }, changed, {
      ...publication,
      impressum: { ...publication.impressum, phone: ' ' },
    })
    const ids = results.map((result) => result.id)
    expect(ids).toContain(`headline-long:${first.id}`)
    expect(ids).toContain(`straight-quotes:${first.id}`)
    expect(ids).toContain('body-empty:beitrag-02-sozialplan')
    expect(ids).toContain('email-size')
    expect(results.find((result) => result.id === 'impressum')?.message).toMatch(/Telefon/)
    expect(runChecks({ articleIds: [] }, [], publication).map((result) => result.id)).toEqual([
      'issue-empty',
    ])
    void issue
  })
})
