import type { Photo } from './article'
import { diffSequence } from './content-diff'
import { canonicalJson } from './canonical-json'
import { blockTexts, emptyDoc, type BlockNode, type RichTextDoc } from './rich-text'

/** What two people can both have changed in an article: headline, text and photos. */
export interface ArticleContent {
  headline: string
  body: RichTextDoc
  photos: Photo[]
}

/** Which of two versions a differing part is taken from. */
export type MergeSide = 'mine' | 'theirs'

/** A part of the text: paragraphs both versions share, or a place where they differ. */
export type BodyPart =
  | { kind: 'same'; blocks: BlockNode[] }
  | { kind: 'differ'; id: string; mine: BlockNode[]; theirs: BlockNode[] }

/** Where two versions of an article differ, part by part, for a choice per part. */
export interface ArticleDifferences {
  headline: boolean
  body: BodyPart[]
  photos: boolean
}

const sameJson = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b)

/** Aligns the paragraphs (top-level blocks) of two versions; runs of differing ones form one part. */
export function articleDifferences(
  mine: ArticleContent,
  theirs: ArticleContent,
): ArticleDifferences {
  const steps = diffSequence(theirs.body.content, mine.body.content, sameJson)
  const body: BodyPart[] = []
  let differing = 0
  for (const step of steps) {
    const last = body.at(-1)
    if (step.kind === 'same') {
      if (last?.kind === 'same') last.blocks.push(step.after)
      else body.push({ kind: 'same', blocks: [step.after] })
      continue
    }
    const part: Extract<BodyPart, { kind: 'differ' }> =
      last?.kind === 'differ'
        ? last
        : { kind: 'differ', id: `text-${++differing}`, mine: [], theirs: [] }
    if (part !== last) body.push(part)
    if (step.kind === 'removed') part.theirs.push(step.before)
    else part.mine.push(step.after)
  }
  return {
    headline: mine.headline !== theirs.headline,
    body,
    photos: !sameJson(mine.photos, theirs.photos),
  }
}

/** The plain text of some paragraphs, one line each, for a word diff. */
export const blocksText = (blocks: BlockNode[]) =>
  blockTexts({ type: 'doc', content: blocks })
    .filter((text) => text.trim() !== '')
    .join('\n')

/**
 * The merged article: each differing part (`headline`, `photos`, or a body part's id) taken
 * from the side chosen for it, `mine` where nothing is chosen.
 */
export function mergeArticle(
  mine: ArticleContent,
  theirs: ArticleContent,
  choices: Readonly<Record<string, MergeSide>>,
): ArticleContent {
  const side = (id: string) => choices[id] ?? 'mine'
  const { body } = articleDifferences(mine, theirs)
  const content = body.flatMap((part) =>
    part.kind === 'same' ? part.blocks : side(part.id) === 'theirs' ? part.theirs : part.mine,
  )
  return {
    headline: side('headline') === 'theirs' ? theirs.headline : mine.headline,
    body: content.length > 0 ? { ...mine.body, content } : emptyDoc(),
    photos: side('photos') === 'theirs' ? theirs.photos : mine.photos,
  }
}
