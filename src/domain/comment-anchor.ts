import { canonicalJson } from './canonical-json'
import type { BlockNode, InlineNode, Mark, RichTextDoc } from './rich-text'

/** The name of the mark that anchors a comment thread in an article body (and in the editor). */
export const commentAnchorMarkName = 'commentAnchor'

const isCommentAnchor = (mark: Mark) => mark.type === commentAnchorMarkName

/** Which marks a walk removes. */
type MarkFilter = (mark: Mark) => boolean

function sameMarks(a: readonly Mark[] | undefined, b: readonly Mark[] | undefined): boolean {
  return canonicalJson(a ?? []) === canonicalJson(b ?? [])
}

function withoutMarksInline(content: readonly InlineNode[], removed: MarkFilter): InlineNode[] {
  const result: InlineNode[] = []
  for (const node of content) {
    const marks = node.marks?.filter((mark) => !removed(mark))
    const stripped: InlineNode =
      marks === undefined || marks.length === 0
        ? node.type === 'text'
          ? { type: 'text', text: node.text }
          : { type: 'hardBreak' }
        : { ...node, marks }
    const previous = result.at(-1)
    // The editor splits text where a mark starts or ends; without the anchor the pieces are one.
    if (
      previous?.type === 'text' &&
      stripped.type === 'text' &&
      sameMarks(previous.marks, stripped.marks)
    ) {
      result[result.length - 1] = { ...previous, text: previous.text + stripped.text }
    } else {
      result.push(stripped)
    }
  }
  return result
}

function withoutMarksBlock(block: BlockNode, removed: MarkFilter): BlockNode {
  const inner = (child: BlockNode) => withoutMarksBlock(child, removed)
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return block.content === undefined
        ? block
        : { ...block, content: withoutMarksInline(block.content, removed) }
    case 'blockquote':
      return { ...block, content: block.content.map(inner) }
    case 'bulletList':
    case 'orderedList':
      return {
        ...block,
        content: block.content.map((item) => ({ ...item, content: item.content.map(inner) })),
      }
  }
}

/**
 * The body without its comment anchors, text split by them joined again: what renderers, exports,
 * the archive and the approval fingerprint see.
 */
export function withoutCommentAnchors(doc: RichTextDoc): RichTextDoc {
  return { ...doc, content: doc.content.map((block) => withoutMarksBlock(block, isCommentAnchor)) }
}

/**
 * The body without the anchors of the given threads (deleted ones), text split by them joined
 * again; the anchors of other threads stay where they are.
 */
export function withoutCommentAnchorsOf(
  doc: RichTextDoc,
  threadIds: ReadonlySet<string>,
): RichTextDoc {
  const removed: MarkFilter = (mark) =>
    mark.type === commentAnchorMarkName && threadIds.has(mark.attrs.threadId)
  return { ...doc, content: doc.content.map((block) => withoutMarksBlock(block, removed)) }
}

/** True when two bodies are the same text with the same formatting, comment anchors aside. */
export function differsOnlyInCommentAnchors(a: RichTextDoc, b: RichTextDoc): boolean {
  return canonicalJson(withoutCommentAnchors(a)) === canonicalJson(withoutCommentAnchors(b))
}

function visitInline(doc: RichTextDoc, visit: (node: InlineNode) => void) {
  const visitBlock = (block: BlockNode) => {
    switch (block.type) {
      case 'paragraph':
      case 'heading':
        block.content?.forEach(visit)
        break
      case 'blockquote':
        block.content.forEach(visitBlock)
        break
      case 'bulletList':
      case 'orderedList':
        block.content.forEach((item) => item.content.forEach(visitBlock))
        break
    }
  }
  doc.content.forEach(visitBlock)
}

/**
 * The text each comment thread is anchored to, by thread id, in reading order (pieces of one
 * anchor joined). A thread whose text was deleted is not in the map.
 */
export function commentAnchorTexts(doc: RichTextDoc): Map<string, string> {
  const pieces = new Map<string, string[]>()
  visitInline(doc, (node) => {
    if (node.type !== 'text') return
    for (const mark of node.marks ?? []) {
      if (mark.type !== 'commentAnchor') continue
      const list = pieces.get(mark.attrs.threadId) ?? []
      list.push(node.text)
      pieces.set(mark.attrs.threadId, list)
    }
  })
  return new Map([...pieces].map(([threadId, texts]) => [threadId, texts.join('')]))
}

/** The ids of the threads anchored anywhere in the body (also on a line break only). */
export function commentAnchorThreadIds(doc: RichTextDoc): Set<string> {
  const ids = new Set<string>()
  visitInline(doc, (node) => {
    for (const mark of node.marks ?? []) {
      if (mark.type === commentAnchorMarkName) ids.add(mark.attrs.threadId)
    }
  })
  return ids
}

/**
 * The body without anchors of threads that are not among `existing` (deleted meanwhile), or the
 * body itself, untouched, when it has none: a stored body keeps "every anchor has its thread".
 * `anchored` are the body's anchored thread ids, when the caller has them already.
 */
export function withoutOrphanCommentAnchors(
  doc: RichTextDoc,
  existing: ReadonlySet<string>,
  anchored: ReadonlySet<string> = commentAnchorThreadIds(doc),
): RichTextDoc {
  const orphans = new Set([...anchored].filter((id) => !existing.has(id)))
  return orphans.size === 0 ? doc : withoutCommentAnchorsOf(doc, orphans)
}

/** Whether any text (or line break) of the body carries a comment anchor. */
export function hasCommentAnchors(doc: RichTextDoc): boolean {
  let found = false
  visitInline(doc, (node) => {
    if (node.marks?.some(isCommentAnchor)) found = true
  })
  return found
}

/**
 * The threads among `threadIds` anchored in `current` that have no anchor in `replacement`:
 * replacing the body (restoring an older version) takes their passage, and they show
 * "Text entfernt" though their words may still be in the text.
 */
export function threadsLosingTheirPassage(
  current: RichTextDoc,
  replacement: RichTextDoc,
  threadIds: Iterable<string>,
): string[] {
  const before = commentAnchorThreadIds(current)
  const after = commentAnchorThreadIds(replacement)
  return [...threadIds].filter((id) => before.has(id) && !after.has(id))
}
