import { useState, type FormEvent } from 'react'
import { errorMessage } from '../../../backend/api-error'
import { useUsers } from '../../../backend/queries/list-users'
import { ErrorState, Loading } from '../../../components/ui/query-state'
import { roleLabels } from '../../../domain/role-labels'
import { useLogin } from '../../../lib/session'

/** Demo sign-in: "Anmelden als …" one of the people of the demo backend, without a password. */
export function DemoSignInForm({ onSignedIn }: { onSignedIn: () => void }) {
  const users = useUsers()
  const login = useLogin()
  const [userId, setUserId] = useState('')
  const [missingChoice, setMissingChoice] = useState(false)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!userId) {
      setMissingChoice(true)
      return
    }
    login.mutate(userId, { onSuccess: onSignedIn })
  }

  if (users.isPending) return <Loading />
  if (users.isError)
    return <ErrorState message={errorMessage(users.error)} onRetry={() => users.refetch()} />
  return (
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
  )
}
