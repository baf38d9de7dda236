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

/** Whether `a` becomes `b` by adding, dropping or changing exactly one letter; linear, no tables. */
function oneEditApart(a: string, b: string): boolean {
  if (a === b) return false
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a]
  if (longer.length - shorter.length > 1) return false
  let i = 0
  while (i < shorter.length && shorter[i] === longer[i]) i++
  // the rest after the first difference must match, with the longer one a letter ahead
  const skip = shorter.length === longer.length ? 1 : 0
  return shorter.slice(i + skip) === longer.slice(i + 1)
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
  // what the pair test needs, once per name: the page runs this on every change of an article
  const all = [...names(articles).entries()].map(([name, entry], order) => ({
    name,
    order,
    ...entry,
    lower: name.toLocaleLowerCase('de-DE'),
    acronym: name === name.toUpperCase(),
  }))
  const byLength = new Map<number, typeof all>()
  for (const entry of all)
    byLength.set(entry.name.length, [...(byLength.get(entry.name.length) ?? []), entry])
  const findings: { rare: string; common: string; commonCount: number; articleIds: string[] }[] = []
  for (const rare of all) {
    const length = rare.name.length
    const similar = [length - 1, length, length + 1]
      .flatMap((key) => byLength.get(key) ?? [])
      .sort((a, b) => a.order - b.order)
    for (const common of similar) {
      if (rare === common || common.count < 2 || rare.count >= common.count) continue
      if (!rare.acronym && !common.acronym && rare.name.length < 6) continue
      if (rare.lower === common.lower) continue
      if (oneEditApart(rare.name, common.name) && !isInflection(rare.name, common.name)) {
        findings.push({
          rare: rare.name,
          common: common.name,
          commonCount: common.count,
          articleIds: [...rare.articleIds],
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

/** How many errors and warnings the checks find: the one count the page shows wherever it counts. */
export function countFindings(results: readonly CheckResult[]): {
  errors: number
  warnings: number
} {
  const errors = results.filter((result) => result.severity === 'error').length
  return { errors, warnings: results.length - errors }
}

const counted = (count: number, one: string, many: string) =>
  count === 1 ? one : `${count} ${many}`

/** "2 Fehler und eine Warnung", or null when every check passed. */
export function openFindingsSummary(results: readonly CheckResult[]): string | null {
  const { errors, warnings } = countFindings(results)
  const parts = [
    errors > 0 ? counted(errors, 'ein Fehler', 'Fehler') : null,
    warnings > 0 ? counted(warnings, 'eine Warnung', 'Warnungen') : null,
  ].filter((part) => part !== null)
  if (parts.length === 0) return null
  const text = parts.join(' und ')
  return text.charAt(0).toUpperCase() + text.slice(1)
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
