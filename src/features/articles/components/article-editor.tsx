import { useQueryClient } from '@tanstack/react-query'
import { EditorContent, useEditor } from '@tiptap/react'
import { useEffect, useId, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react'
import { Link, useSearchParams } from 'react-router'
import { errorMessage } from '../../../backend/api-error'
import { useBackend } from '../../../backend/backend-provider'
import { useArticle } from '../../../backend/queries/get-article'
import { commentThreadsQueryOptions } from '../../../backend/queries/list-comment-threads'
import { useUsers } from '../../../backend/queries/list-users'
import { maxHeadlineLength, type Article, type Photo } from '../../../domain/article'
import { readinessProblems } from '../../../domain/article-findings'
import type { ArticleContent } from '../../../domain/article-merge'
import type { VersionContent } from '../../../domain/article-versions'
import { germanTypography } from '../../../domain/german-typography'
import type { RichTextDoc } from '../../../domain/rich-text'
import { articleKit } from '../../../editor/article-kit'
import { useCreateArticle } from '../api/create-article'
import { useRestoreArticleVersion } from '../api/restore-article-version'
import type { ArticleAutosaver } from '../autosave/article-autosaver'
import { CommentPanel } from '../comments/comment-panel'
import { putBackAnchors, storedAnchorMeta, useCommenting } from '../comments/use-commenting'
import { useArticleAutosave } from '../hooks/use-article-autosave'
import { useDiscardWhenLeftEmpty } from '../hooks/use-discard-when-left-empty'
import { usePhotoUpload } from '../hooks/use-photo-upload'
import { useTypographicField } from '../hooks/use-typographic-field'
import { ArticlePhotos } from './article-photos'
import { ArticleStatusBadge } from './article-status-badge'
import { ArticleVersionsDialog } from './article-versions-dialog'
import { ConflictDialog } from './conflict-dialog'
import { lostPassagesNote, openThreadsLosingPassage } from './lost-passages'
import { EditorToolbar } from './editor-toolbar'
import { SaveIndicator } from './save-indicator'
import { WordCount } from './word-count'
import { classNames } from '../../../lib/class-names'
import styles from './article-editor.module.css'

/** A headline is one line: line breaks typed or pasted into the field become spaces. */
const oneLine = (text: string) => text.replace(/[ \t]*[\r\n]+[ \t]*/g, ' ')

/** What the editor shows after a conflict was resolved, in the author's words. */
const resolutionNotes = {
  mine: 'Ihre Fassung wird angezeigt und über die neuere gespeichert.',
  theirs: 'Die neuere Fassung vom Server wird angezeigt; Ihre Änderungen wurden nicht übernommen.',
  both: 'Die neuere Fassung vom Server wird angezeigt.',
  merged: 'Ihre Auswahl aus beiden Fassungen wird angezeigt und gespeichert.',
}

const hasFiles = (dataTransfer: DataTransfer | null) =>
  !!dataTransfer && Array.from(dataTransfer.types).includes('Files')

interface ArticleEditorProps {
  article: Article
  wordLimit: number
}

/**
 * The article editor: headline, rich text, photos, autosave with conflict resolution. The draft
 * is held by the article's one saver, which outlives this editor until it has saved.
 */
export function ArticleEditor(props: ArticleEditorProps) {
  const open = useArticleAutosave(props.article)
  return open && <DraftEditor key={open.serial} saver={open.saver} {...props} />
}

function DraftEditor({
  article,
  wordLimit,
  saver,
}: ArticleEditorProps & { saver: ArticleAutosaver }) {
  const headlineId = useId()
  const [initialBody] = useState(() => saver.draft.body)
  const state = useSyncExternalStore(saver.subscribe, () => saver.current)
  const headline = useSyncExternalStore(saver.subscribe, () => saver.headline)
  const photos = useSyncExternalStore(saver.subscribe, () => saver.photos)
  /** The body as readiness last saw it: taken from the editor after a pause in typing. */
  const [checkedBody, setCheckedBody] = useState<RichTextDoc>(initialBody)
  const [linkOpen, setLinkOpen] = useState(false)
  const [statusMessage, setStatusMessage] = useState<string | null>(null)
  const [resolving, setResolving] = useState(false)
  const [resolution, setResolution] = useState<string | null>(null)
  const [copyNotice, setCopyNotice] = useState<{ id: string; headline: string } | null>(null)
  const [dragging, setDragging] = useState(false)
  /** The text the open "Versionen" dialog compares with (null: closed). */
  const [versionsOf, setVersionsOf] = useState<VersionContent | null>(null)
  const [restoredNote, setRestoredNote] = useState<string | null>(null)
  const restoreVersion = useRestoreArticleVersion()
  const { ref: headlineRef, typed: typedHeadline } =
    useTypographicField<HTMLTextAreaElement>(headline)
  useLayoutEffect(() => {
    // grows with the headline where the browser lacks `field-sizing: content`
    const field = headlineRef.current
    if (!field || (typeof CSS !== 'undefined' && CSS.supports?.('field-sizing', 'content'))) return
    field.style.height = 'auto'
    if (field.scrollHeight > 0) field.style.height = `${field.scrollHeight}px`
  }, [headline, headlineRef])
  const latest = useArticle(article.id).data ?? article
  const users = useUsers()
  const createArticle = useCreateArticle()

  useEffect(() => saver.onStatusRejected(setStatusMessage), [saver])
  useDiscardWhenLeftEmpty(article.id, saver)

  const changePhotos = (next: Photo[]) => saver.edit({ photos: next })
  const upload = usePhotoUpload((photo) => changePhotos([...saver.photos, photo]))
  const addFiles = useRef(upload.addFiles)
  const startComment = useRef(() => {})
  useLayoutEffect(() => {
    addFiles.current = upload.addFiles
  })
  const [searchParams] = useSearchParams()

  const editor = useEditor({
    extensions: articleKit(),
    content: initialBody,
    immediatelyRender: true,
    shouldRerenderOnTransaction: false,
    editorProps: {
      attributes: {
        id: 'article-body',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': 'Text',
        class: styles.body ?? '',
        spellcheck: 'true',
        lang: 'de',
      },
      handleKeyDown: (_view, event) => {
        if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
          event.preventDefault()
          setLinkOpen(true)
          return true
        }
        if ((event.ctrlKey || event.metaKey) && event.altKey && event.code === 'KeyM') {
          event.preventDefault()
          startComment.current()
          return true
        }
        return false
      },
      handleDrop: (_view, event) => {
        const files = Array.from(event.dataTransfer?.files ?? [])
        if (files.length === 0) return false
        event.preventDefault()
        void addFiles.current(files)
        return true
      },
    },
    onUpdate: ({ editor: changed, transaction }) => {
      // an anchor the server stored with its thread: the saver adopts that article instead
      if (!transaction.docChanged || transaction.getMeta(storedAnchorMeta)) return
      const doc = changed.state.doc
      saver.edit({ body: () => doc.toJSON() as RichTextDoc })
    },
  })
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const update = () => {
      clearTimeout(timer)
      timer = setTimeout(() => setCheckedBody(editor.getJSON() as RichTextDoc), 300)
    }
    editor.on('update', update)
    return () => {
      clearTimeout(timer)
      editor.off('update', update)
    }
  }, [editor])

  const commenting = useCommenting(editor, {
    articleId: article.id,
    prepare: async () => {
      await saver.flush()
      if (saver.hasUnsavedChanges || saver.current.kind === 'conflict') {
        return {
          problem:
            'Ihre letzten Änderungen sind noch nicht gespeichert. Bitte versuchen Sie es erneut, sobald „Gespeichert“ angezeigt wird.',
        }
      }
      return { version: saver.version }
    },
    adopt: (stored) => {
      saver.adopt(stored)
      setCheckedBody(stored.body)
    },
    lockTyping: (locked) => editor.setEditable(!locked, false),
    adoptDeletion: (stored) => {
      // typed text waiting or a save under way: its save meets the new version and rebases
      if (saver.hasUnsavedChanges || saver.current.kind !== 'saved') return
      if (saver.version !== stored.version - 1) return
      saver.adopt(stored)
    },
  })
  useLayoutEffect(() => {
    startComment.current = commenting.start
  })
  const queryClient = useQueryClient()
  const backend = useBackend()
  useEffect(
    () =>
      saver.onAnchorsOnlyConflict((theirs, base) => {
        void queryClient.invalidateQueries({
          queryKey: commentThreadsQueryOptions(backend, theirs.id).queryKey,
        })
        return putBackAnchors(editor, theirs.body, base)
      }),
    [saver, editor, queryClient, backend],
  )

  const changeHeadline = (next: string) => saver.edit({ headline: next })

  /** "Anführungszeichen korrigieren" outside the body: headline, captions and credits. */
  const fixTypographyOutsideBody = () => {
    const fixedHeadline = germanTypography(saver.headline)
    if (fixedHeadline !== saver.headline) changeHeadline(fixedHeadline)
    const fixedPhotos = saver.photos.map((photo) => ({
      ...photo,
      caption: germanTypography(photo.caption),
      credit: germanTypography(photo.credit),
    }))
    const photosChanged = fixedPhotos.some(
      (photo, index) =>
        photo.caption !== saver.photos[index]?.caption ||
        photo.credit !== saver.photos[index]?.credit,
    )
    if (photosChanged) changePhotos(fixedPhotos)
  }

  const problems = readinessProblems({ id: article.id, headline, body: checkedBody, photos })
  const headlineAtLimit = headline.length >= maxHeadlineLength
  const conflict = state.kind === 'conflict' ? state : null
  const userName = (id: string) => users.data?.find((user) => user.id === id)?.name ?? 'Jemand'

  const show = (content: ArticleContent) => {
    editor.commands.setContent(content.body, { emitUpdate: false })
    setCheckedBody(content.body)
    saver.replaceDraft(content)
  }
  const takeTheirs = async (theirs: Article) => {
    show(theirs)
    await saver.resolveConflict('theirs', theirs)
  }

  /**
   * Saves what is typed first (so the restore is sent with the version the server has, and the
   * replaced text is kept as a version), then shows the restored text as the saver's new base:
   * no waiting save and no local draft can write over it.
   */
  const restore = async (number: number): Promise<string | null> => {
    await saver.flush()
    if (saver.hasUnsavedChanges || saver.current.kind === 'conflict') {
      return 'Ihre letzten Änderungen sind noch nicht gespeichert. Bitte versuchen Sie es erneut, sobald „Gespeichert“ angezeigt wird.'
    }
    const replaced = editor.getJSON() as RichTextDoc
    const restored = await restoreVersion.mutateAsync({
      id: article.id,
      number,
      version: saver.version,
    })
    const lostPassages = openThreadsLosingPassage(
      queryClient.getQueryData(commentThreadsQueryOptions(backend, article.id).queryKey),
      replaced,
      restored.body,
    )
    editor.commands.setContent(restored.body, { emitUpdate: false })
    setCheckedBody(restored.body)
    saver.adopt(restored)
    setResolution(null)
    setRestoredNote(
      `Version ${number} ist wiederhergestellt. Der bisherige Text bleibt als Version erhalten.${lostPassagesNote(lostPassages)}`,
    )
    setVersionsOf(null)
    return null
  }

  const resolve = async (choice: 'mine' | 'theirs' | 'both' | ArticleContent) => {
    if (!conflict) return
    setResolving(true)
    setResolution(typeof choice === 'string' ? resolutionNotes[choice] : resolutionNotes.merged)
    try {
      if (typeof choice === 'object') {
        show(choice)
        await saver.resolveConflict('mine', conflict.theirs)
      }
      if (choice === 'mine') await saver.resolveConflict('mine', conflict.theirs)
      if (choice === 'both') {
        const copy = await createArticle.mutateAsync({
          headline: `${conflict.mine.headline} (meine Fassung)`.slice(0, maxHeadlineLength),
          body: conflict.mine.body,
          photos: conflict.mine.photos,
        })
        setCopyNotice({ id: copy.id, headline: copy.headline })
      }
      if (choice === 'theirs' || choice === 'both') await takeTheirs(conflict.theirs)
    } catch (error) {
      setStatusMessage(errorMessage(error))
    } finally {
      setResolving(false)
    }
  }

  const editorColumn = (
    <div
      className={classNames(styles.editor, dragging && styles.dragging)}
      onDragOver={(event) => {
        if (!hasFiles(event.dataTransfer)) return
        event.preventDefault()
        setDragging(true)
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(event) => {
        setDragging(false)
        if (!hasFiles(event.dataTransfer)) return
        event.preventDefault()
        void upload.addFiles(Array.from(event.dataTransfer.files))
      }}
    >
      <div className={styles.header}>
        <SaveIndicator state={state} />
        <div className={styles.status}>
          <button
            type="button"
            className="button button-small button-secondary"
            onClick={() => {
              setRestoredNote(null)
              setVersionsOf(saver.draft)
            }}
          >
            Versionen
          </button>
          <ArticleStatusBadge status={latest.status} />
          {latest.status === 'draft' ? (
            <button
              type="button"
              className="button button-small"
              aria-disabled={problems.length > 0 || undefined}
              aria-describedby={problems.length > 0 ? 'readiness-problems' : undefined}
              onClick={() => {
                const body = editor.getJSON() as RichTextDoc
                setCheckedBody(body)
                const current = { id: article.id, headline, body, photos }
                if (readinessProblems(current).length > 0) return
                setStatusMessage(null)
                void saver.requestStatus('ready')
              }}
            >
              Als fertig markieren
            </button>
          ) : (
            <button
              type="button"
              className="button button-small button-secondary"
              onClick={() => void saver.requestStatus('draft')}
            >
              Wieder als Entwurf markieren
            </button>
          )}
        </div>
      </div>
      {state.kind !== 'conflict' && (resolution ?? saver.restoredFromDevice) && (
        <p className="notice" role="status">
          {resolution ?? 'Nicht gespeicherte Änderungen von diesem Gerät wurden wiederhergestellt.'}
        </p>
      )}
      {restoredNote && (
        <p className="notice" role="status">
          {restoredNote}
        </p>
      )}
      {latest.status === 'draft' && problems.length > 0 && (
        <div id="readiness-problems" className="hint">
          Noch nicht fertig: {problems.join(' ')}
        </div>
      )}
      {statusMessage && (
        <p className="field-error" role="alert">
          {statusMessage}
        </p>
      )}
      {copyNotice && (
        <p className="notice" role="status">
          Ihre Fassung wurde als neuer Beitrag{' '}
          <Link to={`/beitraege/${encodeURIComponent(copyNotice.id)}`}>{copyNotice.headline}</Link>{' '}
          im Themenspeicher gesichert.
        </p>
      )}

      <div className="field field-headline">
        <label htmlFor={headlineId}>Überschrift</label>
        <textarea
          id={headlineId}
          ref={headlineRef}
          rows={1}
          className={styles.headlineInput}
          value={headline}
          maxLength={maxHeadlineLength}
          aria-describedby={headlineAtLimit ? `${headlineId}-limit` : undefined}
          onKeyDown={(event) => {
            if (event.key !== 'Enter' || event.nativeEvent.isComposing) return
            event.preventDefault()
            editor.commands.focus('start')
          }}
          onChange={(event) => changeHeadline(oneLine(typedHeadline(event)))}
        />
        {headlineAtLimit && (
          <p id={`${headlineId}-limit`} className="hint hint-warning">
            Die Überschrift darf höchstens {maxHeadlineLength} Zeichen lang sein.
          </p>
        )}
      </div>

      <div className="field">
        <span className="field-label" id="article-body-label">
          Text
        </span>
        <EditorToolbar
          editor={editor}
          linkOpen={linkOpen}
          setLinkOpen={setLinkOpen}
          onFixTypography={fixTypographyOutsideBody}
        />
        <EditorContent editor={editor} className={styles.content} />
        <WordCount editor={editor} limit={wordLimit} />
      </div>

      <ArticlePhotos
        photos={photos}
        onChange={changePhotos}
        onAddFiles={(files) => void upload.addFiles(files)}
        uploading={upload.uploading}
        problems={upload.problems}
      />

      {versionsOf && (
        <ArticleVersionsDialog
          articleId={article.id}
          current={versionsOf}
          onClose={() => setVersionsOf(null)}
          onRestore={restore}
        />
      )}
      {conflict && (
        <ConflictDialog
          mine={conflict.mine}
          theirs={conflict.theirs}
          theirsAuthor={userName(conflict.theirs.updatedBy)}
          busy={resolving}
          onKeepMine={() => void resolve('mine')}
          onTakeTheirs={() => void resolve('theirs')}
          onKeepBoth={() => void resolve('both')}
          onMerge={(merged) => void resolve(merged)}
        />
      )}
    </div>
  )

  return (
    <div className={styles.layout}>
      {editorColumn}
      <CommentPanel
        articleId={article.id}
        body={checkedBody}
        commenting={commenting}
        initialThreadId={searchParams.get('kommentar')}
      />
    </div>
  )
}
