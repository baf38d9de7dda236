import type { Article } from './article'
import type { ApprovedContent } from './issue'
import { canonicalJson } from './fingerprint'
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
    const bodyChanged = canonicalJson(then.body) !== canonicalJson(now.body)
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
  let start = 0
  while (start < before.length && start < after.length && equal(before[start]!, after[start]!))
    start++
  let endBefore = before.length
  let endAfter = after.length
  while (
    endBefore > start &&
    endAfter > start &&
    equal(before[endBefore - 1]!, after[endAfter - 1]!)
  ) {
    endBefore--
    endAfter--
  }
  const head = before
    .slice(0, start)
    .map((item, index): SequenceStep<T> => ({ kind: 'same', before: item, after: after[index]! }))
  const tail = before.slice(endBefore).map((item, index): SequenceStep<T> => ({
    kind: 'same',
    before: item,
    after: after[endAfter + index]!,
  }))
  const a = before.slice(start, endBefore)
  const b = after.slice(start, endAfter)
  const middle: SequenceStep<T>[] = []
  if ((a.length + 1) * (b.length + 1) > maxAlignmentCells) {
    middle.push(...a.map((item): SequenceStep<T> => ({ kind: 'removed', before: item })))
    middle.push(...b.map((item): SequenceStep<T> => ({ kind: 'added', after: item })))
    return [...head, ...middle, ...tail]
  }
  // lengths[i][j]: longest common subsequence of a[i..] and b[j..]
  const width = b.length + 1
  const lengths = new Uint32Array((a.length + 1) * width)
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i * width + j] = equal(a[i]!, b[j]!)
        ? lengths[(i + 1) * width + j + 1]! + 1
        : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!)
    }
  }
  let i = 0
  let j = 0
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && equal(a[i]!, b[j]!)) {
      middle.push({ kind: 'same', before: a[i++]!, after: b[j++]! })
    } else if (
      i < a.length &&
      (j >= b.length || lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!)
    ) {
      middle.push({ kind: 'removed', before: a[i++]! })
    } else {
      middle.push({ kind: 'added', after: b[j++]! })
    }
  }
  return [...head, ...middle, ...tail]
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
  // a removal followed by an addition reads best with a space between them
  for (const [index, run] of runs.entries()) {
    if (run.kind === 'removed' && runs[index + 1]?.kind === 'added' && !/\s$/.test(run.text))
      run.text += ' '
  }
  return runs
}
