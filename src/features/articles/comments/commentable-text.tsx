import { Extension } from '@tiptap/core'
import { Plugin } from '@tiptap/pm/state'
import { EditorContent, useEditor } from '@tiptap/react'
import { useEffect, useLayoutEffect, useRef } from 'react'
import { useSearchParams } from 'react-router'
import type { Article } from '../../../domain/article'
import { articleKit } from '../../../editor/article-kit'
import editorStyles from '../components/article-editor.module.css'
import { CommentPanel } from './comment-panel'
import { storedAnchorMeta, useCommenting } from './use-commenting'

/** Lets through only the anchors the server stored: the text cannot be changed here. */
const TextUnchangeable = Extension.create({
  name: 'textUnchangeable',
  addProseMirrorPlugins: () => [
    new Plugin({
      filterTransaction: (tr) => !tr.docChanged || tr.getMeta(storedAnchorMeta) === true,
    }),
  ],
})

/**
 * The text of an article for those who may not change it now (Gestaltung, a locked issue): it can
 * be read, selected with mouse or keyboard and commented on, with the "Kommentare" beside it.
 */
export function CommentableText({ article }: { article: Article }) {
  const [searchParams] = useSearchParams()
  const startComment = useRef(() => {})
  const editor = useEditor({
    extensions: [...articleKit(), TextUnchangeable],
    content: article.body,
    immediatelyRender: true,
    shouldRerenderOnTransaction: false,
    editorProps: {
      attributes: {
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-readonly': 'true',
        'aria-label': 'Text (nur lesen; markieren und kommentieren möglich)',
        class: editorStyles.body ?? '',
        lang: 'de',
      },
      handleKeyDown: (_view, event) => {
        if ((event.ctrlKey || event.metaKey) && event.altKey && event.code === 'KeyM') {
          event.preventDefault()
          startComment.current()
          return true
        }
        return false
      },
    },
  })
  // someone else's change (a new anchor, or text while the issue was open) reaches this view
  useEffect(() => {
    if (JSON.stringify(editor.getJSON()) === JSON.stringify(article.body)) return
    editor
      .chain()
      .setMeta(storedAnchorMeta, true)
      .setContent(article.body, { emitUpdate: false })
      .run()
  }, [editor, article.body])
  const commenting = useCommenting(editor, {
    articleId: article.id,
    prepare: () => Promise.resolve({ version: article.version }),
    adopt: () => {},
  })
  useLayoutEffect(() => {
    startComment.current = commenting.start
  })
  return (
    <div className={editorStyles.layout}>
      <EditorContent editor={editor} className={editorStyles.content} />
      <CommentPanel
        articleId={article.id}
        body={article.body}
        commenting={commenting}
        initialThreadId={searchParams.get('kommentar')}
      />
    </div>
  )
}
