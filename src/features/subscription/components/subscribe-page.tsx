import { useEffect, useRef, useState, type FormEvent } from 'react'
import { ApiError, errorMessage } from '../../../backend/api-error'
import { ErrorState, Loading } from '../../../components/ui/query-state'
import { fieldErrors } from '../../../domain/field-errors'
import { subscribeInputSchema, type SubscriptionInfo } from '../../../domain/sending'
import { maxSubscriberNameLength } from '../../../domain/subscriber'
import { useSubscriptionInfo } from '../api/get-subscription-info'
import { useSubscribe } from '../api/subscribe'
import { usePublicationName } from '../../../backend/queries/get-publication-name'
import { PublicPage } from '../../../components/public-page'
import styles from './subscription-pages.module.css'

/** "/abonnieren": the public sign-up with the versioned consent text (double opt-in). */
export function SubscribePage() {
  const newsletter = usePublicationName()
  const info = useSubscriptionInfo()
  return (
    <PublicPage newsletter={newsletter.data} title="Newsletter abonnieren">
      <h1>Newsletter abonnieren</h1>
      <p>
        Das Dezernat Soziales der Stadt Gera berichtet im Newsletter über Sozialplanung, Integration
        und soziale Angebote in der Stadt. Jede Ausgabe kommt kostenlos per E-Mail.
      </p>
      {info.isPending ? (
        <Loading />
      ) : !info.data ? (
        <ErrorState message={errorMessage(info.error)} onRetry={() => info.refetch()} />
      ) : !info.data.available ? (
        <p className="notice notice-warning" role="status">
          {info.data.unavailableReason ??
            'Die Anmeldung ist gerade nicht möglich. Bitte versuchen Sie es später erneut.'}
        </p>
      ) : (
        <SubscribeForm info={info.data} />
      )}
    </PublicPage>
  )
}

function SubscribeForm({ info }: { info: SubscriptionInfo }) {
  const subscribe = useSubscribe()
  const [email, setEmail] = useState('')
  const [name, setName] = useState('')
  const [consent, setConsent] = useState(false)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const done = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (subscribe.isSuccess) done.current?.focus()
  }, [subscribe.isSuccess])

  if (subscribe.data)
    return (
      <div ref={done} tabIndex={-1} className="notice" role="status">
        <h2>Bitte bestätigen Sie Ihre E-Mail-Adresse</h2>
        <p>{subscribe.data.message}</p>
        <p>Erst nach Ihrer Bestätigung erhalten Sie den Newsletter.</p>
      </div>
    )

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const parsed = subscribeInputSchema.safeParse(
      { email, name, consent, consentVersion: info.consentVersion },
      { reportInput: true },
    )
    setErrors(parsed.success ? {} : fieldErrors(parsed.error.issues))
    if (!parsed.success) return
    subscribe.mutate(parsed.data, {
      onError: (error) => {
        if (error instanceof ApiError) setErrors(error.fieldErrors)
      },
    })
  }

  const describedBy = (field: string, hint?: string) =>
    errors[field] ? `subscribe-${field}-error` : hint
  const error = (field: string) =>
    errors[field] && (
      <p id={`subscribe-${field}-error`} className="field-error">
        {errors[field]}
      </p>
    )
  const hasFieldErrors = Object.keys(errors).length > 0
  return (
    <form onSubmit={submit} noValidate aria-label="Anmeldung zum Newsletter">
      <div className="field">
        <label htmlFor="subscribe-email">E-Mail-Adresse</label>
        <input
          id="subscribe-email"
          type="email"
          autoComplete="email"
          required
          value={email}
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={describedBy('email')}
          onChange={(event) => setEmail(event.target.value)}
        />
        {error('email')}
      </div>
      <div className="field">
        <label htmlFor="subscribe-name">Name (freiwillig)</label>
        <input
          id="subscribe-name"
          type="text"
          autoComplete="name"
          maxLength={maxSubscriberNameLength}
          value={name}
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={describedBy('name', 'subscribe-name-hint')}
          onChange={(event) => setName(event.target.value)}
        />
        <p id="subscribe-name-hint" className="hint">
          Nur für die Anrede; Sie können das Feld leer lassen.
        </p>
        {error('name')}
      </div>
      <div className={styles.consent}>
        <label className={styles.consentChoice}>
          <input
            type="checkbox"
            required
            checked={consent}
            aria-invalid={errors.consent ? true : undefined}
            aria-describedby={describedBy('consent', 'subscribe-consent-version')}
            onChange={(event) => setConsent(event.target.checked)}
          />
          <span>{info.consentText}</span>
        </label>
        <p id="subscribe-consent-version" className="hint">
          Einwilligungserklärung, Fassung {info.consentVersion}
        </p>
        {error('consent')}
        {error('consentVersion')}
      </div>
      {hasFieldErrors && (
        <p className="field-error" role="alert">
          Bitte prüfen Sie die markierten Angaben.
        </p>
      )}
      {subscribe.isError && !hasFieldErrors && (
        <p className="field-error" role="alert">
          {errorMessage(subscribe.error)}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={subscribe.isPending}>
          Newsletter abonnieren
        </button>
      </div>
      <p className="hint">
        Sie bekommen gleich eine E-Mail mit einem Bestätigungslink. Ohne Ihre Bestätigung wird
        nichts gesendet und Ihre Adresse nach sieben Tagen gelöscht.
      </p>
    </form>
  )
}
