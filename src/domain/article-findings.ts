import type { Article } from './article'
import { hasDoubleHyphen, hasStraightQuotes } from './german-typography'
import { creditLine, creditWithoutPrefix } from './photo-credit'
import { blockTexts, isBlankDoc, plainText } from './rich-text'
import { startsWithListDebris } from './word-debris'

/** Errors block an approval; warnings must be acknowledged by the Dezernentin. */
export type CheckSeverity = 'error' | 'warning'

/**
 * How grave each kind of finding is: one fact, shown the same on the board, in the
 * "Prüfungen" and enforced by the approval. A missing Fotonachweis is an error: publishing
 * a photo without its credit infringes the photographer's rights.
 */
export const findingSeverity = {
  'issue-empty': 'error',
  'headline-missing': 'error',
  'headline-long': 'warning',
  'body-empty': 'error',
  credit: 'error',
  'credit-prefix': 'warning',
  alt: 'error',
  'straight-quotes': 'warning',
  'double-hyphen': 'warning',
  'word-debris': 'warning',
  spelling: 'warning',
  'email-size': 'warning',
  impressum: 'error',
} as const satisfies Record<string, CheckSeverity>

export type FindingKind = keyof typeof findingSeverity

/** Headlines longer than this are flagged (newsletter headlines should fit on two lines). */
export const maxHeadlineCharacters = 90

/** A field of the article editor a finding is about. */
export type ArticleField = 'headline' | 'body' | 'caption' | 'credit' | 'alt'

/** Where in an article a finding is: a field, of a photo when `mediaId` is set. */
export interface ArticlePlace {
  field: ArticleField
  mediaId?: string
}

/** One thing to fix in an article, for its card on the board and for the "Prüfungen". */
export interface ArticleFinding {
  /** Stable id, used to acknowledge a warning. */
  id: string
  kind: FindingKind
  severity: CheckSeverity
  /** Short, for a card: "Fotonachweis fehlt (Foto 2)". */
  label: string
  /** A sentence, for the checks: "Der Fotonachweis fehlt." */
  detail: string
  /** The part of the article it is about ("Foto 2"), when not the article as a whole. */
  where?: string
  /** A way out the "Prüfungen" add to the sentence; the editor shows the way beside the field. */
  hint?: string
  /** The field to fix it in, when there is one. */
  place?: ArticlePlace
}

type CheckedArticle = Pick<Article, 'id' | 'headline' | 'body' | 'photos'>

/** Which texts of an article (headline, body, captions, credits) a predicate holds for, by name. */
function textsWhere(article: CheckedArticle, test: (text: string) => boolean): string[] {
  const several = article.photos.length > 1
  const places: string[] = []
  if (test(article.headline)) places.push('Überschrift')
  if (test(plainText(article.body))) places.push('Text')
  article.photos.forEach((photo, index) => {
    const number = several ? ` ${index + 1}` : ''
    if (test(photo.caption)) places.push(`Bildunterschrift${number}`)
    if (test(photo.credit)) places.push(`Fotonachweis${number}`)
  })
  return places
}

const listing = (places: readonly string[]) =>
  places.length < 2 ? (places[0] ?? '') : `${places.slice(0, -1).join(', ')} und ${places.at(-1)}`

function finding(
  kind: FindingKind,
  id: string,
  label: string,
  detail: string,
  { where, hint, place }: Pick<ArticleFinding, 'where' | 'hint' | 'place'> = {},
): ArticleFinding {
  return {
    id,
    kind,
    severity: findingSeverity[kind],
    label,
    detail,
    ...(where ? { where } : {}),
    ...(hint ? { hint } : {}),
    ...(place ? { place } : {}),
  }
}

/**
 * What is missing or wrong in one article, in reading order; pure, the one source of the
 * editor's readiness, the cards on the board, the "Prüfungen" and the server.
 */
