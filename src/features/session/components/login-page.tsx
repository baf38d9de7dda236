import { useLocation, useNavigate } from 'react-router'
import { errorMessage } from '../../../backend/api-error'
import { usePublicationName } from '../../../backend/queries/get-publication-name'
import { useSignInMethod } from '../../../backend/queries/get-sign-in-method'
import { newsletterName } from '../../../domain/publication'
import { ErrorState, Loading } from '../../../components/ui/query-state'
import { DemoSignInForm } from './demo-sign-in-form'
import { PasswordSignInForm } from './password-sign-in-form'
import styles from './login-page.module.css'

/** "Anmelden": asks the backend how people sign in, then shows the demo picker or the password form. */
export function LoginPage() {
  const method = useSignInMethod()
  const newsletter = usePublicationName()
  const navigate = useNavigate()
  const location = useLocation()
  const state = location.state as { from?: string; notice?: string } | null
  const from = state?.from ?? '/ausgaben'
  const onSignedIn = () => navigate(from, { replace: true })

  return (
    <main id="inhalt" className={styles.login}>
      <title>Anmelden – Rundbrief</title>
      <div className={styles.card}>
        <p className={styles.brand}>Rundbrief</p>
        <h1>Anmelden</h1>
        {newsletter.data && (
          <p className="muted">Redaktion des Newsletters „{newsletterName(newsletter.data)}“</p>
        )}
        {state?.notice ? (
          <p role="status" className="notice">
            {state.notice}
          </p>
        ) : null}
        {method.isPending ? (
          <Loading />
        ) : method.isError ? (
          <ErrorState message={errorMessage(method.error)} onRetry={() => method.refetch()} />
        ) : method.data === 'password' ? (
          <PasswordSignInForm onSignedIn={onSignedIn} />
        ) : (
          <DemoSignInForm onSignedIn={onSignedIn} />
        )}
      </div>
    </main>
  )
}
