import { WrappableText } from '../../../components/wrappable-text'
import { useState } from 'react'
import { errorMessage } from '../../../backend/api-error'
import tableStyles from '../../../components/ui/table.module.css'
import { ErrorState, Loading } from '../../../components/ui/query-state'
import { formatBerlinDateTime } from '../../../domain/deadline'
import type { OutboxMessage } from '../../../domain/sending'
import { withLinkTarget } from '../../../lib/link-target'
import { sanitizeDocument } from '../../../lib/sanitize-html'
import { useOutbox } from '../api/list-outbox'
import styles from './sending.module.css'

/** How often the Postausgang looks for new messages while it is open (a send fills it). */
const outboxPollMs = 2_000

function OutboxMessageView({ message }: { message: OutboxMessage }) {
  return (
    <section className={styles.message} aria-labelledby="outbox-message-heading">
      <h2 id="outbox-message-heading" tabIndex={-1}>
        {message.subject}
      </h2>
      <p className="hint">
        An <WrappableText text={message.to} />, {formatBerlinDateTime(message.at)}
      </p>
      <h3>Ansicht</h3>
      <iframe
        title={`E-Mail an ${message.to}`}
        className={styles.messageFrame}
        // same origin (no scripts): the photos load through the demo backend, as in the Vorschau;
        // its links ("Im Browser ansehen", Abmelden) open in a new tab, as from a mail program
        sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox"
        srcDoc={withLinkTarget(sanitizeDocument(message.html), '_blank')}
      />
      <details className={styles.textPart}>
        <summary>Textfassung</summary>
        <pre>{message.text}</pre>
      </details>
      <details className={styles.textPart}>
        <summary>Kopfzeilen</summary>
        <dl className={styles.headers}>
          {[
            ['From', message.from],
            ['To', message.to],
            ['Subject', message.subject],
            ...Object.entries(message.headers),
          ].map(([name, value]) => (
            <div key={name}>
              <dt>{name}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </details>
    </section>
  )
}

/** Postausgang (Demo): what the demo would have sent, each message as the recipient sees it. */
export function OutboxPage() {
  const outbox = useOutbox({ refetchInterval: outboxPollMs })
  const [shownId, setShownId] = useState<string | null>(null)
  const shown = outbox.data?.find((message) => message.id === shownId)

  return (
    <>
      <title>Postausgang (Demo) – Rundbrief</title>
      <h1>Postausgang (Demo)</h1>
      <p>
        Die Demo verschickt nichts: Jede E-Mail, die der Server senden würde – Testversand, Versand
        einer Ausgabe, Bestätigung einer Anmeldung –, landet hier.
      </p>
      {outbox.isError && !outbox.data ? (
        <ErrorState message={errorMessage(outbox.error)} onRetry={() => outbox.refetch()} />
      ) : !outbox.data ? (
        <Loading />
      ) : outbox.data.length === 0 ? (
        <p className="empty">Der Postausgang ist leer.</p>
      ) : (
        <div className={tableStyles.wrap}>
          <table className={`${tableStyles.table} ${tableStyles.cards}`}>
            <caption className="visually-hidden">
              {outbox.data.length === 1 ? '1 Nachricht' : `${outbox.data.length} Nachrichten`},
              neueste zuerst
            </caption>
            <thead>
              <tr>
                <th scope="col">Betreff</th>
                <th scope="col">An</th>
                <th scope="col">Zeit</th>
                <th scope="col">
                  <span className="visually-hidden">Aktion</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {outbox.data.map((message) => (
                <tr key={message.id} aria-current={message.id === shownId || undefined}>
                  <th scope="row">
                    <WrappableText text={message.subject} />
                  </th>
                  <td data-label="An">
                    <WrappableText text={message.to} />
                  </td>
                  <td data-label="Zeit">{formatBerlinDateTime(message.at)}</td>
                  <td>
                    <button
                      type="button"
                      className="button button-small"
                      aria-label={`Nachricht an ${message.to} ansehen: ${message.subject}`}
                      onClick={() => {
                        setShownId(message.id)
                        requestAnimationFrame(() =>
                          document.getElementById('outbox-message-heading')?.focus(),
                        )
                      }}
                    >
                      Ansehen
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {shown && <OutboxMessageView key={shown.id} message={shown} />}
    </>
  )
}
