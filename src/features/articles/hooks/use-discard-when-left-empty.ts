import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import { useBackend } from '../../../backend/backend-provider'
import { articleQueryOptions } from '../../../backend/queries/get-article'
import { articlesQueryOptions } from '../../../backend/queries/list-articles'
import { can } from '../../../domain/permissions'
import { isEmptyArticle } from '../../../domain/trash'
import { useCurrentUser } from '../../../lib/session'
import type { ArticleAutosaver } from '../autosave/article-autosaver'
import { useAutosaverRegistry } from './use-article-autosave'

/**
 * When the editor is left and the article holds nothing anyone typed (no headline, no text, no
 * photo, everything saved), it is discarded for good: "Neuer Beitrag" followed by "zurück" leaves
 * no "Ohne Überschrift" behind. A reload keeps it (the editor comes back to the same address).
 */
export function useDiscardWhenLeftEmpty(articleId: string, saver: ArticleAutosaver) {
  const backend = useBackend()
  const queryClient = useQueryClient()
  const user = useCurrentUser()
  const registry = useAutosaverRegistry()
  const mounted = useRef(false)

  useEffect(() => {
    mounted.current = true
    return () => {
      mounted.current = false
      // After a macrotask: React's StrictMode mounts again at once, a real leave does not.
      setTimeout(() => {
        const reopened = () => mounted.current || registry.isOpen(user.id, articleId)
        if (reopened() || !can(user.role, 'article.delete')) return
        void (async () => {
          await saver.flush()
          // a conflict, an error or an offline save all leave unsaved changes
          if (saver.hasUnsavedChanges || reopened()) return
          const key = articleQueryOptions(backend, articleId).queryKey
          const article = queryClient.getQueryData(key)
          if (!article || article.issueId !== null || !isEmptyArticle(article)) return
          try {
            // Versioned: if someone wrote into it meanwhile, the server keeps it (409).
            await backend.deleteArticle(articleId, article.version)
          } catch {
            return
          }
          queryClient.removeQueries({ queryKey: key })
          await queryClient.invalidateQueries({
            queryKey: articlesQueryOptions(backend).queryKey.slice(0, 2),
          })
        })()
      }, 0)
    }
  }, [articleId, backend, queryClient, registry, saver, user.id, user.role])
}
