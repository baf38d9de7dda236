import type { SaveState } from '../autosave/article-autosaver'

const labels: Record<SaveState['kind'], string> = {
  saved: 'Gespeichert',
  pending: 'Speichert …',
  saving: 'Speichert …',
  offline: 'Nicht gespeichert – offline',
  conflict: 'Konflikt',
  error: 'Nicht gespeichert',
}

/** The save state in words, announced politely to screen readers. */
export function SaveIndicator({ state }: { state: SaveState }) {
  return (
    <p className={`save-indicator save-${state.kind}`} role="status" aria-live="polite">
      {state.kind === 'offline' ? '⚠ ' : state.kind === 'saved' ? '✓ ' : ''}
      {labels[state.kind]}
      {state.kind === 'offline' && (
        <span className="save-detail">
          {' '}
          – Ihre Änderungen sind auf diesem Gerät gesichert und werden gesendet, sobald die
          Verbindung zurück ist.
        </span>
      )}
      {state.kind === 'error' && <span className="save-detail">: {state.message}</span>}
    </p>
  )
}
