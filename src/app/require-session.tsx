import type { ReactNode } from 'react'
import { Navigate, useLocation } from 'react-router'
import { errorMessage } from '../backend/api-error'
import { ErrorState, Loading } from '../components/ui/query-state'
import { useSession } from '../lib/session'

/** Renders its children for a signed-in user and sends everyone else to Anmelden. */
export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession()
  const location = useLocation()
  if (!session.signedIn) {
    // After "Abmelden" the next person starts at Ausgaben, not on the page left behind.
    const from = session.signedOutOnPurpose ? undefined : location.pathname + location.search
    const notice = session.endedBecause ?? undefined
    return <Navigate to="/anmelden" replace state={from || notice ? { from, notice } : null} />
  }
  if (session.isLoading) {
    return (
      <main id="inhalt">
        <Loading label="Sitzung wird geprüft …" />
      </main>
    )
  }
  if (!session.user) {
    return (
      <main id="inhalt">
        <ErrorState
          message={errorMessage(session.error)}
          onRetry={() => window.location.reload()}
        />
      </main>
    )
  }
  return children
}
