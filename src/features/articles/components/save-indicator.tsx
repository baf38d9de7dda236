import type { SaveState } from '../autosave/article-autosaver'
import { classNames } from '../../../lib/class-names'
import styles from './save-indicator.module.css'

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
    <p
      className={classNames(styles.indicator, styles[state.kind])}
      role="status"
      aria-live="polite"
      data-testid="save-indicator"
    >
      {state.kind === 'offline' ? '⚠ ' : state.kind === 'saved' ? '✓ ' : ''}
      {labels[state.kind]}
      {state.kind === 'offline' && (
        <span className={styles.detail}>
          {' '}
          – Ihre Änderungen sind auf diesem Gerät gesichert und werden gesendet, sobald die
          Verbindung zurück ist.
        </span>
      )}
      {state.kind === 'error' && <span className={styles.detail}>: {state.message}</span>}
    </p>
  )
}
