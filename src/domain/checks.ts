import type { Article } from './article'
import {
  articleFindings,
  findingSeverity,
  type ArticlePlace,
  type CheckSeverity,
} from './article-findings'
import type { Issue } from './issue'
import { publicationContentSchema, type Publication } from './publication'
import { blockTexts } from './rich-text'

/** One finding of the pre-approval checks ("Prüfungen"). */
export interface CheckResult {
  /** Stable id, used to acknowledge a warning. */
  id: string
  severity: CheckSeverity
  message: string
  /** The article the finding is about, for a link to it. */
  articleId?: string
  /** The field of that article to fix it in, when there is one. */
  place?: ArticlePlace
}

/** Gmail clips HTML e-mails above about 102 KB, hiding the rest including the unsubscribe note. */
export const emailClipBytes = 102 * 1024

function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0] ?? 0
    previous[0] = i
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j] ?? 0
      previous[j] = Math.min(
        above + 1,
        (previous[j - 1] ?? 0) + 1,
        diagonal + (a[i - 1] === b[j - 1] ? 0 : 1),
      )
      diagonal = above
    }
  }
  return previous[b.length] ?? 0
}

const inflectionEndings = ['', 's', 'e', 'n', 'r', 'en', 'es', 'er', 'em', 'ern', 'ens']

/** Whether two names differ only by German inflection endings (Dezernats / Dezernates, Thüringer / Thüringen). */
function isInflection(a: string, b: string): boolean {
  const stems = (word: string) =>
    new Set(
      inflectionEndings
        .filter((ending) => word.endsWith(ending))
        .map((ending) => word.slice(0, word.length - ending.length)),
    )
  const stemsOfB = stems(b)
  return [...stems(a)].some((stem) => stem.length >= 4 && stemsOfB.has(stem))
}

/** Capitalised words and acronyms of at least four letters, as written, with where they occur. */
function names(
  articles: readonly Article[],
): Map<string, { count: number; articleIds: Set<string> }> {
  const found = new Map<string, { count: number; articleIds: Set<string> }>()
  for (const article of articles) {
    const text = [article.headline, ...blockTexts(article.body)].join('\n')
    for (const match of text.matchAll(/\p{Lu}[\p{L}]{3,}/gu)) {
      const entry = found.get(match[0]) ?? { count: 0, articleIds: new Set<string>() }
      entry.count++
      entry.articleIds.add(article.id)
      found.set(match[0], entry)
    }
  }
  return found
}

/**
 * Names spelled almost like a more frequent name elsewhere in the issue ("OTEAU" beside
 * "OTEGAU"): one letter added, dropped or changed, not just an inflection ending.
 */
export function nearDuplicateNames(articles: readonly Article[]) {
  const all = [...names(articles).entries()]
  const findings: { rare: string; common: string; commonCount: number; articleIds: string[] }[] = []
  for (const [rare, rareEntry] of all) {
    for (const [common, commonEntry] of all) {
      if (rare === common || commonEntry.count < 2 || rareEntry.count >= commonEntry.count) continue
      if (Math.abs(rare.length - common.length) > 1 || isInflection(rare, common)) continue
      if (rare.toLocaleLowerCase('de-DE') === common.toLocaleLowerCase('de-DE')) continue
      const acronym = rare === rare.toUpperCase() || common === common.toUpperCase()
      if (!acronym && rare.length < 6) continue
      if (editDistance(rare, common) === 1) {
        findings.push({
          rare,
          common,
          commonCount: commonEntry.count,
          articleIds: [...rareEntry.articleIds],
        })
      }
    }
  }
  return findings
}

/**
 * The pre-approval checks of an issue, in reading order; pure. `emailBytes` is the size of the
 * rendered e-mail HTML, which the domain cannot render itself (see `src/render/issue-checks.ts`).
 */
export function runChecks(
  issue: Pick<Issue, 'articleIds'>,
  articles: readonly Article[],
  publication: Publication,
  emailBytes: number,
): CheckResult[] {
  const byId = new Map(articles.map((article) => [article.id, article]))
  const ordered = issue.articleIds.flatMap((id) => byId.get(id) ?? [])
  const results: CheckResult[] = []
  if (ordered.length === 0) {
    results.push({
      id: 'issue-empty',
      severity: findingSeverity['issue-empty'],
      message: 'Die Ausgabe enthält noch keine Beiträge.',
    })
  }
  for (const article of ordered) {
    const name = article.headline.trim() ? `„${article.headline}“` : 'Ein Beitrag ohne Überschrift'
    for (const finding of articleFindings(article)) {
      results.push({
        id: finding.id,
        severity: finding.severity,
        articleId: article.id,
        ...(finding.place ? { place: finding.place } : {}),
        message: `${name}${finding.where ? `, ${finding.where}` : ''}: ${finding.detail}${finding.hint ? ` ${finding.hint}` : ''}`,
      })
    }
  }
  for (const finding of nearDuplicateNames(ordered)) {
    const articleId = finding.articleIds[0]
    const inHeadline = byId.get(articleId ?? '')?.headline.includes(finding.rare) ?? false
    results.push({
      id: `spelling:${finding.rare}:${finding.common}`,
      severity: findingSeverity.spelling,
      articleId,
      place: { field: inHeadline ? 'headline' : 'body' },
      message: `„${finding.rare}“ ähnelt „${finding.common}“ (${finding.commonCount}× in dieser Ausgabe) – Schreibweise prüfen.`,
    })
  }
  if (emailBytes > emailClipBytes) {
    results.push({
      id: 'email-size',
      severity: findingSeverity['email-size'],
      message: `Die E-Mail wird etwa ${Math.round(emailBytes / 1024)} KB groß; Gmail kürzt E-Mails über 102 KB und versteckt dabei den Abmeldehinweis.`,
    })
  }
  const impressum = publicationContentSchema.safeParse(publication)
  if (!impressum.success) {
    results.push({
      id: 'impressum',
      severity: findingSeverity.impressum,
      message: `Das Impressum ist unvollständig: ${impressum.error.issues.map((issue) => issue.message).join(' ')}`,
    })
  }
  return results
}

/** Whether an approval may go ahead: no errors, every warning acknowledged. */
export function approvalBlockers(
  results: readonly CheckResult[],
  acknowledged: readonly string[],
): CheckResult[] {
  return results.filter(
    (result) => result.severity === 'error' || !acknowledged.includes(result.id),
  )
}
