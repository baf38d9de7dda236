import { useState } from 'react'
import { errorMessage } from '../../../backend/api-error'
import type { Article } from '../../../domain/article'
import { readinessProblems } from '../../../domain/article-findings'
import { useUpdateArticle } from '../api/update-article'

/** "Als fertig markieren" in the article list, with the reason when it is not possible yet. */
export function MarkReadyButton({ article }: { article: Article }) {
  const update = useUpdateArticle()
  const [message, setMessage] = useState<string | null>(null)
  const problems = readinessProblems(article)
  const name = article.headline || 'Ohne Überschrift'
  return (
    <>
      <button
        type="button"
        className="button button-small"
        aria-disabled={problems.length > 0 || update.isPending || undefined}
        aria-label={`„${name}“ als fertig markieren`}
        onClick={() => {
          if (problems.length > 0) {
            setMessage(`Noch nicht fertig: ${problems.join(' ')}`)
            return
          }
          setMessage(null)
          update.mutate(
            { id: article.id, input: { version: article.version, status: 'ready' } },
            { onError: (error) => setMessage(errorMessage(error)) },
          )
        }}
      >
        Als fertig markieren
      </button>
      {message && (
        <p className="field-error" role="alert">
          {message}
        </p>
      )}
    </>
  )
}
