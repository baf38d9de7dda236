import type { Editor } from '@tiptap/core'
import { TextSelection } from '@tiptap/pm/state'
import { useEffect, useMemo, useState } from 'react'
import { ConflictError, errorMessage } from '../../../backend/api-error'
import { useCommentThreads } from '../../../backend/queries/list-comment-threads'
import type { Article } from '../../../domain/article'
import {
  commentAnchorMarkName,
  commentAnchorTexts,
  commentAnchorThreadIds,
} from '../../../domain/comment-anchor'
import type { RichTextDoc } from '../../../domain/rich-text'
import {
  activeCommentThread,
  commentAnchorRanges,
  deletedCommentThreadsKey,
} from '../../../editor/comment-anchor/comment-anchor'
import { useCreateCommentThread } from '../api/comments'

/** Meta of the transaction that puts a thread's anchor, stored by the server, into the editor. */
export const storedAnchorMeta = 'rundbrief/storedCommentAnchor'

/** The passage a new comment is about, as selected when "Kommentieren" was chosen. */
export interface PendingComment {
  from: number
  to: number
  quote: string
}

export interface CommentingOptions {
  articleId: string
  /** Saves what is typed first; returns the article version to send, or why it cannot be sent. */
  prepare: () => Promise<{ version: number } | { problem: string }>
  /** Takes the article with the new anchor (the autosaver adopts its version). */
  adopt: (article: Article) => void
  /** While the thread is stored nobody types (the anchor's place must not move). */
  lockTyping?: (locked: boolean) => void
  /** Takes the article stored without a deleted thread's anchor, if nothing is unsaved. */
  adoptDeletion?: (article: Article) => void
}

export const noSelectionMessage =
  'Bitte markieren Sie zuerst den Text, den Sie kommentieren möchten.'

/** A thread's anchored text in the editor, first piece to last (null: its text is gone). */
function anchorRange(editor: Editor, threadId: string): { from: number; to: number } | null {
  const ranges = commentAnchorRanges(editor.state.doc).get(threadId)
  const first = ranges?.[0]
  const last = ranges?.at(-1)
  return first && last ? { from: first.from, to: last.to } : null
}

/**
 * "Kommentieren" in an editor: takes the selected passage, and on sending stores the body with the
 * new anchor and the first comment in one request, then shows the anchor and adopts the article.
 * Also shows a thread's passage when it is chosen in the list.
 */
