import { errorMessage } from '../../backend/api-error'

/** A polite loading message. */
export function Loading({ label = 'Wird geladen …' }: { label?: string }) {
  return (
    <p className="loading" role="status">
      {label}
    </p>
  )
}

/** A German error message with an optional retry button. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <div className="error-state" role="alert">
      <p>
        <strong>Das hat nicht geklappt.</strong> {errorMessage(error)}
      </p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          Erneut versuchen
        </button>
      )}
    </div>
  )
}
