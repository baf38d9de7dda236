import type { Article } from './article'
import { withoutCommentAnchors } from './comment-anchor'
import type { ApprovedContent } from './issue'
import { canonicalJson } from './canonical-json'
import { approvedPublication, type ApprovedPublication, type Publication } from './publication'
import { plainText } from './rich-text'

/** What changed in one article since the approval, in words a reader understands. */
export interface ArticleChange {
  articleId: string
  headline: string
  kind: 'added' | 'removed' | 'changed'
  headlineChanged: boolean
  wordsAdded: string[]
  wordsRemoved: string[]
  photosChanged: boolean
}

/** Changes between the approved content and the current one: per article, and the order. */
export interface ContentChanges {
  orderChanged: boolean
  articles: ArticleChange[]
}

const words = (text: string) => text.match(/[\p{L}\p{N}]+(?:[-'’.][\p{L}\p{N}]+)*/gu) ?? []

/** Words of `after` not in `before` and vice versa, counted as multisets (order-insensitive, linear). */
export function wordChanges(before: string, after: string): { added: string[]; removed: string[] } {
  const count = new Map<string, number>()
  for (const word of words(before)) count.set(word, (count.get(word) ?? 0) + 1)
  const added: string[] = []
  for (const word of words(after)) {
    const left = count.get(word) ?? 0
    if (left > 0) count.set(word, left - 1)
    else added.push(word)
  }
  const removed = [...count.entries()].flatMap(([word, left]) => Array<string>(left).fill(word))
  return { added, removed }
}

/** "Seit Freigabe geändert": compares the approved content with the articles now. */
export function contentChanges(
  approved: ApprovedContent,
  articleIds: readonly string[],
  articles: readonly Article[],
): ContentChanges {
  const current = new Map(articles.map((article) => [article.id, article]))
  const before = new Map(approved.articles.map((article) => [article.id, article]))
  const changes: ArticleChange[] = []
  for (const id of articleIds) {
    const now = current.get(id)
    if (!now) continue
    const then = before.get(id)
    const headlineText = (article: { headline: string; body: Article['body'] }) =>
      `${article.headline}\n${plainText(article.body)}`
    if (!then) {
      changes.push({
        articleId: id,
        headline: now.headline,
        kind: 'added',
        headlineChanged: false,
        wordsAdded: words(headlineText(now)),
        wordsRemoved: [],
        photosChanged: now.photos.length > 0,
      })
      continue
    }
    const { added, removed } = wordChanges(headlineText(then), headlineText(now))
    const photosChanged = canonicalJson(then.photos) !== canonicalJson(now.photos)
    const bodyChanged =
      canonicalJson(withoutCommentAnchors(then.body)) !==
      canonicalJson(withoutCommentAnchors(now.body))
    if (then.headline !== now.headline || bodyChanged || photosChanged) {
      changes.push({
        articleId: id,
        headline: now.headline,
        kind: 'changed',
        headlineChanged: then.headline !== now.headline,
        wordsAdded: added,
        wordsRemoved: removed,
        photosChanged,
      })
    }
  }
  for (const then of approved.articles) {
    if (!articleIds.includes(then.id)) {
      changes.push({
        articleId: then.id,
        headline: then.headline,
        kind: 'removed',
        headlineChanged: false,
        wordsAdded: [],
        wordsRemoved: words(`${then.headline}\n${plainText(then.body)}`),
        photosChanged: false,
      })
    }
  }
  const stillThere = approved.articles
    .map((article) => article.id)
    .filter((id) => articleIds.includes(id))
  const orderNow = articleIds.filter((id) => before.has(id))
  return { orderChanged: stillThere.join() !== orderNow.join(), articles: changes }
}

const settingLabels: Record<keyof ApprovedPublication, string> = {
  title: 'Titel',
  subtitle: 'Untertitel',
  impressum: 'Impressum',
  unsubscribeText: 'Abmeldehinweis',
  layout: 'Layout',
}

/**
 * Which of the settings an approval covered differ now ("Layout", "Impressum"), in the order of
 * the masthead down; none when the approval kept no copy of them (given before they were covered).
 */
export function settingsChanges(
  approved: ApprovedPublication | undefined,
  current: Publication,
): string[] {
  if (!approved) return []
  const now = approvedPublication(current)
  return (Object.keys(settingLabels) as (keyof ApprovedPublication)[])
    .filter((key) => canonicalJson(approved[key]) !== canonicalJson(now[key]))
    .map((key) => settingLabels[key])
}

/** One step of a sequence diff: an item of both sequences, or of only one of them. */
export type SequenceStep<T> =
  | { kind: 'same'; before: T; after: T }
  | { kind: 'removed'; before: T }
  | { kind: 'added'; after: T }

/** Above this many cells the middle of two sequences is reported as replaced, not aligned. */
const maxAlignmentCells = 4_000_000

/**
 * The longest common subsequence of two sequences as steps in order (common start and end
 * trimmed first; within a change, removals come before additions).
 */
export function diffSequence<T>(
  before: readonly T[],
  after: readonly T[],
  equal: (a: T, b: T) => boolean,
): SequenceStep<T>[] {
  // indices are always in range here; the cast only tells TypeScript so
  const a = (index: number) => before[index] as T
  const b = (index: number) => after[index] as T
  let start = 0
  while (start < before.length && start < after.length && equal(a(start), b(start))) start++
  let endA = before.length
  let endB = after.length
  while (endA > start && endB > start && equal(a(endA - 1), b(endB - 1))) {
    endA--
    endB--
  }
  const steps: SequenceStep<T>[] = []
  for (let index = 0; index < start; index++)
    steps.push({ kind: 'same', before: a(index), after: b(index) })
  const rows = endA - start
  const columns = endB - start
  if ((rows + 1) * (columns + 1) > maxAlignmentCells) {
    for (let i = start; i < endA; i++) steps.push({ kind: 'removed', before: a(i) })
    for (let j = start; j < endB; j++) steps.push({ kind: 'added', after: b(j) })
  } else {
    // common[i * width + j]: length of the longest common subsequence of the middles from i and j
    const width = columns + 1
    const common = new Uint32Array((rows + 1) * width)
    const at = (i: number, j: number) => common[i * width + j] ?? 0
    for (let i = rows - 1; i >= 0; i--) {
      for (let j = columns - 1; j >= 0; j--) {
        common[i * width + j] = equal(a(start + i), b(start + j))
          ? at(i + 1, j + 1) + 1
          : Math.max(at(i + 1, j), at(i, j + 1))
      }
    }
    let i = 0
    let j = 0
    while (i < rows || j < columns) {
      if (i < rows && j < columns && equal(a(start + i), b(start + j))) {
        steps.push({ kind: 'same', before: a(start + i++), after: b(start + j++) })
      } else if (i < rows && (j >= columns || at(i + 1, j) >= at(i, j + 1))) {
        steps.push({ kind: 'removed', before: a(start + i++) })
      } else {
        steps.push({ kind: 'added', after: b(start + j++) })
      }
    }
  }
  for (let index = 0; index < before.length - endA; index++)
    steps.push({ kind: 'same', before: a(endA + index), after: b(endB + index) })
  return steps
}

/** A run of text in a word diff: in both texts, or only in the earlier or the later one. */
export interface TextChange {
  kind: 'same' | 'added' | 'removed'
  text: string
}

/**
 * The word diff of two texts, as runs of text in reading order: removed words of `before`,
 * added words of `after`, and the words they share (with the spacing of `after`).
 */
export function wordDiff(before: string, after: string): TextChange[] {
  const tokens = (text: string) => text.match(/\S+\s*/g) ?? []
  const steps = diffSequence(tokens(before), tokens(after), (a, b) => a.trimEnd() === b.trimEnd())
  const runs: TextChange[] = []
  for (const step of steps) {
    const text = step.kind === 'removed' ? step.before : step.after
    const last = runs.at(-1)
    if (last && last.kind === step.kind) last.text += text
    else runs.push({ kind: step.kind, text })
  }
  return runs
}
