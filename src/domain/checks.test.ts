import { describe, expect, it } from 'vitest'
import { createSeedState } from '../../mocks/seed/august-2018'
import type { Article } from './article'
import {
  approvalBlockers,
  emailClipBytes,
  nearDuplicateNames,
  openFindingsSummary,
  runChecks,
  type CheckResult,
} from './checks'
import { docFromParagraphs } from './rich-text'

/** An e-mail size well below Gmail's clip limit, for checks about the content. */
const emailUnderClip = 30 * 1024

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
    const results = runChecks(issue, articles, publication, emailUnderClip)
    expect(results.map((result) => [result.severity, result.id])).toEqual([
      ['error', 'alt:beitrag-03-behoerdennetzwerk:foto-2'],
      ['error', 'alt:beitrag-07-ministerin:foto-3'],
      ['warning', 'spelling:OTEAU:OTEGAU'],
    ])
    expect(results[2]?.message).toBe(
      '„OTEAU“ ähnelt „OTEGAU“ (4× in dieser Ausgabe) – Schreibweise prüfen.',
    )
    // where to fix each: the photo's Alternativtext, the body the name is written in
    expect(results.map((result) => [result.articleId, result.place])).toEqual([
      ['beitrag-03-behoerdennetzwerk', { field: 'alt', mediaId: 'foto-2' }],
      ['beitrag-07-ministerin', { field: 'alt', mediaId: 'foto-3' }],
      ['beitrag-07-ministerin', { field: 'body' }],
    ])
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
    const results = runChecks(
      { articleIds: changed.map((article) => article.id) },
      changed,
      { ...publication, impressum: { ...publication.impressum, phone: ' ' } },
      emailClipBytes + 1,
    )
    const ids = results.map((result) => result.id)
    expect(ids).toContain(`headline-long:${first.id}`)
    expect(ids).toContain(`straight-quotes:${first.id}`)
    expect(ids).toContain('body-empty:beitrag-02-sozialplan')
    expect(ids).toContain('email-size')
    expect(results.find((result) => result.id === 'impressum')?.message).toMatch(/Telefon/)
    expect(
      runChecks({ articleIds: [] }, [], publication, emailUnderClip).map((result) => result.id),
    ).toEqual(['issue-empty'])
    void issue
  })
})

describe('Prüfungen für Typografie, Word-Reste und Fotonachweise', () => {
  const clean = (): Article => {
    const { articles } = seed()
    const article = articles[0]!
    return {
      ...article,
      headline: 'Wohnen im Alter',
      body: docFromParagraphs(['Ein sauberer Text.']),
      photos: article.photos.map((photo) => ({
        ...photo,
        caption: 'Im Rathaus',
        credit: 'Stadt Gera',
        alt: 'Rathaus',
      })),
    }
  }
  const checksOf = (article: Article) =>
    runChecks({ articleIds: [article.id] }, [article], seed().publication, emailUnderClip)

  it('bestätigt einen sauberen Beitrag ohne Befund', () => {
    expect(checksOf(clean())).toEqual([])
  })

  it('meldet gerade Anführungszeichen und „--“ in Überschrift, Bildunterschrift und Fotonachweis', () => {
    const base = clean()
    const article: Article = {
      ...base,
      headline: '"Wohnen im Alter" -- ab Montag',
      photos: base.photos.map((photo) => ({
        ...photo,
        caption: 'Die "Alte Mühle" -- heute',
        credit: "Gera's Archiv",
      })),
    }
    const results = checksOf(article)
    expect(results.map((result) => [result.severity, result.id])).toEqual([
      ['warning', `straight-quotes:${article.id}`],
      ['warning', `double-hyphen:${article.id}`],
    ])
    expect(results[0]?.message).toMatch(/in Überschrift, Bildunterschrift und Fotonachweis;/)
    expect(results[1]?.message).toMatch(
      /„--“ statt eines Gedankenstrichs „–“ in Überschrift und Bildunterschrift;/,
    )
  })

  it('meldet „Foto:“ am Anfang eines Fotonachweises und „Foto:“ allein als fehlenden Nachweis', () => {
    const base = clean()
    const photo = base.photos[0]!
    const withPrefix = { ...base, photos: [{ ...photo, credit: 'Foto: Stadt Gera' }] }
    expect(checksOf(withPrefix).map((result) => [result.severity, result.id])).toEqual([
      ['warning', `credit-prefix:${base.id}:${photo.mediaId}`],
    ])
    expect(checksOf(withPrefix)[0]?.message).toContain('druckt „Foto: Stadt Gera“')
    const onlyPrefix = { ...base, photos: [{ ...photo, credit: 'Foto:' }] }
    expect(checksOf(onlyPrefix).map((result) => [result.severity, result.id])).toEqual([
      ['error', `credit:${base.id}:${photo.mediaId}`],
    ])
  })

  it('meldet Aufzählungszeichen aus Word am Absatzanfang, aber nicht „§ 3 SGB II“', () => {
    const article: Article = {
      ...clean(),
      body: docFromParagraphs([
        '·\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0 Armutsprävention',
        '§\u00a0\u00a0\u00a0 Sozialstatistik',
        'o   Netzwerkarbeit',
        '• Sozialplanungskonferenz',
        '§ 3 SGB II regelt die Grundsicherung.',
        'oder so.',
      ]),
    }
    const results = checksOf(article)
    expect(results.map((result) => [result.severity, result.id])).toEqual([
      ['warning', `word-debris:${article.id}`],
    ])
    expect(results[0]?.message).toMatch(/4 Absätze beginnen mit einem Aufzählungszeichen aus Word/)
  })
})

describe('Offene Prüfungen in Worten', () => {
  const finding = (severity: CheckResult['severity'], id: string): CheckResult => ({
    id,
    severity,
    message: id,
  })

  it('zählt Fehler und Warnungen mit dem richtigen Artikel', () => {
    expect(openFindingsSummary([])).toBeNull()
    expect(openFindingsSummary([finding('error', 'a')])).toBe('Ein Fehler')
    expect(openFindingsSummary([finding('warning', 'a')])).toBe('Eine Warnung')
    expect(
      openFindingsSummary([finding('error', 'a'), finding('error', 'b'), finding('warning', 'c')]),
    ).toBe('2 Fehler und eine Warnung')
    expect(
      openFindingsSummary([
        finding('error', 'a'),
        finding('warning', 'b'),
        finding('warning', 'c'),
      ]),
    ).toBe('Ein Fehler und 2 Warnungen')
  })
})
