import { useState, type FormEvent } from 'react'
import { useLocation, useNavigate } from 'react-router'
import { errorMessage } from '../../../backend/api-error'
import { useUsers } from '../../../backend/queries/list-users'
import { ErrorState, Loading } from '../../../components/ui/query-state'
import { roleLabels } from '../../../domain/user'
import { useLogin } from '../../../lib/session'

/** "Anmelden": choose who you are (demo users) and sign in. */
export function LoginPage() {
  const users = useUsers()
  const login = useLogin()
  const navigate = useNavigate()
  const location = useLocation()
  const [userId, setUserId] = useState('')
  const [missingChoice, setMissingChoice] = useState(false)
  const from = (location.state as { from?: string } | null)?.from ?? '/ausgaben'

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!userId) {
      setMissingChoice(true)
      return
    }
    login.mutate(userId, { onSuccess: () => navigate(from, { replace: true }) })
  }

  return (
    <main id="inhalt" className="login">
      <title>Anmelden – Rundbrief</title>
      <div className="login-card">
        <p className="brand-large">Rundbrief</p>
        <h1>Anmelden</h1>
        <p className="muted">
          Redaktion der „Nachrichten aus dem Dezernat Soziales“ der Stadt Gera
        </p>
        {users.isPending ? (
          <Loading />
        ) : users.isError ? (
          <ErrorState error={users.error} onRetry={() => users.refetch()} />
        ) : (
          <form onSubmit={submit} noValidate>
            <fieldset aria-describedby={missingChoice ? 'login-choice-error' : undefined}>
              <legend>Anmelden als …</legend>
              {users.data.map((user) => (
                <label key={user.id} className="choice">
                  <input
                    type="radio"
                    name="userId"
                    value={user.id}
                    checked={userId === user.id}
                    onChange={() => {
                      setUserId(user.id)
                      setMissingChoice(false)
                    }}
                  />
                  {user.name} ({roleLabels[user.role]})
                </label>
              ))}
            </fieldset>
            {missingChoice && (
              <p id="login-choice-error" className="field-error" role="alert">
                Bitte wählen Sie aus, als wer Sie sich anmelden.
              </p>
            )}
            {login.isError && (
              <p className="field-error" role="alert">
                {errorMessage(login.error)}
              </p>
            )}
            <button type="submit" className="button button-primary" disabled={login.isPending}>
              {login.isPending ? 'Anmelden …' : 'Anmelden'}
            </button>
          </form>
        )}
      </div>
    </main>
  )
}
