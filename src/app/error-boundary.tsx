import { Component, type ErrorInfo, type ReactNode } from 'react'
import { ApiError, errorMessage, NetworkError, ResponseFormatError } from '../backend/api-error'
import styles from './error-page.module.css'

interface Props {
  children: ReactNode
}

interface State {
  error: unknown
}

// Only the backend adapter's errors carry a German message; anything else is a programming error.
const userMessage = (error: unknown) =>
  error instanceof ApiError || error instanceof NetworkError || error instanceof ResponseFormatError
    ? errorMessage(error)
    : 'Diese Seite konnte nicht angezeigt werden.'

/** Shows a German message instead of a white screen when rendering fails. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null }

  static getDerivedStateFromError(error: unknown): State {
    return { error }
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('Rundbrief: Darstellungsfehler', error, info.componentStack)
  }

  override render() {
    if (this.state.error === null) return this.props.children
    return (
      <div className={styles.errorPage} role="alert">
        <h1>Etwas ist schiefgegangen</h1>
        <p>{userMessage(this.state.error)}</p>
        <p>Ihre gespeicherten Daten sind davon nicht betroffen.</p>
        <div className="actions">
          <button type="button" className="button" onClick={() => this.setState({ error: null })}>
            Erneut versuchen
          </button>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => window.location.reload()}
          >
            Seite neu laden
          </button>
        </div>
      </div>
    )
  }
}
