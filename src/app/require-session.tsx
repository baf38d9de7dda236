import type { ReactNode } from 'react'
import { Navigate, useLocation } from 'react-router'
import { ErrorState, Loading } from '../components/ui/query-state'
import { useSession } from '../lib/session'

/** Renders its children for a signed-in user and sends everyone else to Anmelden. */
export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession()
  const location = useLocation()
  if (!session.signedIn) {
    return <Navigate to="/anmelden" replace state={{ from: location.pathname + location.search }} />
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
        <ErrorState error={session.error} onRetry={() => window.location.reload()} />
      </main>
    )
  }
  return children
}
