import { testArticle } from '../../tests/fixtures/article'
import { describe, expect, it } from 'vitest'
import { createSeedState } from '../../mocks/seed/august-2018'
import { nextArticleStatus, type Article, type Photo } from './article'
import { articleFindings, readinessProblems } from './article-findings'
import { articleWarnings } from './article-warnings'
import { runChecks } from './checks'
import { docFromParagraphs, type RichTextDoc } from './rich-text'
import { isEmptyArticle } from './trash'

/** An e-mail size well below Gmail's clip limit: these tests are about the articles. */
const emailUnderClip = 30 * 1024

const article = (changes: Partial<Article>) =>
  testArticle({ body: docFromParagraphs(['Alle sind eingeladen.']), ...changes })

const photo: Photo = {
  mediaId: 'm',
  caption: 'Das Fest',
  credit: 'Stadt Gera',
  alt: 'Kinder am Stand',
  decorative: false,
}

/** The three places that judge an article, each asked for its error ids. */
function answers(subject: Article) {
  const errorIds = articleFindings(subject)
    .filter((finding) => finding.severity === 'error')
    .map((finding) => finding.id)
  const checks = runChecks(
    { articleIds: [subject.id] },
    [subject],
    createSeedState().publication,
    emailUnderClip,
  )
  return {
    readinessBlocks: readinessProblems(subject).length > 0,
    errorsOnCard: articleWarnings(subject)
      .filter((warning) => warning.severity === 'error')
      .map((warning) => warning.id),
    errorsInChecks: checks
      .filter((result) => result.severity === 'error' && result.articleId === subject.id)
      .map((result) => result.id),
    errorIds,
  }
}

const blankBodies: [string, RichTextDoc][] = [
  ['nur Leerzeichen', docFromParagraphs(['   '])],
  ['nur geschützte Leerzeichen', docFromParagraphs(['\u00a0\u00a0'])],
  ['leere Absätze', docFromParagraphs(['', '', ''])],
  [
    'nur ein Zeilenumbruch',
    { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'hardBreak' }] }] },
  ],
  [
    'eine leere Aufzählung',
    {
      type: 'doc',
      content: [
        {
          type: 'bulletList',
          content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }],
        },
      ],
    },
  ],
]

describe('Eine Regel, eine Antwort: Bereitschaft, Karte und Prüfungen', () => {
  it.each(blankBodies)('ein Text aus %s ist überall leer', (_, body) => {
    const subject = article({ body })
    expect(answers(subject)).toEqual({
      readinessBlocks: true,
      errorsOnCard: ['body-empty:a'],
      errorsInChecks: ['body-empty:a'],
      errorIds: ['body-empty:a'],
    })
    expect(readinessProblems(subject)).toEqual(['Der Text ist leer.'])
    expect(isEmptyArticle({ ...subject, headline: '' })).toBe(true)
  })

  it.each([
    ['Überschrift nur aus Leerzeichen', { headline: '   ' }, 'Die Überschrift fehlt.'],
    [
      'Fotonachweis fehlt',
      { photos: [{ ...photo, credit: '  ' }] },
      'Foto 1: Der Fotonachweis fehlt.',
    ],
    [
      'Fotonachweis nur „Foto:“',
      { photos: [{ ...photo, credit: 'Foto:' }] },
      'Foto 1: Der Fotonachweis fehlt.',
    ],
    [
      'Alternativtext fehlt',
      { photos: [{ ...photo, alt: ' ' }] },
      'Foto 1: Der Alternativtext fehlt.',
    ],
  ] satisfies [string, Partial<Article>, string][])(
    '%s: blockiert „fertig“ wie die Freigabe',
    (_, changes, message) => {
      const subject = article(changes)
      const { readinessBlocks, errorsOnCard, errorsInChecks, errorIds } = answers(subject)
      expect(readinessBlocks).toBe(true)
      expect(errorIds).toHaveLength(1)
      expect(errorsOnCard).toEqual(errorIds)
      expect(errorsInChecks).toEqual(errorIds)
      expect(readinessProblems(subject)).toEqual([message])
    },
  )

  it('lässt „fertig“ zu, wo nur Warnungen bleiben, und die Karte zeigt dieselben Warnungen', () => {
    const subject = article({
      headline: '"Sommerfest" -- im Stadtteilzentrum',
      photos: [
        { ...photo, credit: 'Foto: Stadt Gera' },
        { ...photo, alt: '', decorative: true },
      ],
    })
    const { readinessBlocks, errorsOnCard, errorsInChecks } = answers(subject)
    expect({ readinessBlocks, errorsOnCard, errorsInChecks }).toEqual({
      readinessBlocks: false,
      errorsOnCard: [],
      errorsInChecks: [],
    })
    expect(articleWarnings(subject).map((warning) => warning.id)).toEqual([
      'credit-prefix:a:m',
      'straight-quotes:a',
      'double-hyphen:a',
    ])
  })

  it('setzt einen fertigen Beitrag ohne Fotonachweis beim Speichern auf Entwurf zurück', () => {
    const subject = article({ status: 'ready', photos: [{ ...photo, credit: '' }] })
    expect(nextArticleStatus(subject.status, undefined, readinessProblems(subject))).toEqual({
      status: 'draft',
    })
    expect(nextArticleStatus('draft', 'ready', readinessProblems(subject))).toEqual({
      refused: ['Foto 1: Der Fotonachweis fehlt.'],
    })
  })

  it('gibt in den Prüfungen zum fehlenden Alternativtext den Ausweg an', () => {
    const subject = article({ photos: [{ ...photo, alt: '' }] })
    const checks = runChecks(
      { articleIds: ['a'] },
      [subject],
      createSeedState().publication,
      emailUnderClip,
    )
    expect(checks.find((result) => result.id === 'alt:a:m')?.message).toBe(
      '„Sommerfest im Stadtteilzentrum“, Foto 1: Der Alternativtext fehlt. Ist das Foto rein dekorativ, dies beim Foto ankreuzen.',
    )
  })
})
