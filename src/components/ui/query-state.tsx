import styles from './query-state.module.css'

/** A polite loading message. */
export function Loading({ label = 'Wird geladen …' }: { label?: string }) {
  return (
    <p className={styles.loading} role="status">
      {label}
    </p>
  )
}

/** A German error message (see `errorMessage` of the backend) with an optional retry button. */
export function ErrorState({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <div className="error-state" role="alert">
      <p>
        <strong>Das hat nicht geklappt.</strong> {message}
      </p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          Erneut versuchen
        </button>
      )}
    </div>
  )
}
