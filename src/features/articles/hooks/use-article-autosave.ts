import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useLayoutEffect, useReducer, useRef, useSyncExternalStore } from 'react'
import type { Article } from '../../../domain/article'
import { useCurrentUser } from '../../../lib/session'
import { useUpdateArticle } from '../api/update-article'
import { openArticleAutosaver, type ArticleAutosaver } from '../autosave/article-autosaver'
import { autosaverRegistryOf, type OpenAutosaver } from '../autosave/autosaver-registry'
import { localDraftMirror } from '../autosave/draft-mirror'

/** The app's registry of savers (one per running app, see `autosaverRegistryOf`). */
export function useAutosaverRegistry() {
  return autosaverRegistryOf(useQueryClient())
}

/**
 * The article's one saver while this editor is open (null for the moment before it is opened):
 * saves through React Query, flushes when the page is hidden, retries when the browser is online
 * again. Leaving flushes it (see `AutosaverRegistry`).
 */
export function useArticleAutosave(article: Article): OpenAutosaver | null {
  const user = useCurrentUser()
  const registry = useAutosaverRegistry()
  const { mutateAsync } = useUpdateArticle()
  const open = useSyncExternalStore(registry.subscribe, () => registry.saverOf(user.id, article.id))
  const loaded = useRef(article)
  useLayoutEffect(() => {
    loaded.current = article
  })
  // the saver is opened before the browser paints, so the editor never shows up empty first
  const [, showOpened] = useReducer((count: number) => count + 1, 0)
  useLayoutEffect(() => {
    const release = registry.acquire(user.id, article.id, () =>
      openArticleAutosaver(loaded.current, {
        mirror: localDraftMirror(user.id),
        save: (input) => mutateAsync({ id: article.id, input }),
      }),
    )
    showOpened()
    return release
  }, [registry, user.id, article.id, mutateAsync])

  const saver = open?.saver
  useEffect(() => {
    if (!saver) return
    return flushWhenPageLeaves(saver)
  }, [saver])

  return open
}

/** Saves at once when the page is hidden or left, and retries when the browser is online again. */
function flushWhenPageLeaves(saver: ArticleAutosaver): () => void {
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
  }
}
