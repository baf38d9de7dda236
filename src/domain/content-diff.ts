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
