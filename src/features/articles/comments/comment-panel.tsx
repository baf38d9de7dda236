import { useEffect, useId, useRef, useState, type FormEvent, type RefObject } from 'react'
import { errorMessage } from '../../../backend/api-error'
import { useCommentThreads } from '../../../backend/queries/list-comment-threads'
import { useUsers } from '../../../backend/queries/list-users'
import { ErrorState, Loading } from '../../../components/ui/query-state'
import {
  commentDeletion,
  mayChangeComment,
  maxCommentLength,
  openThreadCount,
  type Comment,
  type CommentThread,
} from '../../../domain/comment'
import type { Article } from '../../../domain/article'
import { commentAnchorTexts } from '../../../domain/comment-anchor'
import { formatBerlinDateTime } from '../../../domain/deadline'
import type { RichTextDoc } from '../../../domain/rich-text'
import { classNames } from '../../../lib/class-names'
import { useCurrentUser } from '../../../lib/session'
import {
  useDeleteComment,
  useEditComment,
  useReplyToCommentThread,
  useResolveCommentThread,
} from '../api/comments'
import type { PendingComment } from './use-commenting'
import styles from './comment-panel.module.css'

/**
 * A form that replaces a button while open: when it closes (sent or cancelled), focus goes back
 * to that button instead of falling to the page.
 */
function useFormInPlaceOfButton(button: RefObject<HTMLButtonElement | null>) {
  const [open, setOpen] = useState(false)
  const returnFocus = useRef(false)
  useEffect(() => {
    if (open || !returnFocus.current) return
    returnFocus.current = false
    button.current?.focus()
  }, [open, button])
  const close = () => {
    returnFocus.current = true
    setOpen(false)
  }
  return { open, show: () => setOpen(true), close }
}

/** A text field with its buttons: a new comment, a reply, or a changed comment. */
function CommentTextForm({
  label,
  submitLabel,
  initial = '',
  busy,
  error,
  onSubmit,
  onCancel,
}: {
  label: string
  submitLabel: string
  initial?: string
  busy: boolean
  error: string | null
  onSubmit: (text: string) => void
  onCancel: () => void
}) {
  const id = useId()
  const [text, setText] = useState(initial)
  const [missing, setMissing] = useState(false)
  const field = useRef<HTMLTextAreaElement>(null)
  useEffect(() => field.current?.focus(), [])
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (text.trim() === '') {
      setMissing(true)
      field.current?.focus()
      return
    }
    setMissing(false)
    onSubmit(text)
  }
  const message = missing ? 'Bitte schreiben Sie einen Kommentar.' : error
  return (
    <form className={styles.form} onSubmit={submit} noValidate>
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        ref={field}
        rows={3}
        value={text}
        maxLength={maxCommentLength}
        aria-invalid={message ? true : undefined}
        aria-describedby={message ? `${id}-error` : `${id}-hint`}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault()
            onCancel()
          }
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit(event)
        }}
      />
      {message ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {message}
        </p>
      ) : (
        <p id={`${id}-hint`} className={styles.hint}>
          „@“ und ein Name benachrichtigt die Person, z. B. „@Sandra Wanzar“. Strg+Enter sendet.
        </p>
      )}
      <div className={styles.actions}>
        <button type="submit" className="button button-small" aria-disabled={busy || undefined}>
          {busy ? 'Wird gesendet …' : submitLabel}
        </button>
        <button type="button" className="button button-small button-secondary" onClick={onCancel}>
          Abbrechen
        </button>
      </div>
    </form>
  )
}

