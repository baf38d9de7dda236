import { Mark, mergeAttributes } from '@tiptap/core'
import type { Mark as ProseMirrorMark, Node as ProseMirrorNode } from '@tiptap/pm/model'
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state'
import { AddMarkStep, RemoveMarkStep, ReplaceAroundStep, ReplaceStep } from '@tiptap/pm/transform'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import { commentAnchorMarkName } from '../../domain/comment-anchor'

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    commentAnchor: {
      /** Anchors a comment thread to the selected text; refused for an empty selection. */
      setCommentAnchor: (attributes: { threadId: string }) => ReturnType
      /** Removes a thread's anchor wherever it is in the document. */
      unsetCommentAnchor: (threadId: string) => ReturnType
      /**
       * Removes the anchors of deleted threads and keeps them out: text that undo or a paste
       * inside the editor brings back loses them again (not an undo step itself).
       */
      forgetCommentThreads: (threadIds: readonly string[]) => ReturnType
      /** Highlights one thread's anchored text as the active one (null: none). */
      setActiveCommentThread: (threadId: string | null) => ReturnType
      /** Shows the text of these threads ("Erledigt") without the marker of open ones. */
      setResolvedCommentThreads: (threadIds: readonly string[]) => ReturnType
    }
  }
}

/** The HTML attribute that carries the thread id of an anchor in the editor. */
export const commentThreadAttribute = 'data-comment-thread'
/** The class of every anchored text in the editor, and of the active thread's text. */
export const commentAnchorClass = 'comment-anchor'
export const activeCommentAnchorClass = 'comment-anchor-active'
export const resolvedCommentAnchorClass = 'comment-anchor-resolved'

interface ActiveThreadState {
  threadId: string | null
  decorations: DecorationSet
}

interface ResolvedThreadsState {
  threadIds: ReadonlySet<string>
  decorations: DecorationSet
}

export const activeCommentThreadKey = new PluginKey<ActiveThreadState>('activeCommentThread')
export const deletedCommentThreadsKey = new PluginKey<ReadonlySet<string>>('deletedCommentThreads')
export const resolvedCommentThreadsKey = new PluginKey<ResolvedThreadsState>(
  'resolvedCommentThreads',
)

/** A stretch of a document, as positions. */
export interface DocumentRange {
  from: number
  to: number
}

/**
 * Where each comment thread's anchor lies: by thread id, its anchored text in reading order, text
 * nodes that follow each other as one range (formatting splits the text, not the anchor). Text
 * only, as for `commentAnchorTexts`: an anchored line break belongs to no range. With `from` and
 * `to`, only the text nodes that reach into [from, to), each whole.
 */
export function commentAnchorRanges(
  doc: ProseMirrorNode,
  from = 0,
  to = doc.content.size,
): Map<string, DocumentRange[]> {
  const ranges = new Map<string, DocumentRange[]>()
  doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isText) return true
    const end = pos + node.nodeSize
    for (const mark of node.marks) {
      if (mark.type.name !== commentAnchorMarkName) continue
      const threadId = String(mark.attrs.threadId)
      const threadRanges = ranges.get(threadId)
      const last = threadRanges?.at(-1)
      if (last?.to === pos) last.to = end
      else if (threadRanges) threadRanges.push({ from: pos, to: end })
      else ranges.set(threadId, [{ from: pos, to: end }])
    }
    return false
  })
  return ranges
}

/** The ranges sorted, those that overlap or touch joined. */
function joined(ranges: readonly DocumentRange[]): DocumentRange[] {
  const result: DocumentRange[] = []
  for (const range of [...ranges].sort((a, b) => a.from - b.from)) {
    const last = result.at(-1)
    if (last && range.from <= last.to) last.to = Math.max(last.to, range.to)
    else result.push({ ...range })
  }
  return result
}

/** What of the ranges lies outside the removed ones (both joined). */
function outside(
  ranges: readonly DocumentRange[],
  removed: readonly DocumentRange[],
): DocumentRange[] {
  const result: DocumentRange[] = []
  for (const range of ranges) {
    let from = range.from
    for (const cut of removed) {
      if (cut.to <= from) continue
      if (cut.from >= range.to) break
      if (cut.from > from) result.push({ from, to: cut.from })
      from = cut.to
    }
    if (from < range.to) result.push({ from, to: range.to })
  }
  return result
}

/** Decorations of a plugin for the anchored text in [from, to) (text nodes reaching into it). */
type ThreadDecorations = (doc: ProseMirrorNode, from: number, to: number) => Decoration[]

const activeDecorations =
  (threadId: string): ThreadDecorations =>
  (doc, from, to) =>
    (commentAnchorRanges(doc, from, to).get(threadId) ?? []).map((range) =>
      Decoration.inline(range.from, range.to, {
        class: activeCommentAnchorClass,
        'data-active-comment-thread': threadId,
      }),
    )

