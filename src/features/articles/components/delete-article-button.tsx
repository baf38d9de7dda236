import { useState } from 'react'
import { errorMessage } from '../../../backend/api-error'
import type { Article } from '../../../domain/article'
import { isEmptyArticle } from '../../../domain/trash'
import { useDeleteArticle } from '../api/trash'
import { DeleteArticleDialog } from './delete-article-dialog'

interface DeleteArticleButtonProps {
  article: Article
  /** Called once the article is in the Papierkorb, or discarded for good when it was empty. */
  onDeleted: (article: Article, discarded: boolean) => void
}

/**
 * "Löschen" in the article list: asks first, then moves the article into the Papierkorb. An empty
 * article is discarded for good (the delete is versioned, so it is still empty on the server).
 */
export function DeleteArticleButton({ article, onDeleted }: DeleteArticleButtonProps) {
  const [asking, setAsking] = useState(false)
  const remove = useDeleteArticle()
  const name = article.headline || 'Ohne Überschrift'
  const empty = isEmptyArticle(article)
  return (
    <>
      <button
        type="button"
        className="button button-small button-secondary"
        aria-label={`„${name}“ löschen`}
        onClick={() => {
          remove.reset()
          setAsking(true)
        }}
      >
        Löschen
      </button>
      {asking && (
        <DeleteArticleDialog
          headline={article.headline}
          empty={empty}
          busy={remove.isPending}
          error={remove.isError ? errorMessage(remove.error) : null}
          onCancel={() => setAsking(false)}
          onConfirm={() =>
            remove.mutate(article, {
              onSuccess: () => {
                setAsking(false)
                onDeleted(article, empty)
              },
            })
          }
        />
      )}
    </>
  )
}
