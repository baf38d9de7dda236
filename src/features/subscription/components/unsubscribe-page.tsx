import { useEffect, useRef } from 'react'
import { Link, useParams } from 'react-router'
import { errorMessage } from '../../../backend/api-error'
import { Loading } from '../../../components/ui/query-state'
import { useUnsubscribeInfo } from '../api/get-unsubscribe-info'
import { useUnsubscribe } from '../api/unsubscribe'
import { usePublicationName } from '../../../backend/queries/get-publication-name'
import { PublicPage } from '../../../components/public-page'
import { testSendUnsubscribeToken } from '../../../domain/sending'

/**
 * "/abmelden/:token", the link in every issue: shows whose link it is and unsubscribes only on
 * the button — mail gateways that open the link to scan it unsubscribe nobody.
 */
export function UnsubscribePage() {
  const newsletter = usePublicationName()
  const { token = '' } = useParams()
  const testSend = token === testSendUnsubscribeToken
  const info = useUnsubscribeInfo(token, { enabled: !testSend })
  const unsubscribe = useUnsubscribe(token)
  const outcome = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (unsubscribe.isSuccess) outcome.current?.focus()
  }, [unsubscribe.isSuccess])

  return (
    <PublicPage newsletter={newsletter.data} title="Vom Newsletter abmelden">
      <h1>Vom Newsletter abmelden</h1>
      {testSend ? (
        <div className="notice" role="status">
          <h2>Das war ein Testversand</h2>
          <p>
            Ein Testversand geht an Kolleginnen und Kollegen, nicht an die Empfänger. Sein
            Abmeldelink führt deshalb hierher und meldet niemanden ab.
          </p>
          <p>
            In der versendeten Ausgabe bekommt jede Adresse ihren eigenen Link, mit dem sie sich
            abmelden kann.
          </p>
        </div>
      ) : info.isPending ? (
        <Loading />
      ) : !info.data ? (
        <div className="error-state" role="alert">
          <h2>Dieser Abmeldelink funktioniert nicht</h2>
          <p>{errorMessage(info.error)}</p>
          <p>
            Sie können sich auch per E-Mail an die Redaktion des Dezernats Soziales wenden; die
            Adresse steht im Impressum jeder Ausgabe.
          </p>
        </div>
      ) : info.data.status === 'unsubscribed' ? (
        <div ref={outcome} tabIndex={-1} className="notice" role="status">
          <h2>{unsubscribe.isSuccess ? 'Sie sind abgemeldet' : 'Bereits abgemeldet'}</h2>
          <p>
            {info.data.email} ist vom Newsletter abgemeldet. Sie erhalten keine weiteren Ausgaben.
          </p>
          <p>
            Versehentlich abgemeldet? Sie können den Newsletter jederzeit{' '}
            <Link to="/abonnieren">wieder abonnieren</Link>.
          </p>
        </div>
      ) : (
        <>
          <p>
            Möchten Sie <strong>{info.data.email}</strong> vom Newsletter des Dezernats Soziales der
            Stadt Gera abmelden?
          </p>
          {unsubscribe.isError && (
            <p className="field-error" role="alert">
              {errorMessage(unsubscribe.error)}
            </p>
          )}
          <div className="actions">
            <button
              type="button"
              className="button button-primary"
              disabled={unsubscribe.isPending}
              onClick={() => unsubscribe.mutate()}
            >
              Abmelden
            </button>
          </div>
        </>
      )}
    </PublicPage>
  )
}