export function articleFindings(article: CheckedArticle): ArticleFinding[] {
  const findings: ArticleFinding[] = []
  const headline = article.headline.trim()
  if (headline === '') {
    findings.push(
      finding(
        'headline-missing',
        `headline-missing:${article.id}`,
        'Überschrift fehlt',
        'Die Überschrift fehlt.',
        { place: { field: 'headline' } },
      ),
    )
  } else if (article.headline.length > maxHeadlineCharacters) {
    findings.push(
      finding(
        'headline-long',
        `headline-long:${article.id}`,
        'Überschrift sehr lang',
        `Die Überschrift ist ${article.headline.length} Zeichen lang (empfohlen höchstens ${maxHeadlineCharacters}).`,
        { place: { field: 'headline' } },
      ),
    )
  }
  if (isBlankDoc(article.body)) {
    findings.push(
      finding('body-empty', `body-empty:${article.id}`, 'Text fehlt', 'Der Text ist leer.', {
        place: { field: 'body' },
      }),
    )
  }
  article.photos.forEach((photo, index) => {
    const where = `Foto ${index + 1}`
    const suffix = article.photos.length > 1 ? ` (${where})` : ''
    if (!photo.decorative && photo.alt.trim() === '') {
      findings.push(
        finding(
          'alt',
          `alt:${article.id}:${photo.mediaId}`,
          `Alternativtext fehlt${suffix}`,
          'Der Alternativtext fehlt.',
          {
            where,
            hint: 'Ist das Foto rein dekorativ, dies beim Foto ankreuzen.',
            place: { field: 'alt', mediaId: photo.mediaId },
          },
        ),
      )
    }
    const credit = creditWithoutPrefix(photo.credit)
    if (credit === '') {
      findings.push(
        finding(
          'credit',
          `credit:${article.id}:${photo.mediaId}`,
          `Fotonachweis fehlt${suffix}`,
          'Der Fotonachweis fehlt.',
          { where, place: { field: 'credit', mediaId: photo.mediaId } },
        ),
      )
    } else if (credit !== photo.credit.trim()) {
      findings.push(
        finding(
          'credit-prefix',
          `credit-prefix:${article.id}:${photo.mediaId}`,
          `„Foto:“ im Fotonachweis${suffix}`,
          `Der Fotonachweis beginnt mit „Foto:“; Rundbrief setzt „Foto:“ selbst davor und druckt „${creditLine(credit)}“. Bitte im Feld entfernen.`,
          { where, place: { field: 'credit', mediaId: photo.mediaId } },
        ),
      )
    }
  })
  const quoted = textsWhere(article, hasStraightQuotes)
  if (quoted.length > 0) {
    findings.push(
      finding(
        'straight-quotes',
        `straight-quotes:${article.id}`,
        'Gerade Anführungszeichen',
        `Enthält gerade Anführungszeichen (" oder ') in ${listing(quoted)}; im Editor hilft „Anführungszeichen korrigieren“.`,
      ),
    )
  }
  const hyphens = textsWhere(article, hasDoubleHyphen)
  if (hyphens.length > 0) {
    findings.push(
      finding(
        'double-hyphen',
        `double-hyphen:${article.id}`,
        '„--“ statt Gedankenstrich',
        `Enthält „--“ statt eines Gedankenstrichs „–“ in ${listing(hyphens)}; im Editor hilft „Anführungszeichen korrigieren“.`,
      ),
    )
  }
  const debris = blockTexts(article.body).filter(startsWithListDebris)
  if (debris.length > 0) {
    const example =
      debris[0]
        ?.replace(/[\s\u00a0]+/g, ' ')
        .trim()
        .slice(0, 30) ?? ''
    findings.push(
      finding(
        'word-debris',
        `word-debris:${article.id}`,
        'Aufzählungszeichen aus Word im Text',
        `${debris.length === 1 ? 'Ein Absatz beginnt' : `${debris.length} Absätze beginnen`} mit einem Aufzählungszeichen aus Word („${example}…“); als Aufzählung formatieren und das Zeichen löschen.`,
        { place: { field: 'body' } },
      ),
    )
  }
  return findings
}

/** A finding as one German sentence naming where it is: "Foto 1: Der Fotonachweis fehlt." */
export const findingSentence = (finding: ArticleFinding) =>
  finding.where ? `${finding.where}: ${finding.detail}` : finding.detail

/**
 * What keeps an article from being marked "fertig": its error-level findings, the same that
 * block an approval. Used by "Als fertig markieren" and by the server's PATCH.
 */
export function readinessProblems(article: CheckedArticle): string[] {
  return articleFindings(article)
    .filter((finding) => finding.severity === 'error')
    .map(findingSentence)
}
