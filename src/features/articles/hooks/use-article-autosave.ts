import { useEffect, useRef, useState } from 'react'
import type { Article } from '../../../domain/article'
import { useUpdateArticle } from '../api/update-article'
import { ArticleAutosaver, type SaveState } from '../autosave/article-autosaver'
import type { ArticleDraft, DraftMirror } from '../autosave/draft-mirror'

interface Options {
  article: Article
  mirror: DraftMirror
  readDraft: () => ArticleDraft
  onStatusRejected: (message: string) => void
}

/**
 * Wires an ArticleAutosaver to the page: saves through React Query, flushes when the page is
 * hidden or left, retries when the browser is online again.
 */
export function useArticleAutosave({ article, mirror, readDraft, onStatusRejected }: Options) {
  const update = useUpdateArticle()
  const [state, setState] = useState<SaveState>({ kind: 'saved' })
  const mounted = useRef(true)
  const latest = useRef({ readDraft, onStatusRejected, mutateAsync: update.mutateAsync })
  useEffect(() => {
    latest.current = { readDraft, onStatusRejected, mutateAsync: update.mutateAsync }
  })

  const [saver] = useState(
    // the callbacks read `latest` when a save runs, never during render
    // eslint-disable-next-line react-hooks/refs
    () =>
      new ArticleAutosaver({
        articleId: article.id,
        baseVersion: article.version,
        readDraft: () => latest.current.readDraft(),
        save: (input) => latest.current.mutateAsync({ id: article.id, input }),
        mirror,
        onState: (next) => {
          if (mounted.current) setState(next)
        },
        onSaved: () => undefined,
        onStatusRejected: (message) => latest.current.onStatusRejected(message),
      }),
  )

  useEffect(() => {
    mounted.current = true
    const flush = () => void saver.flush()
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush()
    }
    const onOnline = () => saver.retryNow()
    window.addEventListener('pagehide', flush)
    window.addEventListener('online', onOnline)
    document.addEventListener('visibilitychange', onVisibility)
    return () => {
      window.removeEventListener('pagehide', flush)
      window.removeEventListener('online', onOnline)
      document.removeEventListener('visibilitychange', onVisibility)
      mounted.current = false
      // pending changes still go out after the editor is left; an offline saver keeps retrying
      void saver.flush().finally(() => {
        if (!saver.hasUnsavedChanges && !mounted.current) saver.dispose()
      })
    }
  }, [saver])

  return { saver, state }
}