function CommentItem({
  comment,
  thread,
  articleId,
  userName,
  onThreadDeleted,
  onDeleted,
}: {
  comment: Comment
  thread: CommentThread
  articleId: string
  userName: (id: string) => string
  onThreadDeleted: (threadId: string, article: Article | null) => void
  /** After the deletion: focus goes where the user can go on (the button went with it). */
  onDeleted: (threadGone: boolean) => void
}) {
  const user = useCurrentUser()
  const editButton = useRef<HTMLButtonElement>(null)
  const editing = useFormInPlaceOfButton(editButton)
  const edit = useEditComment(articleId)
  const remove = useDeleteComment(articleId, onThreadDeleted)
  const own = mayChangeComment(user, comment)
  const deletion = commentDeletion(thread, comment.id)
  const deletable = own && deletion !== 'refused'
  return (
    <li className={styles.comment}>
      <p className={styles.byline}>
        <strong>{userName(comment.authorId)}</strong>{' '}
        <time dateTime={comment.createdAt}>{formatBerlinDateTime(comment.createdAt)}</time>
        {comment.editedAt && ' (bearbeitet)'}
      </p>
      {editing.open ? (
        <CommentTextForm
          label="Kommentar bearbeiten"
          submitLabel="Speichern"
          initial={comment.text}
          busy={edit.isPending}
          error={edit.error ? errorMessage(edit.error) : null}
          onSubmit={(text) =>
            edit.mutate({ commentId: comment.id, text }, { onSuccess: editing.close })
          }
          onCancel={() => {
            edit.reset()
            editing.close()
          }}
        />
      ) : (
        <p className={styles.text}>{comment.text}</p>
      )}
      {own && !editing.open && (
        <div className={styles.actions}>
          <button
            ref={editButton}
            type="button"
            className="button button-small button-secondary"
            onClick={editing.show}
            aria-label={`Ihren Kommentar vom ${formatBerlinDateTime(comment.createdAt)} bearbeiten`}
          >
            Bearbeiten
          </button>
          {deletable && (
            <button
              type="button"
              className="button button-small button-secondary"
              aria-label={`Ihren Kommentar vom ${formatBerlinDateTime(comment.createdAt)} löschen`}
              aria-disabled={remove.isPending || undefined}
              onClick={() => {
                if (remove.isPending) return
                remove.mutate(
                  {
                    commentId: comment.id,
                    threadId: thread.id,
                    takesThread: deletion === 'thread',
                  },
                  { onSuccess: () => onDeleted(deletion === 'thread') },
                )
              }}
            >
              Löschen
            </button>
          )}
        </div>
      )}
      {remove.error && (
        <p className="field-error" role="alert">
          {errorMessage(remove.error)}
        </p>
      )}
    </li>
  )
}

function ThreadItem({
  thread,
  articleId,
  anchoredText,
  active,
  focusOnMount,
  userName,
  onShow,
  onThreadDeleted,
  focusPanel,
}: {
  thread: CommentThread
  articleId: string
  anchoredText: string | undefined
  active: boolean
  focusOnMount: boolean
  userName: (id: string) => string
  onShow: () => void
  onThreadDeleted: (threadId: string, article: Article | null) => void
  /** Moves focus to the panel's heading (the thread is gone). */
  focusPanel: () => void
}) {
  const replyButton = useRef<HTMLButtonElement>(null)
  const replying = useFormInPlaceOfButton(replyButton)
  const reply = useReplyToCommentThread(articleId)
  const resolve = useResolveCommentThread(articleId)
  const heading = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (!focusOnMount) return
    heading.current?.focus()
    heading.current?.scrollIntoView?.({ block: 'nearest' })
  }, [focusOnMount])
  const resolved = thread.resolvedAt !== null
  const removed = anchoredText === undefined
  return (
    <li
      className={classNames(
        styles.thread,
        active && styles.threadActive,
        resolved && styles.threadResolved,
      )}
      data-thread-id={thread.id}
    >
      <button
        ref={heading}
        type="button"
        className={styles.quote}
        onClick={onShow}
        aria-label={
          removed
            ? `Text entfernt, früher „${thread.quote}“`
            : `Textstelle zeigen: „${anchoredText}“`
        }
      >
        {removed ? (
          <>
            <span className={styles.removed}>Text entfernt</span>{' '}
            <span className={styles.oldQuote}>„{thread.quote}“</span>
          </>
        ) : (
          <>„{anchoredText}“</>
        )}
      </button>
      {resolved && (
        <p className={styles.resolvedNote}>
          Erledigt von {userName(thread.resolvedBy ?? '')},{' '}
          {formatBerlinDateTime(thread.resolvedAt ?? '')}
        </p>
      )}
      <ol className={styles.comments}>
        {thread.comments.map((comment) => (
          <CommentItem
            key={comment.id}
            comment={comment}
            thread={thread}
            articleId={articleId}
            userName={userName}
            onThreadDeleted={onThreadDeleted}
            onDeleted={(threadGone) => (threadGone ? focusPanel() : heading.current?.focus())}
          />
        ))}
      </ol>
      {replying.open ? (
        <CommentTextForm
          label="Antwort"
          submitLabel="Antwort senden"
          busy={reply.isPending}
          error={reply.error ? errorMessage(reply.error) : null}
          onSubmit={(text) =>
            reply.mutate({ threadId: thread.id, text }, { onSuccess: replying.close })
          }
          onCancel={() => {
            reply.reset()
            replying.close()
          }}
        />
      ) : (
        <div className={styles.actions}>
          <button
            ref={replyButton}
            type="button"
            className="button button-small button-secondary"
            onClick={replying.show}
          >
            Antworten
          </button>
          <button
            type="button"
            className="button button-small button-secondary"
            aria-disabled={resolve.isPending || undefined}
            onClick={() => {
              if (!resolve.isPending) resolve.mutate({ threadId: thread.id, resolved: !resolved })
            }}
          >
            {resolved ? 'Wieder öffnen' : 'Erledigt'}
          </button>
        </div>
      )}
      {resolve.error && (
        <p className="field-error" role="alert">
          {errorMessage(resolve.error)}
        </p>
      )}
    </li>
  )
}

