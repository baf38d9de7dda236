import { useRef, useState, type FormEvent } from 'react'
import { ApiError, errorMessage } from '../../../backend/api-error'
import { usePasswordLogin } from '../../../lib/session'

type Field = 'login' | 'password'
type FieldErrors = Partial<Record<Field, string>>

const fields: Field[] = ['login', 'password']

function missingInput(login: string, password: string): FieldErrors {
  return {
    ...(login.trim() === '' && { login: 'Bitte den Benutzernamen angeben.' }),
    ...(password === '' && { password: 'Bitte das Passwort angeben.' }),
  }
}

function serverFieldErrors(error: unknown): FieldErrors {
  if (!(error instanceof ApiError) || error.status !== 422) return {}
  const found = error.fieldErrors
  return Object.fromEntries(
    fields.flatMap((field) => (found[field] ? [[field, found[field]]] : [])),
  )
}

/** Sign-in on the real server: Benutzername and Passwort. */
export function PasswordSignInForm({ onSignedIn }: { onSignedIn: () => void }) {
  const signIn = usePasswordLogin()
  const [login, setLogin] = useState('')
  const [password, setPassword] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [failure, setFailure] = useState<string | null>(null)
  const loginInput = useRef<HTMLInputElement>(null)
  const passwordInput = useRef<HTMLInputElement>(null)
  // Guards against a second submit before the pending state has rendered.
  const submitting = useRef(false)

  const showErrors = (found: FieldErrors) => {
    setErrors(found)
    if (found.login) loginInput.current?.focus()
    else if (found.password) passwordInput.current?.focus()
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (submitting.current) return
    const missing = missingInput(login, password)
    setFailure(null)
    if (Object.keys(missing).length > 0) {
      showErrors(missing)
      return
    }
    setErrors({})
    submitting.current = true
    signIn.mutate(
      { login: login.trim(), password },
      {
        onSuccess: onSignedIn,
        onError: (error) => {
          const invalid = serverFieldErrors(error)
          if (Object.keys(invalid).length > 0) {
            showErrors(invalid)
            return
          }
          setFailure(errorMessage(error))
          if (error instanceof ApiError && error.status === 401) {
            setPassword('')
            passwordInput.current?.focus()
          }
        },
        onSettled: () => {
          submitting.current = false
        },
      },
    )
  }

  const fieldProps = (field: Field) => ({
    id: `sign-in-${field}`,
    'aria-invalid': errors[field] ? true : undefined,
    'aria-describedby': errors[field] ? `sign-in-${field}-error` : undefined,
  })
  const fieldError = (field: Field) =>
    errors[field] && (
      <p id={`sign-in-${field}-error`} className="field-error">
        {errors[field]}
      </p>
    )

  return (
    <>
      {failure && (
        <p className="error-state" role="alert">
          {failure}
        </p>
      )}
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="sign-in-login">Benutzername</label>
          <input
            {...fieldProps('login')}
            ref={loginInput}
            type="text"
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
            value={login}
            onChange={(event) => {
              setLogin(event.target.value)
              setErrors(({ login: _, ...rest }) => rest)
            }}
          />
          {fieldError('login')}
        </div>
        <div className="field">
          <label htmlFor="sign-in-password">Passwort</label>
          <input
            {...fieldProps('password')}
            ref={passwordInput}
            type="password"
            name="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => {
              setPassword(event.target.value)
              setErrors(({ password: _, ...rest }) => rest)
            }}
          />
          {fieldError('password')}
        </div>
        <div className="actions">
          <button
            type="submit"
            className="button button-primary"
            aria-disabled={signIn.isPending || undefined}
            aria-busy={signIn.isPending || undefined}
          >
            {signIn.isPending ? 'Anmelden …' : 'Anmelden'}
          </button>
        </div>
      </form>
    </>
  )
}