/** Only text all of whose threads are resolved loses its marker; an open one keeps it. */
const resolvedDecorations =
  (resolved: ReadonlySet<string>): ThreadDecorations =>
  (doc, from, to) => {
    const resolvedRanges: DocumentRange[] = []
    const openRanges: DocumentRange[] = []
    for (const [threadId, ranges] of commentAnchorRanges(doc, from, to)) {
      const list = resolved.has(threadId) ? resolvedRanges : openRanges
      list.push(...ranges)
    }
    return outside(joined(resolvedRanges), joined(openRanges)).map((range) =>
      Decoration.inline(range.from, range.to, { class: resolvedCommentAnchorClass }),
    )
  }

/**
 * Maps a plugin's decorations through a change and rescans only the changed ranges, so typing in
 * a long article costs no walk over the whole document.
 */
function mappedDecorations(
  tr: Transaction,
  current: DecorationSet,
  decorate: ThreadDecorations,
): DecorationSet {
  let decorations = current.map(tr.mapping, tr.doc)
  const size = tr.doc.content.size
  const changed: [number, number][] = []
  tr.mapping.maps.forEach((stepMap, index) => {
    const rest = tr.mapping.slice(index + 1)
    stepMap.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
      changed.push([rest.map(newStart, -1), rest.map(newEnd, 1)])
    })
    // adding or removing an anchor moves no position (its step map is empty), yet its text
    // gains or loses the thread
    const step = tr.steps[index]
    if (
      (step instanceof AddMarkStep || step instanceof RemoveMarkStep) &&
      step.mark.type.name === commentAnchorMarkName
    ) {
      changed.push([rest.map(step.from, -1), rest.map(step.to, 1)])
    }
  })
  for (const [changedFrom, changedTo] of changed) {
    let from = Math.max(0, changedFrom - 1)
    let to = Math.min(size, changedTo + 1)
    const stale = decorations.find(from, to)
    for (const decoration of stale) {
      from = Math.min(from, decoration.from)
      to = Math.max(to, decoration.to)
    }
    decorations = decorations.remove(stale).add(tr.doc, decorate(tr.doc, from, to))
  }
  return decorations
}

function activeThreadPlugin() {
  return new Plugin<ActiveThreadState>({
    key: activeCommentThreadKey,
    state: {
      init: () => ({ threadId: null, decorations: DecorationSet.empty }),
      apply: (tr, state, _old, newState: EditorState) => {
        const chosen = tr.getMeta(activeCommentThreadKey) as { threadId: string | null } | undefined
        if (chosen !== undefined) {
          const threadId = chosen.threadId
          return {
            threadId,
            decorations:
              threadId === null
                ? DecorationSet.empty
                : DecorationSet.create(
                    newState.doc,
                    activeDecorations(threadId)(newState.doc, 0, newState.doc.content.size),
                  ),
          }
        }
        const threadId = state.threadId
        if (!tr.docChanged || threadId === null) return state
        return {
          threadId,
          decorations: mappedDecorations(tr, state.decorations, activeDecorations(threadId)),
        }
      },
    },
    props: {
      decorations: (state) => activeCommentThreadKey.getState(state)?.decorations,
    },
  })
}

function resolvedThreadsPlugin() {
  return new Plugin<ResolvedThreadsState>({
    key: resolvedCommentThreadsKey,
    state: {
      init: () => ({ threadIds: new Set(), decorations: DecorationSet.empty }),
      apply: (tr, state, _old, newState: EditorState) => {
        const chosen = tr.getMeta(resolvedCommentThreadsKey) as
          { threadIds: readonly string[] } | undefined
        if (chosen !== undefined) {
          const threadIds = new Set(chosen.threadIds)
          return {
            threadIds,
            decorations:
              threadIds.size === 0
                ? DecorationSet.empty
                : DecorationSet.create(
                    newState.doc,
                    resolvedDecorations(threadIds)(newState.doc, 0, newState.doc.content.size),
                  ),
          }
        }
        if (!tr.docChanged || state.threadIds.size === 0) return state
        return {
          threadIds: state.threadIds,
          decorations: mappedDecorations(
            tr,
            state.decorations,
            resolvedDecorations(state.threadIds),
          ),
        }
      },
    },
    props: {
      decorations: (state) => resolvedCommentThreadsKey.getState(state)?.decorations,
    },
  })
}

/** The thread ids of anchors of `threadIds` that the transactions' steps bring into the text. */
function anchorsBroughtBack(
  transactions: readonly Transaction[],
  threadIds: ReadonlySet<string>,
): Set<string> {
  const found = new Set<string>()
  const look = (mark: ProseMirrorMark) => {
    const threadId = String(mark.attrs.threadId)
    if (mark.type.name === commentAnchorMarkName && threadIds.has(threadId)) found.add(threadId)
  }
  for (const tr of transactions) {
    for (const step of tr.steps) {
      if (step instanceof AddMarkStep) look(step.mark)
      if (step instanceof ReplaceStep || step instanceof ReplaceAroundStep) {
        step.slice.content.descendants((node) => node.marks.forEach(look))
      }
    }
  }
  return found
}