export interface CommentPanelProps {
  articleId: string
  /** The body as shown (anchors whose text is gone make a thread "Text entfernt"). */
  body: RichTextDoc
  commenting: {
    pending: PendingComment | null
    problem: string | null
    busy: boolean
    activeThreadId: string | null
    start: () => void
    cancel: () => void
    submit: (text: string) => Promise<string | null>
    showThread: (threadId: string) => void
    /** A thread deleted here: its anchor leaves the editor; `article` is the stored one without. */
    threadDeleted: (threadId: string, article: Article | null) => void
  }
  /** The thread to open from the address (`?kommentar=`). */
  initialThreadId: string | null
}

/** "Kommentare": the article's threads beside the text, and the form of a new comment. */
export function CommentPanel({ articleId, body, commenting, initialThreadId }: CommentPanelProps) {
  const threads = useCommentThreads(articleId)
  const users = useUsers()
  const headingId = useId()
  const [focusThread, setFocusThread] = useState<string | null>(initialThreadId)
  const panelHeading = useRef<HTMLHeadingElement>(null)
  const shownInitial = useRef(false)
  const { showThread } = commenting
  useEffect(() => {
    if (shownInitial.current || !initialThreadId || !threads.data) return
    shownInitial.current = true
    if (threads.data.some((thread) => thread.id === initialThreadId)) showThread(initialThreadId)
  }, [initialThreadId, threads.data, showThread])
  const userName = (id: string) => users.data?.find((user) => user.id === id)?.name ?? 'Jemand'
  const anchorTexts = commentAnchorTexts(body)
  const open = threads.data ? openThreadCount(threads.data) : 0

  return (
    <aside className={styles.panel} aria-labelledby={headingId}>
      <h2 id={headingId} ref={panelHeading} tabIndex={-1} className={styles.heading}>
        Kommentare
        {open > 0 && <span className={styles.count}> ({open} offen)</span>}
      </h2>
      <button
        type="button"
        className="button button-small"
        onClick={commenting.start}
        aria-keyshortcuts="Control+Alt+M"
      >
        Kommentieren
      </button>
      {commenting.problem && (
        <p className="field-error" role="alert">
          {commenting.problem}
        </p>
      )}
      {commenting.pending && (
        <div className={styles.newComment}>
          <p className={styles.pendingQuote}>„{commenting.pending.quote}“</p>
          <CommentTextForm
            label="Kommentar"
            submitLabel="Kommentar speichern"
            busy={commenting.busy}
            error={null}
            onSubmit={(text) => {
              void commenting.submit(text).then((threadId) => {
                if (threadId) setFocusThread(threadId)
              })
            }}
            onCancel={commenting.cancel}
          />
        </div>
      )}
      {threads.isPending ? (
        <Loading />
      ) : !threads.data ? (
        <ErrorState message={errorMessage(threads.error)} onRetry={() => threads.refetch()} />
      ) : threads.data.length === 0 ? (
        <p className={styles.empty}>
          Noch keine Kommentare. Markieren Sie eine Textstelle und wählen Sie „Kommentieren“
          (Strg+Alt+M).
        </p>
      ) : (
        <ol className={styles.threads} aria-label="Gespräche">
          {threads.data.map((thread) => (
            <ThreadItem
              key={thread.id}
              thread={thread}
              articleId={articleId}
              anchoredText={anchorTexts.get(thread.id)}
              active={commenting.activeThreadId === thread.id}
              focusOnMount={focusThread === thread.id}
              userName={userName}
              onShow={() => commenting.showThread(thread.id)}
              onThreadDeleted={commenting.threadDeleted}
              focusPanel={() => panelHeading.current?.focus()}
            />
          ))}
        </ol>
      )}
    </aside>
  )
}
