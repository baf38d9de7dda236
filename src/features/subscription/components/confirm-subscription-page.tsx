import { useEffect, useRef } from 'react'
import { Link, useParams } from 'react-router'
import { errorMessage } from '../../../backend/api-error'
import { useConfirmSubscription } from '../api/confirm-subscription'
import { usePublicationName } from '../../../backend/queries/get-publication-name'
import { PublicPage } from '../../../components/public-page'

/**
 * "/abonnieren/bestaetigen/:token", the link of the confirmation e-mail. Opening the page does
 * not confirm: mail gateways open links to scan them, and a sign-up that someone else requested
 * for this address would otherwise be confirmed without its owner. The owner presses the button.
 */
export function ConfirmSubscriptionPage() {
  const newsletter = usePublicationName()
  const { token = '' } = useParams()
  const confirm = useConfirmSubscription()
  const outcome = useRef<HTMLDivElement>(null)
  const settled = confirm.isSuccess || confirm.isError
  useEffect(() => {
    if (settled) outcome.current?.focus()
  }, [settled])

  return (
    <PublicPage newsletter={newsletter.data} title="Anmeldung bestätigen">
      <h1>Anmeldung bestätigen</h1>
      {confirm.data ? (
        <div ref={outcome} tabIndex={-1} className="notice" role="status">
          <h2>Vielen Dank!</h2>
          <p>
            {confirm.data.email} ist angemeldet. Sie erhalten den Newsletter ab der nächsten
            Ausgabe. Abmelden können Sie sich jederzeit über den Link am Ende jeder Ausgabe.
          </p>
        </div>
      ) : confirm.isError ? (
        <div ref={outcome} tabIndex={-1} className="error-state" role="alert">
          <h2>Das hat nicht geklappt</h2>
          <p>{errorMessage(confirm.error)}</p>
          <p>
            <Link to="/abonnieren">Zur Anmeldung</Link>
          </p>
        </div>
      ) : (
        <>
          <p>
            Bitte bestätigen Sie, dass Sie den Newsletter des Dezernats Soziales der Stadt Gera per
            E-Mail erhalten möchten.
          </p>
          <div className="actions">
            <button
              type="button"
              className="button button-primary"
              disabled={confirm.isPending}
              onClick={() => confirm.mutate(token)}
            >
              Anmeldung bestätigen
            </button>
          </div>
          <p className="hint">
            Haben Sie sich nicht angemeldet? Dann hat jemand anderes Ihre Adresse eingetragen.
            Schließen Sie diese Seite einfach: Ohne Bestätigung erhalten Sie nichts, und die Adresse
            wird nach sieben Tagen gelöscht.
          </p>
        </>
      )}
    </PublicPage>
  )
}