/**
 * Threads deleted while the editor is open: their anchors stay out. Only the inserted slices are
 * looked at, so typing costs nothing; a slice that carries such an anchor (undo of a deletion in
 * its text) has it removed in an appended transaction.
 */
function deletedThreadsPlugin() {
  return new Plugin<ReadonlySet<string>>({
    key: deletedCommentThreadsKey,
    state: {
      init: () => new Set(),
      apply: (tr, threadIds) => {
        const forgotten = tr.getMeta(deletedCommentThreadsKey) as readonly string[] | undefined
        return forgotten === undefined ? threadIds : new Set([...threadIds, ...forgotten])
      },
    },
    appendTransaction: (transactions, _old, state) => {
      const threadIds = deletedCommentThreadsKey.getState(state)
      if (!threadIds || threadIds.size === 0) return null
      const found = anchorsBroughtBack(transactions, threadIds)
      const markType = state.schema.marks[commentAnchorMarkName]
      if (found.size === 0 || !markType) return null
      const { tr } = state
      for (const threadId of found) {
        tr.removeMark(0, tr.doc.content.size, markType.create({ threadId }))
      }
      return tr.docChanged ? tr.setMeta('addToHistory', false) : null
    },
  })
}

/** The thread whose text the editor shows as active, or null. */
export function activeCommentThread(state: EditorState): string | null {
  return activeCommentThreadKey.getState(state)?.threadId ?? null
}

/**
 * Anchors a comment thread to text: a mark with the thread's id. Not inclusive (typing right after
 * it does not extend it) and excluding nothing, so threads may overlap. The thread itself lives on
 * the server; renderers, exports and the fingerprint strip the mark (`withoutCommentAnchors`).
 */
export const CommentAnchor = Mark.create({
  name: commentAnchorMarkName,
  inclusive: false,
  excludes: '',

  addAttributes() {
    return {
      threadId: {
        default: null,
        parseHTML: (element) => element.getAttribute(commentThreadAttribute),
        renderHTML: (attributes) => ({ [commentThreadAttribute]: attributes.threadId as string }),
      },
    }
  },

  parseHTML() {
    return [{ tag: `span[${commentThreadAttribute}]` }]
  },

  renderHTML({ HTMLAttributes }) {
    return ['span', mergeAttributes(HTMLAttributes, { class: commentAnchorClass }), 0]
  },

  addCommands() {
    return {
      setCommentAnchor:
        ({ threadId }) =>
        ({ tr, state, dispatch }) => {
          const { empty, ranges } = state.selection
          if (empty || threadId === '') return false
          const mark = state.schema.marks[commentAnchorMarkName]?.create({ threadId })
          if (!mark) return false
          const hasText = ranges.some(
            (range) => state.doc.textBetween(range.$from.pos, range.$to.pos).trim() !== '',
          )
          if (!hasText) return false
          if (dispatch) {
            for (const range of ranges) tr.addMark(range.$from.pos, range.$to.pos, mark)
          }
          return true
        },
      unsetCommentAnchor:
        (threadId) =>
        ({ tr, state, dispatch }) => {
          const mark = state.schema.marks[commentAnchorMarkName]?.create({ threadId })
          if (!mark) return false
          let found = false
          state.doc.descendants((node) => {
            if (found) return false
            if (mark.isInSet(node.marks)) found = true
            return !found
          })
          if (!found) return false
          if (dispatch) tr.removeMark(0, state.doc.content.size, mark)
          return true
        },
      forgetCommentThreads:
        (threadIds) =>
        ({ tr, state, dispatch }) => {
          const markType = state.schema.marks[commentAnchorMarkName]
          if (!markType || threadIds.length === 0) return false
          if (dispatch) {
            for (const threadId of threadIds) {
              tr.removeMark(0, tr.doc.content.size, markType.create({ threadId }))
            }
            tr.setMeta(deletedCommentThreadsKey, threadIds).setMeta('addToHistory', false)
          }
          return true
        },
      setActiveCommentThread:
        (threadId) =>
        ({ tr, dispatch }) => {
          if (dispatch)
            tr.setMeta(activeCommentThreadKey, { threadId }).setMeta('addToHistory', false)
          return true
        },
      setResolvedCommentThreads:
        (threadIds) =>
        ({ tr, state, dispatch }) => {
          const current = resolvedCommentThreadsKey.getState(state)?.threadIds ?? new Set()
          const same = current.size === threadIds.length && threadIds.every((id) => current.has(id))
          if (same) return false
          if (dispatch)
            tr.setMeta(resolvedCommentThreadsKey, { threadIds }).setMeta('addToHistory', false)
          return true
        },
    }
  },

  addProseMirrorPlugins() {
    return [activeThreadPlugin(), resolvedThreadsPlugin(), deletedThreadsPlugin()]
  },
})
