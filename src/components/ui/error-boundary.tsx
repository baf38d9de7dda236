import { Component, type ErrorInfo, type ReactNode } from 'react'
import { errorMessage } from '../../backend/api-error'

interface Props {
  children: ReactNode
}

interface State {
  error: unknown
}

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
      <div className="error-page" role="alert">
        <h1>Etwas ist schiefgegangen</h1>
        <p>{errorMessage(this.state.error)}</p>
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