export function useCommenting(editor: Editor, options: CommentingOptions) {
  const [pending, setPending] = useState<PendingComment | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [activeThreadId, setActiveThreadId] = useState<string | null>(null)
  const create = useCreateCommentThread(options.articleId)
  const threads = useCommentThreads(options.articleId)

  // the text of threads marked "Erledigt" loses its marker, as it does when the thread reopens
  const resolvedIds = useMemo(
    () =>
      (threads.data ?? [])
        .filter((thread) => thread.resolvedAt !== null)
        .map((thread) => thread.id),
    [threads.data],
  )
  useEffect(() => {
    if (editor.isDestroyed) return
    editor.commands.setResolvedCommentThreads(resolvedIds)
  }, [editor, resolvedIds])

  const start = () => {
    const { from, to, empty } = editor.state.selection
    const quote = editor.state.doc.textBetween(from, to, ' ').trim()
    if (empty || quote === '') {
      setProblem(noSelectionMessage)
      return
    }
    setProblem(null)
    setPending({ from, to, quote })
  }

  const cancel = () => {
    setPending(null)
    setProblem(null)
    create.reset()
    editor.commands.focus()
  }

  /** Sends the comment; returns the new thread's id, or null when it was not stored. */
  const submit = async (text: string): Promise<string | null> => {
    if (!pending) return null
    const { from, to, quote } = pending
    if (editor.state.doc.textBetween(from, to, ' ').trim() !== quote) {
      setProblem('Der markierte Text hat sich geändert. Bitte markieren Sie ihn noch einmal.')
      setPending(null)
      return null
    }
    setProblem(null)
    options.lockTyping?.(true)
    try {
      const prepared = await options.prepare()
      if ('problem' in prepared) {
        setProblem(prepared.problem)
        return null
      }
      const threadId = crypto.randomUUID()
      const mark = editor.schema.marks[commentAnchorMarkName]?.create({ threadId })
      if (!mark) throw new Error('Die Kommentar-Markierung fehlt im Editor.')
      const body = editor.state.tr.addMark(from, to, mark).doc.toJSON() as RichTextDoc
      const sentDoc = editor.state.doc
      const { article } = await create.mutateAsync({
        threadId,
        text,
        body,
        version: prepared.version,
      })
      if (editor.state.doc.eq(sentDoc)) {
        editor.view.dispatch(
          editor.state.tr.addMark(from, to, mark).setMeta(storedAnchorMeta, true),
        )
      } else {
        editor.commands.setContent(article.body, { emitUpdate: false })
      }
      options.adopt(article)
      setPending(null)
      setActiveThreadId(threadId)
      editor.commands.setActiveCommentThread(threadId)
      return threadId
    } catch (error) {
      setProblem(
        error instanceof ConflictError
          ? 'Der Beitrag wurde inzwischen geändert. Bitte markieren Sie die Stelle noch einmal.'
          : errorMessage(error),
      )
      if (error instanceof ConflictError) setPending(null)
      return null
    } finally {
      options.lockTyping?.(false)
    }
  }

  /**
   * A thread deleted here: its anchor leaves the editor as the server stored the body, not as an
   * edit to save and not as a step that undo would bring back.
   */
  const threadDeleted = (threadId: string, article: Article | null) => {
    if (editor.isDestroyed) return
    if (activeThreadId === threadId) setActiveThreadId(null)
    const chain = editor.chain().setMeta(storedAnchorMeta, true)
    chain.forgetCommentThreads([threadId])
    if (activeCommentThread(editor.state) === threadId) chain.setActiveCommentThread(null)
    chain.run()
    if (article) options.adoptDeletion?.(article)
  }

  /** Shows a thread's passage: highlighted, selected and scrolled into view. */
  const showThread = (threadId: string) => {
    setActiveThreadId(threadId)
    const range = anchorRange(editor, threadId)
    const { tr } = editor.state
    if (range) {
      tr.setSelection(TextSelection.create(tr.doc, range.from, range.to)).scrollIntoView()
    }
    editor.view.dispatch(tr)
    editor.commands.setActiveCommentThread(threadId)
  }

  return {
    pending,
    problem,
    busy: create.isPending,
    activeThreadId,
    start,
    cancel,
    submit,
    showThread,
    threadDeleted,
  }
}

/**
 * Puts the anchors of a stored body that the editor lacks back into the editor's text, each on
 * the first place where its text still stands (an anchor whose text is gone stays out: its
 * thread shows "Text entfernt"), and takes out the anchors that `before` (the body the editor
 * started from) had and the stored body has not: their threads were deleted. Returns the
 * editor's body.
 */
export function putBackAnchors(
  editor: Editor,
  stored: RichTextDoc,
  before: RichTextDoc,
): RichTextDoc {
  const markType = editor.schema.marks[commentAnchorMarkName]
  const { tr } = editor.state
  const kept = commentAnchorThreadIds(stored)
  const gone = [...commentAnchorThreadIds(before)].filter((threadId) => !kept.has(threadId))
  for (const threadId of gone) {
    if (markType) tr.removeMark(0, tr.doc.content.size, markType.create({ threadId }))
  }
  if (gone.length > 0) tr.setMeta(deletedCommentThreadsKey, gone)
  const present = commentAnchorRanges(tr.doc)
  for (const [threadId, text] of commentAnchorTexts(stored)) {
    if (!markType || present.has(threadId) || text === '') continue
    let placed = false
    tr.doc.descendants((node, pos) => {
      if (placed) return false
      if (!node.isTextblock) return true
      // a leaf (a line break) is one position, as one character here
      const at = node.textBetween(0, node.content.size, undefined, '\n').indexOf(text)
      if (at !== -1) {
        tr.addMark(pos + 1 + at, pos + 1 + at + text.length, markType.create({ threadId }))
        placed = true
      }
      return false
    })
  }
  // not an undo step: undo would take a stored anchor out, or bring a deleted thread's back
  if (tr.docChanged || gone.length > 0) {
    editor.view.dispatch(tr.setMeta(storedAnchorMeta, true).setMeta('addToHistory', false))
  }
  return editor.getJSON() as RichTextDoc
}
